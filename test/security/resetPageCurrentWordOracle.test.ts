import { FakeClock } from '../support/fakeClock';
import { issueLink, refusalReasons, submitWord, type MailedLink } from '../support/resetLinkPage';
import { startTestApp, type TestApp } from '../support/testApp';
import type { NationalId } from '../../src/domain/identity';

/**
 * Attack: whoever holds a reset link (a forwarded or intercepted mail) types guesses into the page,
 * which answered "same as your current word" for the right one: an unlimited oracle for the
 * citizen's current security word.
 */
const AYSE: NationalId = { type: 'tckn', value: '10000000146' };
const AYSE_WORD = 'Lale.Bahce.42';
const HOUR = 60 * 60_000;

async function wordHash(running: TestApp): Promise<string | null> {
  const [row] = await running.app.db.query<{ security_word_hash: string | null }>(
    'SELECT security_word_hash FROM citizens WHERE national_id = $1',
    [AYSE.value],
  );
  return row!.security_word_hash;
}

describe('when someone holding a reset link guesses the current security word on its page', () => {
  let running: TestApp;
  const clock = new FakeClock();

  beforeAll(async () => {
    running = await startTestApp({}, { clock });
  });
  afterAll(() => running.close());
  // Each test gets links of its own, past the daily limit of the one before.
  beforeEach(() => clock.advance(25 * HOUR));

  const mustIssue = async (): Promise<MailedLink> => {
    const link = await issueLink(running, AYSE);
    if (!link) throw new Error('no link was mailed');
    return link;
  };

  test('then the current word is refused in the very words a common password is, so the page does not confirm it', async () => {
    const link = await mustIssue();
    const current = await submitWord(link.url, AYSE_WORD);
    const common = await submitWord(link.url, 'Password123');
    expect(current.status).toBe(422);
    expect(common.status).toBe(422);
    expect(refusalReasons(current.html)).toEqual(refusalReasons(common.html));
    expect(refusalReasons(current.html).join(' ')).not.toMatch(/şu anki/i);
  });

  test('then after 5 refused guesses the link is void: the 5th says so and even a good word is refused after it', async () => {
    const link = await mustIssue();
    const before = await wordHash(running);
    // Guesses refused after a comparison with the current word or the blocklist: the oracle ones.
    for (const guess of [AYSE_WORD, 'Password123', AYSE_WORD, 'Password123']) expect((await submitWord(link.url, guess)).status).toBe(422);
    const fifth = await submitWord(link.url, AYSE_WORD);
    expect(fifth.status).toBe(410);
    expect(fifth.html).toMatch(/5 kez|yeni bir bağlantı/);

    const good = await submitWord(link.url, 'Mavi-Kapi-Yesil-77x').catch(() => undefined);
    // The page no longer opens at all (its GET answers 410), or its POST refuses.
    expect(good?.status ?? 410).toBe(410);
    expect((await fetch(link.url)).status).toBe(410);
    expect(await wordHash(running)).toBe(before);
  });

  test('then the guesses of one link do not void the next one', async () => {
    const first = await mustIssue();
    for (let i = 0; i < 5; i++) await submitWord(first.url, i % 2 ? 'Password123' : AYSE_WORD);
    expect((await fetch(first.url)).status).toBe(410);
    const next = await mustIssue();
    const result = await submitWord(next.url, 'Mavi-Kapi-Yesil-78x');
    expect(result.status).toBe(200);
  });

  test('then a citizen getting the rules wrong (too short, entries that differ) many times keeps the link', async () => {
    const link = await mustIssue();
    for (let i = 0; i < 4; i++) expect((await submitWord(link.url, `Yeni.Sozcuk.${i}`, `Yeni.Sozcuk.${i}x`)).status).toBe(422);
    for (let i = 0; i < 3; i++) expect((await submitWord(link.url, 'kisa')).status).toBe(422);
    expect((await submitWord(link.url, 'Mavi-Kapi-Yesil-79x')).status).toBe(200);
  });
});
