import { EMRE, smsOutbox } from '../support/citizenLogin';
import { FakeClock } from '../support/fakeClock';
import { FakeTwilio } from '../support/fakeTwilio';
import { twilioChannelEnv, TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN } from '../support/phoneCitizen';
import { listOutboxMail } from '../support/resetLinkPage';
import { waitFor } from '../support/resetPage';
import { SmtpCatcher } from '../support/smtpCatcher';
import { freePort, startTestApp, type TestApp } from '../support/testApp';

/** The reminders as a deployment has them by default (the test apps turn them off unless asked). */
const REMINDERS_ON = { EXPIRY_REMINDER_DAYS: '90,60,30,15,7,1' };
const MINUTE_MS = 60_000;
const NOTHING_DUE = { result: 'done', reminded: 0, delivered: 0, retrying: 0, failed: 0 };

async function metric(running: TestApp, key: string): Promise<number | undefined> {
  const text = await (await fetch(`${running.baseUrl}/metrics`)).text();
  const line = text.split('\n').find((each) => each.startsWith(`${key} `));
  return line === undefined ? undefined : Number(line.slice(key.length + 1));
}

async function count(running: TestApp, sql: string): Promise<number> {
  const [row] = await running.app.db.query<{ count: number }>(sql);
  return row!.count;
}

const reminderMailsIn = async (running: TestApp) =>
  (await listOutboxMail(running)).filter((mail) => /sertifika/i.test(mail.subject) && mail.to.includes(EMRE.email));

describe('certificate expiry reminders while Twilio is failing (the demo seed, a fake clock)', () => {
  let twilio: FakeTwilio;
  let running: TestApp;
  let clock: FakeClock;
  const textsToEmre = () => twilio.messages.filter((message) => message.to === EMRE.phone);
  const failedSms = 'expiry_reminders_total{channel="sms",threshold="30",outcome="failed"}';
  const sentSms = 'expiry_reminders_total{channel="sms",threshold="30",outcome="sent"}';

  beforeAll(async () => {
    twilio = new FakeTwilio(TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN);
    const apiBaseUrl = await twilio.start();
    // Down before the assistant starts: the job at start meets the outage.
    twilio.mode = 'server-error';
    clock = new FakeClock();
    running = await startTestApp({ ...REMINDERS_ON, ...twilioChannelEnv(apiBaseUrl) }, { clock });
    await running.app.background.drain();
  });
  afterAll(async () => {
    await running.close();
    await twilio.stop();
  });

  test('when the reminder SMS is refused, then the e-mail is queued all the same, the SMS waits for a retry, and the log masks the phone', async () => {
    expect(await count(running, 'SELECT count(*)::int AS count FROM expiry_reminders')).toBe(1);
    expect((await reminderMailsIn(running)).map((mail) => mail.subject)).toEqual(['E-imza sertifikanızın süresi 20 gün sonra doluyor']);
    expect(twilio.requests.map((request) => request.status)).toEqual([500]);
    expect(textsToEmre()).toEqual([]);

    const [delivery] = await running.app.db.query<{ attempts: number; sent: boolean; failed: boolean }>(
      "SELECT attempts, sent_at IS NOT NULL AS sent, failed_at IS NOT NULL AS failed FROM expiry_reminder_deliveries WHERE channel = 'sms'",
    );
    expect(delivery).toEqual({ attempts: 1, sent: false, failed: false });

    const failure = running.logs.filter((line) => line.includes('expiry reminder could not be delivered'));
    expect(failure).toHaveLength(1);
    expect(failure[0]).toContain('+90 5** *** ** 44');
    // Not in that line, nor anywhere else in the log: the number, whole or without its prefix.
    expect(running.logs.join('\n')).not.toContain(EMRE.phone.slice(3));

    expect(await metric(running, failedSms)).toBe(1);
    expect(await metric(running, sentSms)).toBeUndefined();
    expect(await metric(running, 'expiry_reminders_total{channel="email",threshold="30",outcome="queued"}')).toBe(1);
  });

  test('when Twilio is still down 5 minutes later, then the second try fails too and the next waits 10 minutes', async () => {
    // Before the pause is over the job does not try.
    clock.advance(4 * MINUTE_MS);
    expect(await running.app.remindOfExpiry()).toEqual(NOTHING_DUE);
    expect(twilio.requests).toHaveLength(1);

    clock.advance(MINUTE_MS);
    expect(await running.app.remindOfExpiry()).toEqual({ result: 'done', reminded: 0, delivered: 0, retrying: 1, failed: 0 });
    expect(twilio.requests.map((request) => request.status)).toEqual([500, 500]);
    expect(await metric(running, failedSms)).toBe(2);
  });

  test('when Twilio recovers, then the SMS goes out once the longer pause is over, exactly once, and the e-mail is not sent again', async () => {
    twilio.mode = 'queued';
    clock.advance(5 * MINUTE_MS);
    expect(await running.app.remindOfExpiry()).toEqual(NOTHING_DUE);
    expect(textsToEmre()).toEqual([]);

    clock.advance(5 * MINUTE_MS);
    expect(await running.app.remindOfExpiry()).toEqual({ result: 'done', reminded: 0, delivered: 1, retrying: 0, failed: 0 });
    for (let again = 0; again < 3; again++) {
      clock.advance(10 * MINUTE_MS);
      expect(await running.app.remindOfExpiry()).toEqual(NOTHING_DUE);
    }
    await running.app.background.drain();

    expect(textsToEmre()).toHaveLength(1);
    expect(textsToEmre()[0]!.body).toContain('20 gun kaldi');
    expect(await metric(running, sentSms)).toBe(1);
    expect(await metric(running, failedSms)).toBe(2);
    expect(await reminderMailsIn(running)).toHaveLength(1);
    expect(await count(running, 'SELECT count(*)::int AS count FROM expiry_reminders')).toBe(1);
  });
});

