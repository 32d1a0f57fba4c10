import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countSegments } from '../../src/channels/smsSegments';
import { codeIn, EMRE, smsOutbox, textOf } from '../support/citizenLogin';
import { EmulatorClient } from '../support/emulator';
import { FakeClock } from '../support/fakeClock';
import { listOutboxMail, type ListedMail } from '../support/resetLinkPage';
import { startOn } from '../support/sameDataDir';
import { solveTextChallenge } from '../support/solveChallenge';
import { startTestApp, type TestApp } from '../support/testApp';

/** The reminders as a deployment has them by default (the test apps turn them off unless asked). */
const REMINDERS_ON = { EXPIRY_REMINDER_DAYS: '90,60,30,15,7,1' };
const DAY_MS = 86_400_000;
/** The fake clock starts on 25.11.2026 (13:00 in Türkiye): the demo seed's "today+20" is 15.12.2026. */
const EMRE_EXPIRES = '15.12.2026';

const reminderMails = async (running: TestApp): Promise<ListedMail[]> =>
  (await listOutboxMail(running)).filter((mail) => /sertifika|certificate/i.test(mail.subject) && mail.to.includes(EMRE.email));
const reminderTexts = (dataDir: string) => smsOutbox(dataDir).filter((sms) => sms.to === EMRE.phone);

async function reminderRows(running: TestApp): Promise<{ threshold_days: number; days_left: number }[]> {
  return running.app.db.query('SELECT threshold_days, days_left FROM expiry_reminders WHERE certificate_serial = $1 ORDER BY created_at', [
    EMRE.certificate,
  ]);
}

async function metric(running: TestApp, key: string): Promise<number | undefined> {
  const text = await (await fetch(`${running.baseUrl}/metrics`)).text();
  const line = text.split('\n').find((each) => each.startsWith(`${key} `));
  return line === undefined ? undefined : Number(line.slice(key.length + 1));
}

