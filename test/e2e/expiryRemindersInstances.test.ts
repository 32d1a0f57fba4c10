import type { ReminderRun } from '../../src/domain/expiryReminders';
import { EMRE, smsOutbox } from '../support/citizenLogin';
import { FakeClock } from '../support/fakeClock';
import { FakeTwilio } from '../support/fakeTwilio';
import { twilioChannelEnv, TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN } from '../support/phoneCitizen';
import { listOutboxMail, type ListedMail } from '../support/resetLinkPage';
import { waitFor } from '../support/resetPage';
import { createTestDatabase, describeWithPostgres, describeWithRedis, TEST_REDIS_URL } from '../support/services';
import { startTwoTestApps, type TestApp } from '../support/testApp';

/** The reminders as a deployment has them by default (the test apps turn them off unless asked). */
const REMINDERS_ON = { EXPIRY_REMINDER_DAYS: '90,60,30,15,7,1' };
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** The reminder e-mails to Emre one instance's outbox folder holds. */
const reminderMails = async (running: TestApp): Promise<ListedMail[]> =>
  (await listOutboxMail(running)).filter((mail) => /sertifika/i.test(mail.subject) && mail.to.includes(EMRE.email));

/** What reached Emre from either instance (each has its own DATA_DIR, so its own outbox), texts oldest first. */
async function reachedEmre(instances: TestApp[]): Promise<{ mails: ListedMail[]; texts: string[] }> {
  // A queued mail is written to the outbox of whichever instance leased it: wait until none is left.
  await waitFor(async () => ((await pendingMails(instances[0]!)) === 0 ? true : undefined));
  await Promise.all(instances.map((running) => running.app.background.drain()));
  const mails = (await Promise.all(instances.map(reminderMails))).flat();
  const texts = instances
    .flatMap((running) => smsOutbox(running.dataDir).filter((sms) => sms.to === EMRE.phone))
    .sort((one, other) => one.at.localeCompare(other.at))
    .map((sms) => sms.body);
  return { mails, texts };
}

async function pendingMails(running: TestApp): Promise<number> {
  const [row] = await running.app.db.query<{ count: number }>(
    'SELECT count(*)::int AS count FROM mail_outbox WHERE sent_at IS NULL AND failed_at IS NULL',
  );
  return row!.count;
}

async function thresholdsRecorded(running: TestApp): Promise<number[]> {
  const rows = await running.app.db.query<{ threshold_days: number }>(
    'SELECT threshold_days FROM expiry_reminders WHERE certificate_serial = $1 ORDER BY threshold_days DESC',
    [EMRE.certificate],
  );
  return rows.map((row) => row.threshold_days);
}

async function auditedThresholds(running: TestApp): Promise<unknown[]> {
  const rows = await running.app.db.query<{ details: { threshold: number } }>(
    "SELECT details FROM audit_log WHERE action = 'certificate.expiryReminder' ORDER BY id",
  );
  return rows.map((row) => row.details.threshold);
}

/** A counter's value summed over both instances' /metrics (each counts what it did itself). */
async function metricOverBoth(instances: TestApp[], key: string): Promise<number> {
  let total = 0;
  for (const running of instances) {
    const text = await (await fetch(`${running.baseUrl}/metrics`)).text();
    const line = text.split('\n').find((each) => each.startsWith(`${key} `));
    total += line === undefined ? 0 : Number(line.slice(key.length + 1));
  }
  return total;
}

/** Both instances run the job at the same moment. */
const bothAtOnce = (a: TestApp, b: TestApp): Promise<ReminderRun[]> => Promise.all([a.app.remindOfExpiry(), b.app.remindOfExpiry()]);

/** Reminders the runs recorded between them (an instance finding the other at it says 'busy'). */
const remindedBy = (runs: ReminderRun[]): number => runs.reduce((sum, run) => sum + (run.result === 'done' ? run.reminded : 0), 0);

