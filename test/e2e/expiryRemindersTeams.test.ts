import { OUTBOUND_TOKEN } from '../support/botFrameworkTokens';
import { codeIn, EMRE, smsOutbox, textOf, toSmsOnay } from '../support/citizenLogin';
import { EmulatorClient } from '../support/emulator';
import { FakeClock } from '../support/fakeClock';
import { solveTextChallenge } from '../support/solveChallenge';
import { startSignedTeams, type SignedTeams } from '../support/teamsClient';
import { startTestApp, type TestApp } from '../support/testApp';

const APP_ID = '3c9e1f27-5b8d-4a60-9e2f-71d4c8a5b036';
/** The reminders as a deployment has them by default (the test apps turn them off unless asked). */
const REMINDERS_ON = { EXPIRY_REMINDER_DAYS: '90,60,30,15,7,1' };
const DAY_MS = 86_400_000;
const REMINDER_IN_CHAT = /Hatırlatma: NES-0006/;

async function metric(running: TestApp, key: string): Promise<number | undefined> {
  const text = await (await fetch(`${running.baseUrl}/metrics`)).text();
  const line = text.split('\n').find((each) => each.startsWith(`${key} `));
  return line === undefined ? undefined : Number(line.slice(key.length + 1));
}

async function deliveriesOf(running: TestApp, threshold: number): Promise<{ channel: string; attempts: number; sent: boolean }[]> {
  return running.app.db.query(
    `SELECT channel, attempts, sent_at IS NOT NULL AS sent FROM expiry_reminder_deliveries
     WHERE certificate_serial = $1 AND threshold_days = $2 ORDER BY channel`,
    [EMRE.certificate, threshold],
  );
}

/** The code of the latest SMS to Emre (the login's, after Onay). */
const latestCode = (running: TestApp) =>
  codeIn(
    smsOutbox(running.dataDir)
      .filter((sms) => sms.to === EMRE.phone)
      .at(-1)!.body,
  );

describe('certificate expiry reminders in a Teams chat (the demo seed, a fake clock)', () => {
  let teams: SignedTeams;
  let clock: FakeClock;

  beforeAll(async () => {
    clock = new FakeClock();
    teams = await startSignedTeams(APP_ID, REMINDERS_ON, { clock });
    // The job at start reminds of the 30-day threshold before Emre has any chat on record.
    await teams.running.app.background.drain();
  });
  afterAll(() => teams.close());

  test('when Emre logs in in Teams and his certificate reaches 15 days, then the chat is told: serial, date, days left, and "yenileme"', async () => {
    const { running, client } = teams;
    await client.join();
    expect(textOf(await client.press({ choice: 'Şifreli Giriş' }))).toContain('Kimlik No');
    const challenge = textOf(await client.say(EMRE.id));
    await client.say(solveTextChallenge(challenge));
    expect(textOf(await client.press({ securityWord: EMRE.word }))).toContain('SMS Onay');
    expect(textOf(await client.press({ choice: 'Onay' }))).toContain('Kalan süre');
    expect(textOf(await client.say(latestCode(running)))).toContain('İşlemler Menüsü');
    // The 30-day reminder went out at start, before the chat was known: none came here.
    expect(client.replies.filter((reply) => REMINDER_IN_CHAT.test(reply.text ?? ''))).toEqual([]);

    clock.advance(5 * DAY_MS);
    expect(await running.app.remindOfExpiry()).toEqual({ result: 'done', reminded: 1, delivered: 2, retrying: 0, failed: 0 });

    const told = await client.waitForReply((reply) => REMINDER_IN_CHAT.test(reply.text ?? ''));
    for (const part of ['NES-0006', '15.12.2026', '15 gün kaldı', '"yenileme"']) expect(told.text).toContain(part);
    expect(told.locale).toBe('tr-TR');
    // Posted into this chat (botbuilder addresses it as a reply to the activity remembered), with the bot's token.
    const request = client.requests.filter((each) => each.method === 'POST').at(-1)!;
    expect(decodeURIComponent(request.path).startsWith(`/v3/conversations/${client.teamsConversationId}/activities`)).toBe(true);
    expect(request.authorization).toBe(`Bearer ${OUTBOUND_TOKEN}`);

    expect(await metric(running, 'expiry_reminders_total{channel="teams",threshold="15",outcome="sent"}')).toBe(1);
    expect(await deliveriesOf(running, 15)).toEqual([
      { channel: 'sms', attempts: 1, sent: true },
      { channel: 'teams', attempts: 1, sent: true },
    ]);
    const audit = await running.app.db.query<{ details: Record<string, unknown> }>(
      "SELECT details FROM audit_log WHERE action = 'certificate.expiryReminder' ORDER BY id",
    );
    expect(audit.map((row) => row.details['channels'])).toEqual(['email,sms', 'email,sms,teams']);
  });

  test('when the job runs again, the same day and the next, then the chat is told nothing more', async () => {
    const { running, client } = teams;
    const before = client.replies.length;
    expect(await running.app.remindOfExpiry()).toEqual({ result: 'done', reminded: 0, delivered: 0, retrying: 0, failed: 0 });
    clock.advance(DAY_MS);
    expect(await running.app.remindOfExpiry()).toEqual({ result: 'done', reminded: 0, delivered: 0, retrying: 0, failed: 0 });
    await running.app.background.drain();
    expect(client.replies.slice(before)).toEqual([]);
    expect(await metric(running, 'expiry_reminders_total{channel="teams",threshold="15",outcome="sent"}')).toBe(1);
  });
});

describe('certificate expiry reminders for a citizen who logged in only on the Emulator (a chat the bot cannot write to later)', () => {
  let running: TestApp;
  let client: EmulatorClient;
  let clock: FakeClock;

  beforeAll(async () => {
    clock = new FakeClock();
    running = await startTestApp(REMINDERS_ON, { clock });
    await running.app.background.drain();
    client = new EmulatorClient(running.baseUrl);
    await client.start();
  });
  afterAll(async () => {
    await client.stop();
    await running.close();
  });

  test('when his certificate reaches 15 days, then the reminder goes by e-mail and SMS, and no chat delivery is made', async () => {
    await toSmsOnay(client, EMRE);
    await client.say('Onay');
    expect(textOf(await client.say(latestCode(running)))).toContain('İşlemler Menüsü');
    // The login is remembered (its language), without a way back into the conversation.
    expect(await running.app.db.query('SELECT channel, reference FROM citizen_conversations')).toEqual([
      { channel: 'emulator', reference: null },
    ]);
    const before = client.replies.length;

    clock.advance(5 * DAY_MS);
    expect(await running.app.remindOfExpiry()).toEqual({ result: 'done', reminded: 1, delivered: 1, retrying: 0, failed: 0 });
    await running.app.background.drain();
    expect(await deliveriesOf(running, 15)).toEqual([{ channel: 'sms', attempts: 1, sent: true }]);
    expect(client.replies.slice(before)).toEqual([]);
    expect(await metric(running, 'expiry_reminders_total{channel="teams",threshold="15",outcome="sent"}')).toBeUndefined();
    expect(smsOutbox(running.dataDir).at(-1)!.body).toContain('15 gun kaldi');
  });
});