describe('certificate expiry reminders on the embedded default (the demo seed, a fake clock)', () => {
  let running: TestApp;
  let clock: FakeClock;

  beforeEach(async () => {
    clock = new FakeClock();
    running = await startTestApp(REMINDERS_ON, { clock });
    // The job runs at start; its e-mail is delivered by the mail worker, in the background.
    await running.app.background.drain();
  });
  afterEach(() => running.close());

  test('when the assistant starts, then the certificate 20 days from expiry gets one reminder at 30 days: an e-mail, an SMS, an audit row, metrics', async () => {
    const mails = await reminderMails(running);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail!.subject).toBe('E-imza sertifikanızın süresi 20 gün sonra doluyor');
    for (const part of [
      'Sayın Emre Aydın',
      'NES-0006',
      EMRE_EXPIRES,
      '20 gün kaldı',
      'yeni bir sertifika başvurusu',
      'www.kamusm.gov.tr',
      '0262 648 18 18',
      `${running.baseUrl}/?topic=renewal`,
    ]) {
      expect(mail!.text).toContain(part);
    }
    // The fee is the institution's to publish: no amount is invented.
    expect(mail!.text).not.toMatch(/\d\s*(TL|₺|lira)/i);

    const texts = reminderTexts(running.dataDir);
    expect(texts).toHaveLength(1);
    const sms = texts[0]!.body;
    expect(sms).toContain('0006');
    expect(sms).not.toContain('NES-0006');
    expect(sms).toContain(EMRE_EXPIRES);
    expect(sms).toContain('20 gun kaldi');
    expect(countSegments(sms)).toMatchObject({ encoding: 'GSM-7' });
    expect(countSegments(sms).segments).toBeLessThanOrEqual(2);

    const audit = await running.app.db.query<{ actor: string; subject_masked: string; details: Record<string, unknown> }>(
      "SELECT actor, subject_masked, details FROM audit_log WHERE action = 'certificate.expiryReminder'",
    );
    expect(audit).toEqual([
      {
        actor: 'system',
        subject_masked: EMRE.maskedId,
        details: { certificate: 'NES-0006', threshold: 30, daysLeft: 20, channels: 'email,sms' },
      },
    ]);
    // What the reminder said, and where it went, are not in the audit log.
    expect(JSON.stringify(audit)).not.toMatch(/emre\.aydin|5301112244|topic=renewal/);

    expect(await metric(running, 'expiry_reminders_total{channel="email",threshold="30",outcome="queued"}')).toBe(1);
    expect(await metric(running, 'expiry_reminders_total{channel="sms",threshold="30",outcome="sent"}')).toBe(1);
    // No other demo certificate is within 90 days (and NES-0002 is still pending).
    expect((await running.app.db.query('SELECT certificate_serial FROM expiry_reminders')).length).toBe(1);
  });

  test('when the job runs again the same day, then nothing more is sent', async () => {
    expect(await running.app.remindOfExpiry()).toEqual({ result: 'done', reminded: 0, delivered: 0, retrying: 0, failed: 0 });
    await running.app.background.drain();
    expect(await reminderMails(running)).toHaveLength(1);
    expect(reminderTexts(running.dataDir)).toHaveLength(1);
  });

  test('when the days pass, then each threshold is reminded of once, on the day it is reached, and nothing after the last day', async () => {
    // [days passed since the start, what the subject says, or null when nothing is due]
    const days: [number, string | null][] = [
      [1, null], // 19 days left: still the 30-day threshold, already reminded of
      [5, 'E-imza sertifikanızın süresi 15 gün sonra doluyor'],
      [6, null],
      [13, 'E-imza sertifikanızın süresi 7 gün sonra doluyor'],
      [19, 'E-imza sertifikanızın süresi yarın doluyor'],
      [20, null], // the last day: the 1-day threshold was the day before
      [21, null], // expired
      [25, null], // (Mehmet's NES-0003 reaches 90 days that day: his own reminder)
    ];
    let passed = 0;
    let sent = 1;
    for (const [day, subject] of days) {
      clock.advance((day - passed) * DAY_MS);
      passed = day;
      await running.app.remindOfExpiry();
      await running.app.background.drain();
      const mails = await reminderMails(running);
      if (subject) sent += 1;
      expect([day, mails.length]).toEqual([day, sent]);
      if (subject) expect(mails.map((mail) => mail.subject)).toContain(subject);
    }
    expect(reminderTexts(running.dataDir).map((sms) => sms.body.match(/\((.*?)\)/)?.[1])).toEqual([
      '20 gun kaldi',
      '15 gun kaldi',
      '7 gun kaldi',
      '1 gun kaldi',
    ]);
    expect((await reminderRows(running)).map((row) => row.threshold_days)).toEqual([30, 15, 7, 1]);
  });

  test('when the citizen last logged in in English, then the next reminder comes in English, and the SMS too', async () => {
    const client = new EmulatorClient(running.baseUrl, undefined, 'emulator', 'en-US');
    await client.start();
    try {
      await client.join();
      await client.say('Şifreli Giriş');
      const challenge = await client.sayText(EMRE.id);
      await client.say(solveTextChallenge(challenge));
      expect(textOf(await client.say('', { value: { securityWord: EMRE.word }, text: undefined }))).toContain('SMS confirmation');
      await client.say('Onay');
      expect(textOf(await client.say(codeIn(reminderTexts(running.dataDir).at(-1)!.body)))).toContain('İşlemler Menüsü');
    } finally {
      await client.stop();
    }
    clock.advance(5 * DAY_MS);
    await running.app.remindOfExpiry();
    await running.app.background.drain();
    const mail = (await reminderMails(running)).find((each) => each.subject.startsWith('Your'));
    expect(mail?.subject).toBe('Your e-signature certificate expires in 15 days');
    for (const part of [
      'Dear Emre Aydın',
      'NES-0006',
      '15 Dec 2026 (15.12.2026)',
      '15 days left',
      '+90 262 648 18 18',
      '/?topic=renewal',
    ]) {
      expect(mail!.text).toContain(part);
    }
    const sms = reminderTexts(running.dataDir).at(-1)!.body;
    expect(sms).toContain('15 days left');
    expect(countSegments(sms).segments).toBeLessThanOrEqual(2);
  });

  test('when a citizen has no e-mail address or phone on record any more, then the reminder is recorded, nothing is sent, and the log names them masked', async () => {
    await running.app.db.query("UPDATE citizens SET email = '', phone = '' WHERE national_id = $1", [EMRE.id]);
    clock.advance(5 * DAY_MS);
    expect(await running.app.remindOfExpiry()).toMatchObject({ result: 'done', reminded: 1 });
    await running.app.background.drain();
    expect(await reminderMails(running)).toHaveLength(1);
    expect(reminderTexts(running.dataDir)).toHaveLength(1);
    const warnings = running.logs.filter((line) => line.includes('expiry reminder: no'));
    expect(warnings.join('\n')).toContain(EMRE.maskedId);
    expect(warnings.join('\n')).not.toContain(EMRE.id);
  });
});

describe('certificate expiry reminders across a restart of the embedded default', () => {
  test('when the assistant is stopped and started again on the same data, then the reminder already sent is not sent again', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'eimza-reminders-'));
    const clock = new FakeClock();
    try {
      for (let start = 0; start < 2; start++) {
        const running = await startOn(dataDir, REMINDERS_ON, { clock });
        try {
          await running.app.background.drain();
          expect((await running.app.db.query('SELECT threshold_days FROM expiry_reminders')).length).toBe(1);
        } finally {
          await running.close();
        }
      }
      expect(reminderTexts(dataDir)).toHaveLength(1);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