describe('certificate expiry reminders while the SMTP server is down (the demo seed, a fake clock)', () => {
  let running: TestApp;
  let smtp: SmtpCatcher;
  let smtpPort: number;
  let clock: FakeClock;
  const remindersCaught = () =>
    smtp.mails.filter((mail) => /sertifika/i.test(mail.subject ?? '') && JSON.stringify(mail.to).includes(EMRE.email));
  const mailsWaiting = 'SELECT count(*)::int AS count FROM mail_outbox WHERE sent_at IS NULL AND failed_at IS NULL';

  beforeAll(async () => {
    smtp = new SmtpCatcher();
    // A port nothing listens on yet: the mail server is down when the assistant starts.
    smtpPort = await freePort();
    clock = new FakeClock();
    running = await startTestApp({ ...REMINDERS_ON, SMTP_URL: `smtp://127.0.0.1:${smtpPort}` }, { clock });
    await running.app.background.drain();
  });
  afterAll(async () => {
    await running.close();
    await smtp.stop();
  });

  test('when the reminder is recorded, then its mail waits in the queue for the mail retries, and the job runs on without a duplicate', async () => {
    expect(await count(running, 'SELECT count(*)::int AS count FROM expiry_reminders')).toBe(1);
    const queued = await running.app.db.query<{ attempts: number; sent: boolean; failed: boolean; error: boolean }>(
      `SELECT attempts, sent_at IS NOT NULL AS sent, failed_at IS NOT NULL AS failed, last_error IS NOT NULL AS error FROM mail_outbox`,
    );
    expect(queued).toEqual([{ attempts: 1, sent: false, failed: false, error: true }]);
    expect(await metric(running, 'mails_total{outcome="failed"}')).toBe(1);
    // The SMS does not wait for the mail server.
    expect(smsOutbox(running.dataDir).filter((sms) => sms.to === EMRE.phone)).toHaveLength(1);

    for (let again = 0; again < 3; again++) expect(await running.app.remindOfExpiry()).toEqual(NOTHING_DUE);
    await running.app.background.drain();
    expect(await count(running, 'SELECT count(*)::int AS count FROM expiry_reminders')).toBe(1);
    expect(await count(running, 'SELECT count(*)::int AS count FROM mail_outbox')).toBe(1);
    expect((await fetch(`${running.baseUrl}/healthz`)).status).toBe(200);
  });

  test('when the mail server is back and the retry is due, then exactly one reminder mail arrives', async () => {
    await smtp.start(smtpPort);
    // The mail outbox's first retry comes 30 s after the failure; its worker looks every 2 s.
    clock.advance(31_000);
    const [mail] = await waitFor(() => (remindersCaught().length > 0 ? remindersCaught() : undefined));
    expect(mail!.subject).toBe('E-imza sertifikanızın süresi 20 gün sonra doluyor');
    expect(mail!.text).toContain('NES-0006');

    await waitFor(async () => ((await count(running, mailsWaiting)) === 0 ? true : undefined));
    expect(await running.app.remindOfExpiry()).toEqual(NOTHING_DUE);
    clock.advance(10 * MINUTE_MS);
    await running.app.background.drain();
    expect(await count(running, mailsWaiting)).toBe(0);
    expect(remindersCaught()).toHaveLength(1);
    expect(await metric(running, 'mails_total{outcome="sent"}')).toBe(1);
  });
});
