import { FakeClock } from '../support/fakeClock';
import { startTestApp, type TestApp } from '../support/testApp';
import { issueLink, listOutboxMail, openForm, postForm, refusalReasons, submitWord, type MailedLink } from '../support/resetLinkPage';
import type { NationalId } from '../../src/domain/identity';
import { translate } from '../../src/language/messages';
import { escapeHtml } from '../../src/web/html';

const AYSE: NationalId = { type: 'tckn', value: '10000000146' };
const MEHMET: NationalId = { type: 'tckn', value: '10000000214' };
const ZEYNEP: NationalId = { type: 'tckn', value: '10000000382' };
const ANNA: NationalId = { type: 'passport', value: 'U12345678' };
const UNKNOWN: NationalId = { type: 'tckn', value: '10000000528' };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const SUCCESS = 'Güvenlik sözcüğünüz başarıyla güncellendi';
const EXPIRED = 'süresi dolmuş';
const USED = 'daha önce kullanılmış';
const SUPERSEDED = 'daha yeni bir bağlantı';
const UNKNOWN_LINK = 'Bu bağlantı geçerli değil';
const RULE = {
  tooShort: 'En az 8 karakter olmalı.',
  tooLong: 'En fazla 64 karakter olabilir.',
  containsId: 'Kimlik numaranızı içeremez.',
  // The current word is refused in the blocklist's words: the page must not confirm a guess of it.
  common: 'Bu sözcük güvenlik sözcüğü olarak kullanılamaz; lütfen başka bir sözcük seçin.',
  sameAsCurrent: 'Bu sözcük güvenlik sözcüğü olarak kullanılamaz; lütfen başka bir sözcük seçin.',
  mismatch: 'İki alana yazdıklarınız aynı değil.',
};

let wordCounter = 0;
/** A fresh acceptable security word every call. */
const freshWord = () => `Mavi-Kapi-Yesil-${++wordCounter}x`;

async function wordHash(running: TestApp, id: NationalId): Promise<string | null> {
  const [row] = await running.app.db.query<{ security_word_hash: string | null }>(
    'SELECT security_word_hash FROM citizens WHERE national_id = $1',
    [id.value],
  );
  return row!.security_word_hash;
}

async function mustIssue(running: TestApp, id: NationalId): Promise<MailedLink> {
  const link = await issueLink(running, id);
  if (!link) throw new Error(`no link was mailed for ${id.value}`);
  return link;
}

function expectTokenSafeHeaders(response: Response): void {
  expect(response.headers.get('cache-control')).toContain('no-store');
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
}

