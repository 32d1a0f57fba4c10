import { createHash } from 'node:crypto';
import { cryptoRandom, type RandomSource } from '../../src/lib/random';
import { EmulatorClient } from '../support/emulator';
import { linkIn, openForm, submitForm, tokenOf } from '../support/resetPage';
import { solveTextChallenge } from '../support/solveChallenge';
import { startTestApp, type TestApp } from '../support/testApp';

const AYSE = '10000000146';
const AYSE_MASKED = '100******46';
const NEW_WORD = 'Mavi-Kapi-Yesil-Bahce-9';

/**
 * Real random bytes (tokens, ids), but every random integer is 7158, so the text challenge's
 * answer is a fixed four-digit number that cannot be mistaken for a piece of a timestamp.
 */
const fixedIntegers: RandomSource = { bytes: (length) => cryptoRandom.bytes(length), int: (max) => 7158 % max };

type OutboxJson = { mail: { to: string; subject: string; text: string }[]; sms: { to: string; body: string }[] };

/** The number as a whole: not a part of a longer run of letters or digits. */
const asWhole = (value: string) => new RegExp(`(?<![A-Za-z0-9])${value}(?![A-Za-z0-9])`);
const occurrences = (haystack: string, needle: string) => haystack.split(needle).length - 1;

describe('when the whole Güvenlik Sözcüğümü Unuttum journey runs, with logs captured and mail in the outbox', () => {
  let running: TestApp;
  let client: EmulatorClient;
  /** The stored dialog state (every `dialog-state:` key) after each turn. */
  const stateSnapshots: string[] = [];
  let challengeWords = '';
  let answer = '';
  let link = '';
  let token = '';

  const dialogState = (): string => {
    // The embedded store is a MemoryStore; its entries are read directly, as stored.
    const entries = (running.app.store as unknown as { entries: Map<string, { json: string }> }).entries;
    return [...entries]
      .filter(([key]) => key.startsWith('dialog-state:'))
      .map(([key, entry]) => `${key} ${entry.json}`)
      .join('\n');
  };
  const say = async (text: string): Promise<string> => {
    const reply = await client.sayText(text);
    stateSnapshots.push(dialogState());
    return reply;
  };
  const outbox = async (): Promise<OutboxJson> => (await fetch(`${running.baseUrl}/dev/outbox?format=json`)).json() as Promise<OutboxJson>;

  beforeAll(async () => {
    running = await startTestApp({}, { random: fixedIntegers });
    client = new EmulatorClient(running.baseUrl);
    await client.start();

    await client.join();
    stateSnapshots.push(dialogState());
    expect(await say('Güvenlik Sözcüğümü Unuttum')).toContain('Kimlik No');
    const challenge = await say(AYSE);
    challengeWords = challenge.split(':').pop()!.trim();
    answer = solveTextChallenge(challenge);
    expect(await say(String(Number(answer) + 1))).toContain('Yanıt doğru değil');
    expect(await say(answer)).toContain('kayıtlı e-posta adresinize');
    await running.app.background.drain();

    const resetMail = (await outbox()).mail.find((mail) => mail.subject.includes('Güncelleme'));
    link = linkIn(resetMail!.text);
    token = tokenOf(link);

    // A refused word, a forged form, then the real change.
    expect((await submitForm(link, NEW_WORD, `${NEW_WORD}x`)).status).toBe(422);
    expect((await submitForm(link, NEW_WORD, NEW_WORD, 'forged')).status).toBe(403);
    const done = await submitForm(link, NEW_WORD);
    expect(await done.text()).toContain('Güvenlik sözcüğünüz başarıyla güncellendi');
    await client.waitForReply((reply) => /güncellendi/.test(reply.text ?? ''));
    await running.app.background.drain();
    stateSnapshots.push(dialogState());
    // The used link is refused.
    expect((await fetch(link)).status).toBe(410);
  });
  afterAll(async () => {
    await client.stop();
    await running.close();
  });

  test('then the journey really produced a token, an answer and log lines to search', () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(answer).toMatch(/^\d{4}$/);
    expect(running.logs.length).toBeGreaterThan(0);
    expect(stateSnapshots.some((state) => state.includes('dialog-state:'))).toBe(true);
  });

  test('then no log line holds the link token, the new security word or the challenge answer', () => {
    const logs = running.logs.join('\n');
    expect(logs).not.toContain(token);
    expect(logs).not.toContain(NEW_WORD);
    expect(logs).not.toMatch(asWhole(answer));
    expect(logs).not.toContain(challengeWords);
  });

  test('then no log line holds the full Kimlik No, nor any other 11-digit ID', () => {
    const logs = running.logs.join('\n');
    expect(logs).not.toContain(AYSE);
    for (const line of running.logs) expect(line).not.toMatch(/(?<!\d)[1-9]\d{10}(?!\d)/);
  });

  test('then the dialog state, after every turn, holds neither the token, the word, nor the answer in digits', () => {
    for (const state of stateSnapshots) {
      expect(state).not.toContain(token);
      expect(state).not.toContain(NEW_WORD);
      expect(state).not.toMatch(asWhole(answer));
    }
  });

  test('then the dialog state does not hold the answer spelled out either (the question text is the answer in words)', () => {
    for (const state of stateSnapshots) expect(state).not.toContain(challengeWords);
  });

  test('then the audit rows hold no token, word, answer or full Kimlik No, only the masked one', async () => {
    const rows = await running.app.db.query<Record<string, unknown>>('SELECT * FROM audit_log ORDER BY id');
    expect(rows.map((row) => row['action'])).toEqual(['reset-link.sent', 'security-word.changed']);
    const text = JSON.stringify(rows);
    expect(text).not.toContain(token);
    expect(text).not.toContain(NEW_WORD);
    expect(text).not.toMatch(asWhole(answer));
    expect(text).not.toContain(AYSE);
    expect(rows.map((row) => row['subject_masked'])).toEqual([AYSE_MASKED, AYSE_MASKED]);
  });

  test('then the reset_links row holds only the SHA-256 of the token', async () => {
    const rows = await running.app.db.query<Record<string, unknown>>('SELECT * FROM reset_links');
    expect(rows).toHaveLength(1);
    const stored = Buffer.from(rows[0]!['token_hash'] as Uint8Array);
    expect(stored.equals(createHash('sha256').update(token, 'utf8').digest())).toBe(true);
    const everyColumn = JSON.stringify(rows[0], (_key, value: unknown) =>
      value instanceof Uint8Array
        ? Buffer.from(value).toString('latin1') + Buffer.from(value).toString('base64') + Buffer.from(value).toString('hex')
        : value,
    );
    expect(everyColumn).not.toContain(token);
    expect(everyColumn).not.toContain(NEW_WORD);
    expect(everyColumn).not.toMatch(asWhole(answer));
  });

  test('then the outbox holds the token exactly once, in the one link of the one reset mail, and never the word', async () => {
    const { mail, sms } = await outbox();
    const everything = [...mail.map((m) => `${m.subject}\n${m.text}`), ...sms.map((s) => s.body)].join('\n');
    expect(occurrences(everything, token)).toBe(1);
    const withToken = mail.filter((m) => m.text.includes(token));
    expect(withToken).toHaveLength(1);
    expect(withToken[0]!.to).toContain('ayse.yilmaz@example.org');
    expect(withToken[0]!.text.match(/https?:\/\/\S+/g)).toEqual([link]);
    expect(everything).not.toContain(NEW_WORD);
    expect(everything).not.toMatch(asWhole(answer));
    expect(mail.map((m) => m.subject).sort()).toEqual(['Güvenlik Sözcüğü Güncelleme bağlantınız', 'Güvenlik sözcüğünüz değiştirildi']);
  });
});

