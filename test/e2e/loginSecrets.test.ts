import { EmulatorClient } from '../support/emulator';
import { AYSE, codeIn, smsOutbox, textOf } from '../support/citizenLogin';
import { solveTextChallenge } from '../support/solveChallenge';
import { startTestApp, type TestApp } from '../support/testApp';

/** A wrong security word tried before the right one: it must not leak either. */
const WRONG_WORD = 'Yanlis.Sozcuk.77';

type Storeish = { entries: Map<string, { json: string; expiresAt: number }> };

/** The value as a whole: not a part of a longer run of letters or digits (a hash, a timestamp). */
const asWhole = (value: string) => new RegExp(`(?<![A-Za-z0-9])${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9])`);

/** The security words as typed and in the loose form recognition works on. */
const wordForms = (word: string) => [word, word.toLowerCase(), word.toLowerCase().replace(/[^a-z0-9]+/g, ' ')];

describe('when Ayşe logs in, confirms the SMS code, looks at her PIN / PUK and keeps them (Parolaları Kaydet), with logs captured', () => {
  let running: TestApp;
  let client: EmulatorClient;
  let code = '';
  const transcript: string[] = [];
  /** After every turn: the stored dialog state, the server-side sessions, and every entry of the short-lived store. */
  const snapshots: { dialogState: string; sessions: string; store: string }[] = [];

  const entries = () => [...(running.app.store as unknown as Storeish).entries];
  const snapshot = () => {
    const all = entries();
    const of = (prefix: string) =>
      all
        .filter(([key]) => key.startsWith(prefix))
        .map(([key, entry]) => `${key} ${entry.json}`)
        .join('\n');
    snapshots.push({ dialogState: of('dialog-state:'), sessions: of('session:'), store: of('') });
  };
  const turn = async (text: string, extra: object = {}): Promise<string> => {
    const reply = textOf(await client.say(text, extra));
    transcript.push(reply);
    snapshot();
    return reply;
  };

  beforeAll(async () => {
    running = await startTestApp();
    client = new EmulatorClient(running.baseUrl);
    await client.start();

    await client.join();
    snapshot();
    await turn('Şifreli Giriş');
    const challenge = await turn(AYSE.id);
    await turn(solveTextChallenge(challenge));
    expect(await turn(WRONG_WORD)).toContain('2 deneme hakkınız kaldı');
    expect(await turn('', { value: { securityWord: AYSE.word }, text: undefined })).toContain(AYSE.maskedPhone);
    expect(await turn('Onay')).toContain('Kalan süre');
    code = codeIn(smsOutbox(running.dataDir).at(-1)!.body);
    expect(await turn(code)).toContain('İşlemler Menüsü');
    const pinPuk = await turn('PIN / PUK Bilgisi');
    expect(pinPuk).toContain(`PIN: ${AYSE.pin}`);
    expect(pinPuk).toContain(`PUK: ${AYSE.puk}`);
    await turn('Parolaları Kaydet');
    expect(await turn('evet')).toContain('kayıtlı kalmaya devam ediyor');
    await running.app.background.drain();
    snapshot();
  });
  afterAll(async () => {
    await client.stop();
    await running.close();
  });

  test('then the journey produced log lines, dialog state, a session and a code to search', () => {
    expect(code).toMatch(/^\d{6}$/);
    expect(running.logs.length).toBeGreaterThan(0);
    expect(snapshots.some((s) => s.dialogState.includes('dialog-state:'))).toBe(true);
    expect(snapshots.some((s) => s.sessions.includes('session:'))).toBe(true);
    expect(transcript.join('\n')).toContain(AYSE.pin);
  });

  test('then no log line holds the security word (right or wrong), the SMS code, the PIN or the PUK', () => {
    const logs = running.logs.join('\n');
    for (const form of [...wordForms(AYSE.word), ...wordForms(WRONG_WORD)]) expect(logs).not.toContain(form);
    expect(logs).not.toMatch(asWhole(code));
    expect(logs).not.toMatch(asWhole(AYSE.pin));
    expect(logs).not.toMatch(asWhole(AYSE.puk));
  });

  test('then no log line holds the full Kimlik No', () => {
    for (const line of running.logs) {
      expect(line).not.toContain(AYSE.id);
      expect(line).not.toMatch(/(?<!\d)[1-9]\d{10}(?!\d)/);
    }
  });

  test('then the stored dialog state, after every turn, holds no security word, SMS code, PIN or PUK', () => {
    for (const { dialogState } of snapshots) {
      for (const form of [...wordForms(AYSE.word), ...wordForms(WRONG_WORD)]) expect(dialogState).not.toContain(form);
      expect(dialogState).not.toMatch(asWhole(code));
      expect(dialogState).not.toMatch(asWhole(AYSE.pin));
      expect(dialogState).not.toMatch(asWhole(AYSE.puk));
    }
  });

  test('then the server-side session, after every turn, holds no security word, SMS code, PIN or PUK', () => {
    for (const { sessions } of snapshots) {
      for (const form of wordForms(AYSE.word)) expect(sessions).not.toContain(form);
      expect(sessions).not.toMatch(asWhole(code));
      expect(sessions).not.toMatch(asWhole(AYSE.pin));
      expect(sessions).not.toMatch(asWhole(AYSE.puk));
    }
  });

  test('then no entry of the short-lived store (codes, challenges, rate limits …), after any turn, holds the word, the code, the PIN or the PUK in clear', () => {
    for (const { store } of snapshots) {
      for (const form of wordForms(AYSE.word)) expect(store).not.toContain(form);
      expect(store).not.toMatch(asWhole(code));
      expect(store).not.toMatch(asWhole(AYSE.pin));
      expect(store).not.toMatch(asWhole(AYSE.puk));
    }
  });

  test('then the audit rows record the journey but hold no security word, SMS code, PIN or PUK', async () => {
    const rows = await running.app.db.query<Record<string, unknown>>('SELECT * FROM audit_log ORDER BY id');
    const actions = rows.map((row) => row['action']);
    expect(actions).toEqual(expect.arrayContaining(['login.failure', 'login.success', 'pinpuk.shown', 'pinpuk.saved']));
    const text = JSON.stringify(rows);
    for (const form of [...wordForms(AYSE.word), ...wordForms(WRONG_WORD)]) expect(text).not.toContain(form);
    expect(text).not.toMatch(asWhole(code));
    expect(text).not.toMatch(asWhole(AYSE.pin));
    expect(text).not.toMatch(asWhole(AYSE.puk));
  });

  test('then the audit rows name Ayşe only by her masked Kimlik No, never the full one', async () => {
    const rows = await running.app.db.query<Record<string, unknown>>('SELECT * FROM audit_log ORDER BY id');
    expect(JSON.stringify(rows)).not.toContain(AYSE.id);
    expect(new Set(rows.map((row) => row['subject_masked']))).toEqual(new Set([AYSE.maskedId]));
  });
});