describe('when a reset link is mailed and its page is used over time', () => {
  let running: TestApp;
  const clock = new FakeClock();

  beforeAll(async () => {
    running = await startTestApp({}, { clock });
  });
  afterAll(() => running.close());
  // A new fake day for each test, so the limit of 3 links a day never leaks between tests.
  beforeEach(() => clock.advance(DAY + HOUR));

  test('then the mail goes to the registered address, listed at /dev/outbox, with a 43-character token', async () => {
    const link = await mustIssue(running, AYSE);
    expect(link.mail.to).toContain('ayse.yilmaz@example.org');
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(link.url.startsWith(`${running.baseUrl}/guvenlik-sozcugu/`)).toBe(true);
  });

  test('then an unknown ID gets no mail at all', async () => {
    expect(await issueLink(running, UNKNOWN)).toBeUndefined();
  });

  test('then the link still opens at 29 minutes and gives a clear 410 page from 30 minutes on', async () => {
    const link = await mustIssue(running, AYSE);
    clock.advance(29 * MINUTE);
    const form = await openForm(link.url);
    expect(form.html).toContain('name="word"');
    clock.advance(MINUTE);
    const expired = await fetch(link.url);
    expect(expired.status).toBe(410);
    expectTokenSafeHeaders(expired);
    const html = await expired.text();
    expect(html).toContain(EXPIRED);
    expect(html).not.toContain('name="word"');
    clock.advance(10 * MINUTE);
    expect((await fetch(link.url)).status).toBe(410);
  });

  test('then a form opened at 29 minutes and sent at 30 minutes is refused with 410 and the word stays', async () => {
    const link = await mustIssue(running, AYSE);
    const before = await wordHash(running, AYSE);
    clock.advance(29 * MINUTE);
    const form = await openForm(link.url);
    clock.advance(MINUTE);
    const word = freshWord();
    const response = await postForm(form.action, { csrf: form.csrf, lang: 'tr', word, repeat: word }, { cookie: form.cookie });
    expect(response.status).toBe(410);
    expect(await response.text()).toContain(EXPIRED);
    expect(await wordHash(running, AYSE)).toBe(before);
  });

  test('then a word set at 29 minutes is accepted', async () => {
    const link = await mustIssue(running, AYSE);
    clock.advance(29 * MINUTE);
    const word = freshWord();
    const result = await submitWord(link.url, word);
    expect(result.status).toBe(200);
    expect(result.html).toContain(SUCCESS);
    expect(await running.app.hasher.verify((await wordHash(running, AYSE))!, word)).toBe(true);
  });

  test('then the link works once: a second POST and a later GET get 410 "used"', async () => {
    const link = await mustIssue(running, MEHMET);
    const form = await openForm(link.url);
    const first = freshWord();
    const ok = await postForm(form.action, { csrf: form.csrf, lang: 'tr', word: first, repeat: first }, { cookie: form.cookie });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain(SUCCESS);

    const second = freshWord();
    const again = await postForm(form.action, { csrf: form.csrf, lang: 'tr', word: second, repeat: second }, { cookie: form.cookie });
    expect(again.status).toBe(410);
    expect(await again.text()).toContain(USED);
    const reopened = await fetch(link.url);
    expect(reopened.status).toBe(410);
    expect(await reopened.text()).toContain(USED);
    expect(await running.app.hasher.verify((await wordHash(running, MEHMET))!, first)).toBe(true);
  });

  test('then two submits of the same link at the same time change the word once: one 200, one 410', async () => {
    const link = await mustIssue(running, AYSE);
    const [formA, formB] = await Promise.all([openForm(link.url), openForm(link.url)]);
    const words = [freshWord(), freshWord()];
    const responses = await Promise.all(
      [formA, formB].map((form, i) =>
        postForm(form.action, { csrf: form.csrf, lang: 'tr', word: words[i]!, repeat: words[i]! }, { cookie: form.cookie }),
      ),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([200, 410]);
    const winner = words[responses.findIndex((response) => response.status === 200)]!;
    expect(await running.app.hasher.verify((await wordHash(running, AYSE))!, winner)).toBe(true);
  });

  test('then the newest link wins: the first gets 410 "superseded", also for a form already open, and the second works', async () => {
    const older = await mustIssue(running, ANNA);
    const openBefore = await openForm(older.url);
    const newer = await mustIssue(running, ANNA);
    expect(newer.token).not.toBe(older.token);

    const stale = await fetch(older.url);
    expect(stale.status).toBe(410);
    expect(await stale.text()).toContain(SUPERSEDED);
    const word = freshWord();
    const late = await postForm(
      openBefore.action,
      { csrf: openBefore.csrf, lang: 'tr', word, repeat: word },
      { cookie: openBefore.cookie },
    );
    expect(late.status).toBe(410);
    expect(await late.text()).toContain(SUPERSEDED);

    const result = await submitWord(newer.url, word);
    expect(result.status).toBe(200);
    expect(result.html).toContain(SUCCESS);
  });

  test('then five requests at the same time mail at most 3 links', async () => {
    await running.app.background.drain();
    const linkMails = async () =>
      (await listOutboxMail(running)).filter((mail) => mail.subject === 'Güvenlik Sözcüğü Güncelleme bağlantınız');
    const before = (await linkMails()).length;
    await Promise.all(Array.from({ length: 5 }, () => running.app.resetLinks.issue(ANNA, { channel: 'test', locale: 'tr' })));
    await running.app.background.drain();
    expect((await linkMails()).length - before).toBe(3);
  });

  test('then the fourth request within 24 hours mails nothing, the third link still works, and after 24 hours a new one is mailed', async () => {
    const links: MailedLink[] = [];
    for (let i = 0; i < 3; i += 1) {
      links.push(await mustIssue(running, MEHMET));
      clock.advance(MINUTE);
    }
    await running.app.background.drain();
    const mailsBefore = (await listOutboxMail(running)).length;
    expect(await issueLink(running, MEHMET)).toBeUndefined();
    expect((await listOutboxMail(running)).length).toBe(mailsBefore);
    // The refused request supersedes nothing.
    expect((await fetch(links[2]!.url)).status).toBe(200);

    clock.advance(23 * HOUR);
    expect(await issueLink(running, MEHMET)).toBeUndefined();

    // 24 hours after the first of the three links, one of the three slots is free again.
    clock.advance(DAY - 23 * HOUR - 3 * MINUTE);
    const next = await mustIssue(running, MEHMET);
    const result = await submitWord(next.url, freshWord());
    expect(result.status).toBe(200);
    const [limited] = await running.app.db.query<{ count: number }>(
      "SELECT count(*)::int AS count FROM audit_log WHERE action = 'reset-link.limited' AND subject_masked = '100******14'",
    );
    expect(limited!.count).toBe(2);
  });
});

describe('when a new security word breaks a policy rule', () => {
  let running: TestApp;
  const clock = new FakeClock();

  beforeAll(async () => {
    running = await startTestApp({}, { clock });
  });
  afterAll(() => running.close());
  beforeEach(() => clock.advance(DAY + HOUR));

  const cases: [string, NationalId, string, string, string][] = [
    ['it is too short (7 characters)', AYSE, 'Ab1.xyz', 'Ab1.xyz', RULE.tooShort],
    ['it is too long (65 characters)', AYSE, `${'Zq9-'.repeat(16)}Z`, `${'Zq9-'.repeat(16)}Z`, RULE.tooLong],
    ['it contains the ID', AYSE, 'Gizli.10000000146.Yol', 'Gizli.10000000146.Yol', RULE.containsId],
    ['it contains the passport number in another case', ANNA, 'my-u12345678-word', 'my-u12345678-word', RULE.containsId],
    ['it is the common word "galatasaray1905"', AYSE, 'galatasaray1905', 'galatasaray1905', RULE.common],
    ['it is the common word "Password123"', AYSE, 'Password123', 'Password123', RULE.common],
    ['it is the same as the current one', AYSE, 'Lale.Bahce.42', 'Lale.Bahce.42', RULE.sameAsCurrent],
    ['the two entries do not match', AYSE, 'Mavi-Kapi-Yesil-9', 'Mavi-Kapi-Yesil-8', RULE.mismatch],
  ];

  test.each(cases)(
    'when %s, then the page answers 422 naming only that rule, and the word is unchanged',
    async (_name, id, word, repeat, reason) => {
      const link = await mustIssue(running, id);
      const before = await wordHash(running, id);
      const result = await submitWord(link.url, word, repeat);
      expect(result.status).toBe(422);
      expectTokenSafeHeaders(result.response);
      expect(refusalReasons(result.html)).toEqual([reason]);
      // The form is shown again, ready for another try, and never echoes what was typed.
      expect(result.html).toContain('name="word"');
      expect(result.html).not.toContain(word);
      expect(await wordHash(running, id)).toBe(before);
      expect((await fetch(link.url)).status).toBe(200);
    },
  );

  test('when several rules fail at once, then each of them is named', async () => {
    const link = await mustIssue(running, AYSE);
    const result = await submitWord(link.url, 'short', 'other');
    expect(result.status).toBe(422);
    expect(refusalReasons(result.html)).toEqual(expect.arrayContaining([RULE.tooShort, RULE.mismatch]));
  });

  test('when a refused link is used again with a good word, then it still works and the word changes', async () => {
    const link = await mustIssue(running, MEHMET);
    const before = await wordHash(running, MEHMET);
    expect((await submitWord(link.url, 'kisa')).status).toBe(422);
    expect((await submitWord(link.url, 'Password123')).status).toBe(422);
    expect((await submitWord(link.url, 'Kestane.Kebap.7')).status).toBe(422); // Mehmet's current word
    expect(await wordHash(running, MEHMET)).toBe(before);

    const word = freshWord();
    const result = await submitWord(link.url, word);
    expect(result.status).toBe(200);
    expect(result.html).toContain(SUCCESS);
    expect(await running.app.hasher.verify((await wordHash(running, MEHMET))!, word)).toBe(true);
  });
});

describe('when the page gets forged, malformed or hostile requests', () => {
  let running: TestApp;
  const clock = new FakeClock();

  beforeAll(async () => {
    running = await startTestApp({}, { clock });
  });
  afterAll(() => running.close());
  beforeEach(() => clock.advance(DAY + HOUR));

  async function expectLinkUntouched(link: MailedLink, id: NationalId, hash: string | null): Promise<void> {
    expect((await fetch(link.url)).status).toBe(200);
    expect(await wordHash(running, id)).toBe(hash);
  }

  test('when the CSRF cookie is missing, then 403 and the link still works', async () => {
    const link = await mustIssue(running, AYSE);
    const hash = await wordHash(running, AYSE);
    const form = await openForm(link.url);
    const word = freshWord();
    const response = await postForm(form.action, { csrf: form.csrf, lang: 'tr', word, repeat: word });
    expect(response.status).toBe(403);
    expectTokenSafeHeaders(response);
    await expectLinkUntouched(link, AYSE, hash);
  });

  test('when the CSRF token is forged or missing, then 403', async () => {
    const link = await mustIssue(running, AYSE);
    const hash = await wordHash(running, AYSE);
    const form = await openForm(link.url);
    const word = freshWord();
    for (const csrf of ['A'.repeat(43), `${form.csrf.slice(0, -1)}${form.csrf.endsWith('A') ? 'B' : 'A'}`, '']) {
      const response = await postForm(form.action, { csrf, lang: 'tr', word, repeat: word }, { cookie: form.cookie });
      expect(response.status).toBe(403);
    }
    const withoutField = await postForm(form.action, { lang: 'tr', word, repeat: word }, { cookie: form.cookie });
    expect(withoutField.status).toBe(403);
    await expectLinkUntouched(link, AYSE, hash);
  });

  test("when the cookie and token come from another link's form, then 403, and that link's own form works", async () => {
    const ayse = await mustIssue(running, AYSE);
    const mehmet = await mustIssue(running, MEHMET);
    const ayseForm = await openForm(ayse.url);
    const mehmetForm = await openForm(mehmet.url);
    const word = freshWord();

    const bothForeign = await postForm(
      mehmetForm.action,
      { csrf: ayseForm.csrf, lang: 'tr', word, repeat: word },
      { cookie: ayseForm.cookie },
    );
    expect(bothForeign.status).toBe(403);
    const foreignToken = await postForm(
      mehmetForm.action,
      { csrf: ayseForm.csrf, lang: 'tr', word, repeat: word },
      { cookie: mehmetForm.cookie },
    );
    expect(foreignToken.status).toBe(403);
    const foreignCookie = await postForm(
      mehmetForm.action,
      { csrf: mehmetForm.csrf, lang: 'tr', word, repeat: word },
      { cookie: ayseForm.cookie },
    );
    expect(foreignCookie.status).toBe(403);

    const own = await postForm(mehmetForm.action, { csrf: mehmetForm.csrf, lang: 'tr', word, repeat: word }, { cookie: mehmetForm.cookie });
    expect(own.status).toBe(200);
    expect((await fetch(ayse.url)).status).toBe(200);
  });

  const badTokens: [string, string][] = [
    ['too short', 'abc'],
    ['one character too short', 'A'.repeat(42)],
    ['one character too long', 'A'.repeat(44)],
    ['far too long', 'A'.repeat(4000)],
    ['a NUL byte', '%00'],
    ['43 characters of "!"', '!'.repeat(43)],
    ['standard base64 with + and /', `${'A'.repeat(41)}%2B%2F`],
    ['well-formed but never issued', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    ['an emoji', '%F0%9F%98%80'],
    ['markup', '%3Cscript%3Ealert(1)%3C%2Fscript%3E'],
  ];

  test.each(badTokens)('when the token is %s, then GET answers 404 with the clear page', async (_name, token) => {
    const response = await fetch(`${running.baseUrl}/guvenlik-sozcugu/${token}`);
    expect(response.status).toBe(404);
    expectTokenSafeHeaders(response);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain(UNKNOWN_LINK);
    expect(html).not.toContain('<script>');
  });

  test.each([
    ['a broken percent escape', '%ZZ'],
    ['an encoded slash', 'a%2F..%2F..%2Fhealthz'],
    ['a lone percent', '%'],
    ['an overlong UTF-8 escape', '%C0%AE%C0%AE'],
  ])('when the token is %s, then the answer is a 4xx, never a 5xx', async (_name, token) => {
    const response = await fetch(`${running.baseUrl}/guvenlik-sozcugu/${token}`);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  test.each(badTokens)('when a form is POSTed to a token that is %s, then the answer is a 4xx, never a 5xx', async (_name, token) => {
    const valid = await mustIssue(running, ANNA);
    const form = await openForm(valid.url);
    const word = freshWord();
    const response = await postForm(
      `${running.baseUrl}/guvenlik-sozcugu/${token}`,
      { csrf: form.csrf, lang: 'tr', word, repeat: word },
      { cookie: form.cookie },
    );
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  test('when the form is POSTed with another content type, then 4xx and the link still works', async () => {
    const link = await mustIssue(running, AYSE);
    const hash = await wordHash(running, AYSE);
    const form = await openForm(link.url);
    const word = freshWord();
    const fields = { csrf: form.csrf, lang: 'tr', word, repeat: word };
    const asJson = await postForm(form.action, fields, {
      cookie: form.cookie,
      contentType: 'application/json',
      body: JSON.stringify(fields),
    });
    expect(asJson.status).toBeGreaterThanOrEqual(400);
    expect(asJson.status).toBeLessThan(500);
    const asText = await postForm(form.action, fields, { cookie: form.cookie, contentType: 'text/plain' });
    expect(asText.status).toBeGreaterThanOrEqual(400);
    expect(asText.status).toBeLessThan(500);
    await expectLinkUntouched(link, AYSE, hash);
  });

  test('when the form is larger than 8 KB, then 413 and the link still works', async () => {
    const link = await mustIssue(running, AYSE);
    const hash = await wordHash(running, AYSE);
    const form = await openForm(link.url);
    const big = 'Q'.repeat(9 * 1024);
    const response = await postForm(form.action, { csrf: form.csrf, lang: 'tr', word: big, repeat: big }, { cookie: form.cookie });
    expect(response.status).toBe(413);
    expectTokenSafeHeaders(response);
    await expectLinkUntouched(link, AYSE, hash);
  });

  test('when the form is empty, then it is refused with a 4xx and nothing changes', async () => {
    const link = await mustIssue(running, AYSE);
    const hash = await wordHash(running, AYSE);
    const form = await openForm(link.url);
    const response = await postForm(form.action, {}, { cookie: form.cookie, body: '' });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    await expectLinkUntouched(link, AYSE, hash);
  });

  test('when the form page and the result page are served, then they are never cached and never leak a referrer', async () => {
    const link = await mustIssue(running, MEHMET);
    const form = await openForm(link.url);
    expectTokenSafeHeaders(form.response);
    expect(form.cookie.startsWith('gs_csrf=')).toBe(true);
    expect(form.response.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect(form.response.headers.get('set-cookie')).toMatch(/SameSite=Strict/i);
    const word = freshWord();
    const done = await postForm(form.action, { csrf: form.csrf, lang: 'tr', word, repeat: word }, { cookie: form.cookie });
    expect(done.status).toBe(200);
    expectTokenSafeHeaders(done);
  });
});

describe('when a new security word is set', () => {
  let running: TestApp;
  const clock = new FakeClock();

  beforeAll(async () => {
    running = await startTestApp({}, { clock });
  });
  afterAll(() => running.close());
  beforeEach(() => clock.advance(DAY + HOUR));

  test('then the failed-attempt counter is cleared', async () => {
    await running.app.db.query('UPDATE citizens SET failed_attempts = 2 WHERE national_id = $1', [MEHMET.value]);
    const link = await mustIssue(running, MEHMET);
    expect((await submitWord(link.url, freshWord())).status).toBe(200);
    const [row] = await running.app.db.query<{ failed_attempts: number; blocked_at: unknown }>(
      'SELECT failed_attempts, blocked_at FROM citizens WHERE national_id = $1',
      [MEHMET.value],
    );
    expect(row).toEqual({ failed_attempts: 0, blocked_at: null });
  });

  test('then a blocked citizen stays blocked: only an agent lifts a block', async () => {
    await running.app.db.query('UPDATE citizens SET failed_attempts = 3 WHERE national_id = $1', [ZEYNEP.value]);
    const [before] = await running.app.db.query<{ blocked_at: Date | string | null }>(
      'SELECT blocked_at FROM citizens WHERE national_id = $1',
      [ZEYNEP.value],
    );
    expect(before!.blocked_at).not.toBeNull();

    const link = await mustIssue(running, ZEYNEP);
    const word = freshWord();
    const result = await submitWord(link.url, word);
    expect(result.status).toBe(200);
    // The page does not say "you can log in now": the account is still blocked, and the call center lifts it.
    const page = result.html;
    expect(page).toContain(escapeHtml(translate('tr', 'page.successStillBlocked')));
    expect(page).not.toContain(escapeHtml(translate('tr', 'page.success')));

    const [after] = await running.app.db.query<{ blocked_at: Date | string | null; failed_attempts: number; security_word_hash: string }>(
      'SELECT blocked_at, failed_attempts, security_word_hash FROM citizens WHERE national_id = $1',
      [ZEYNEP.value],
    );
    expect(after!.blocked_at).not.toBeNull();
    expect(new Date(after!.blocked_at!).getTime()).toBe(new Date(before!.blocked_at!).getTime());
    expect(after!.failed_attempts).toBe(0);
    expect(after!.security_word_hash.startsWith('$argon2id$')).toBe(true);
    expect(await running.app.hasher.verify(after!.security_word_hash, word)).toBe(true);
  });

  test('then a notice is mailed to the citizen', async () => {
    const link = await mustIssue(running, AYSE);
    const before = (await listOutboxMail(running)).length;
    expect((await submitWord(link.url, freshWord())).status).toBe(200);
    await running.app.background.drain();
    const added = (await listOutboxMail(running)).slice(before);
    expect(added.some((mail) => mail.to.includes('ayse.yilmaz@example.org') && mail.subject === 'Güvenlik sözcüğünüz değiştirildi')).toBe(
      true,
    );
  });

  test('then the audit log has reset-link.sent and security-word.changed rows with the masked ID, never the full ID', async () => {
    const link = await mustIssue(running, AYSE);
    const word = freshWord();
    expect((await submitWord(link.url, word)).status).toBe(200);
    await running.app.background.drain();

    const rows = await running.app.db.query<Record<string, unknown>>(
      "SELECT * FROM audit_log WHERE action IN ('reset-link.sent', 'security-word.changed') AND subject_masked = '100******46' ORDER BY id",
    );
    const actions = rows.map((row) => row['action']);
    expect(actions).toContain('reset-link.sent');
    expect(actions).toContain('security-word.changed');
    for (const row of rows) expect(typeof row['subject_hash']).toBe('string');

    const everything = JSON.stringify(await running.app.db.query('SELECT * FROM audit_log'));
    for (const id of [AYSE, MEHMET, ZEYNEP, ANNA]) expect(everything).not.toContain(id.value);
    expect(everything).not.toContain(link.token);
    expect(everything).not.toContain(word);
  });

  test('then neither the token nor the word nor the full ID is stored or logged in plain text', async () => {
    const link = await mustIssue(running, ANNA);
    const word = freshWord();
    expect((await submitWord(link.url, word)).status).toBe(200);
    await running.app.background.drain();

    const links = JSON.stringify(await running.app.db.query('SELECT * FROM reset_links'), (_key, value: unknown) =>
      value instanceof Uint8Array ? Buffer.from(value).toString('latin1') : value,
    );
    expect(links).not.toContain(link.token);
    const [citizen] = await running.app.db.query<{ security_word_hash: string }>(
      'SELECT security_word_hash FROM citizens WHERE national_id = $1',
      [ANNA.value],
    );
    expect(citizen!.security_word_hash).not.toContain(word);

    const logs = running.logs.join('\n');
    expect(logs).not.toContain(link.token);
    expect(logs).not.toContain(word);
    for (const id of [AYSE, MEHMET, ZEYNEP, ANNA]) expect(logs).not.toContain(id.value);
  });
});