describe('when a reset link is opened in ways the server does not route', () => {
  let running: TestApp;
  let token = '';

  beforeAll(async () => {
    running = await startTestApp();
    const client = new EmulatorClient(running.baseUrl);
    await client.start();
    await client.join();
    await client.say('Güvenlik Sözcüğümü Unuttum');
    const challenge = await client.sayText(AYSE);
    await client.sayText(solveTextChallenge(challenge));
    await client.stop();
    await running.app.background.drain();
    const { mail } = (await (await fetch(`${running.baseUrl}/dev/outbox?format=json`)).json()) as OutboxJson;
    token = tokenOf(linkIn(mail[0]!.text));
    await openForm(`${running.baseUrl}/guvenlik-sozcugu/${token}`);
  });
  afterAll(() => running.close());

  test.each([
    ['GET', '/guvenlik-sozcugu/<token>/'],
    ['GET', '/guvenlik-sozcugu/<token>/extra'],
    ['PUT', '/guvenlik-sozcugu/<token>'],
    ['DELETE', '/guvenlik-sozcugu/<token>'],
  ])('when %s %s is requested, then the answer is a 4xx and the token does not reach the logs', async (method, path) => {
    const logsBefore = running.logs.length;
    const response = await fetch(`${running.baseUrl}${path.replace('<token>', token)}`, { method });
    await response.text();
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(running.logs.slice(logsBefore).join('\n')).not.toContain(token);
  });
});