describeWithPostgres()('certificate expiry reminders with two instances on one PostgreSQL', () => {
  describeWithRedis()('and one Redis', () => {
    let a: TestApp;
    let b: TestApp;
    let database: { url: string; drop(): Promise<void> };
    const clock = new FakeClock();

    beforeAll(async () => {
      database = await createTestDatabase();
      const shared = { DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, SEED_FILE: 'seed/demo.json', ...REMINDERS_ON };
      // Started together, as behind a load balancer: both run the job at start, on one clock.
      [a, b] = await startTwoTestApps(shared, { clock });
    });
    afterAll(async () => {
      await Promise.all([a?.close(), b?.close()]);
      await database?.drop();
    });

    test('when both start at once, then the certificate 20 days from expiry is reminded of once: one row, one e-mail, one SMS, one audit row', async () => {
      await Promise.all([a.app.background.drain(), b.app.background.drain()]);
      expect(await thresholdsRecorded(a)).toEqual([30]);
      const { mails, texts } = await reachedEmre([a, b]);
      expect(mails.map((mail) => mail.subject)).toEqual(['E-imza sertifikanızın süresi 20 gün sonra doluyor']);
      expect(texts).toHaveLength(1);
      expect(texts[0]).toContain('20 gun kaldi');
      expect(await auditedThresholds(b)).toEqual([30]);
      expect(await metricOverBoth([a, b], 'expiry_reminders_total{channel="email",threshold="30",outcome="queued"}')).toBe(1);
      expect(await metricOverBoth([a, b], 'expiry_reminders_total{channel="sms",threshold="30",outcome="sent"}')).toBe(1);
    });

    test('when both run the job at the same moment, again and again the same day, then nothing more is sent', async () => {
      for (let round = 0; round < 4; round++) {
        const runs = await bothAtOnce(a, b);
        expect([round, remindedBy(runs)]).toEqual([round, 0]);
      }
      expect(await thresholdsRecorded(b)).toEqual([30]);
      const { mails, texts } = await reachedEmre([a, b]);
      expect(mails).toHaveLength(1);
      expect(texts).toHaveLength(1);
      expect(await auditedThresholds(a)).toEqual([30]);
    });

    test('when 5 days pass and both run the job at once, several times, then the 15-day threshold is reminded of once', async () => {
      clock.advance(5 * DAY_MS);
      const runs: ReminderRun[][] = [];
      for (let round = 0; round < 4; round++) runs.push(await bothAtOnce(a, b));
      expect(runs.map(remindedBy)).toEqual([1, 0, 0, 0]);

      expect(await thresholdsRecorded(a)).toEqual([30, 15]);
      const { mails, texts } = await reachedEmre([a, b]);
      expect(mails.map((mail) => mail.subject).sort()).toEqual([
        'E-imza sertifikanızın süresi 15 gün sonra doluyor',
        'E-imza sertifikanızın süresi 20 gün sonra doluyor',
      ]);
      expect(texts.map((text) => text.match(/\((.*?)\)/)?.[1])).toEqual(['20 gun kaldi', '15 gun kaldi']);
      expect(await auditedThresholds(b)).toEqual([30, 15]);
      expect(await metricOverBoth([a, b], 'expiry_reminders_total{channel="email",threshold="15",outcome="queued"}')).toBe(1);
      expect(await metricOverBoth([a, b], 'expiry_reminders_total{channel="sms",threshold="15",outcome="sent"}')).toBe(1);
      const [deliveries] = await a.app.db.query<{ count: number }>(
        "SELECT count(*)::int AS count FROM expiry_reminder_deliveries WHERE channel = 'sms' AND sent_at IS NOT NULL AND attempts = 1",
      );
      expect(deliveries!.count).toBe(2);
    });
  });

  describeWithRedis()('and one Redis, with Twilio failing at start', () => {
    let a: TestApp;
    let b: TestApp;
    let database: { url: string; drop(): Promise<void> };
    let twilio: FakeTwilio;
    const clock = new FakeClock();

    beforeAll(async () => {
      twilio = new FakeTwilio(TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN);
      const apiBaseUrl = await twilio.start();
      twilio.mode = 'server-error';
      database = await createTestDatabase();
      const shared = {
        DATABASE_URL: database.url,
        REDIS_URL: TEST_REDIS_URL,
        SEED_FILE: 'seed/demo.json',
        ...REMINDERS_ON,
        ...twilioChannelEnv(apiBaseUrl),
      };
      [a, b] = await startTwoTestApps(shared, { clock });
      await Promise.all([a.app.background.drain(), b.app.background.drain()]);
    });
    afterAll(async () => {
      await Promise.all([a?.close(), b?.close()]);
      await database?.drop();
      await twilio?.stop();
    });

    test('when the SMS waiting for its retry is being sent by one instance and the other runs the job, then the other leaves it alone: sent once', async () => {
      expect(twilio.requests.map((request) => request.status)).toEqual([500]);
      twilio.mode = 'queued';
      // Twilio answers slowly: the first instance's send is still under way while the second runs.
      twilio.delayMs = 1_000;
      clock.advance(5 * MINUTE_MS);
      const first = a.app.remindOfExpiry();
      await waitFor(() => (twilio.requests.length === 2 ? true : undefined));
      expect(await b.app.remindOfExpiry()).toEqual({ result: 'done', reminded: 0, delivered: 0, retrying: 0, failed: 0 });
      expect(await first).toEqual({ result: 'done', reminded: 0, delivered: 1, retrying: 0, failed: 0 });

      twilio.delayMs = 0;
      for (let round = 0; round < 3; round++) {
        clock.advance(5 * MINUTE_MS);
        const runs = await bothAtOnce(a, b);
        expect(runs.filter((run) => run.result === 'done' && run.delivered + run.retrying + run.failed > 0)).toEqual([]);
      }
      expect(twilio.messages.filter((message) => message.to === EMRE.phone).map((message) => message.body)).toEqual([
        expect.stringContaining('20 gun kaldi'),
      ]);
      expect(await thresholdsRecorded(a)).toEqual([30]);
      expect(await metricOverBoth([a, b], 'expiry_reminders_total{channel="sms",threshold="30",outcome="sent"}')).toBe(1);
    });
  });
});
