import { EmulatorClient } from '../support/emulator';
import { AYSE, codeIn, smsOutbox, toSmsOnay } from '../support/citizenLogin';
import { FakeTwilio } from '../support/fakeTwilio';
import { freePort, startTestApp, type TestApp } from '../support/testApp';

const ACCOUNT_SID = `AC${'0123456789abcdef'.repeat(2)}`;
const AUTH_TOKEN = 'test-auth-token-5f1c2d';
const FROM = '+15005550006';
const MENU = 'İşlemler Menüsü';
const START_AGAIN = 'Başka ne yapmak istersiniz?';
const SEND_FAILED = 'SMS şu anda gönderilemedi';

const twilioEnv = (baseUrl: string) => ({
  TWILIO_ACCOUNT_SID: ACCOUNT_SID,
  TWILIO_AUTH_TOKEN: AUTH_TOKEN,
  TWILIO_SMS_FROM: FROM,
  TWILIO_API_BASE_URL: baseUrl,
});

/** The full number in any form a log could carry it: E.164, without "+", or national. */
const FULL_NUMBER_FORMS = [AYSE.phone, AYSE.phone.slice(1), AYSE.phone.slice(3), `0${AYSE.phone.slice(3)}`];

function expectMaskedFailureLog(lines: string[]): void {
  const failure = lines.filter((line) => line.includes('SMS could not be sent'));
  expect(failure).toHaveLength(1);
  expect(failure[0]).toContain(AYSE.maskedPhone);
  for (const line of lines) for (const form of FULL_NUMBER_FORMS) expect(line).not.toContain(form);
}

describe('when SMS go through Twilio (a local fake of its REST API)', () => {
  let fake: FakeTwilio;
  let running: TestApp;
  const clients: EmulatorClient[] = [];

  const open = async () => {
    const client = new EmulatorClient(running.baseUrl);
    await client.start();
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    fake = new FakeTwilio(ACCOUNT_SID, AUTH_TOKEN);
    running = await startTestApp(twilioEnv(await fake.start()));
  });
  afterEach(async () => {
    fake.mode = 'queued';
    await Promise.all(clients.splice(0).map((client) => client.stop()));
  });
  afterAll(async () => {
    await running.close();
    await fake.stop();
  });

  test('when Onay is picked, then Twilio receives one authenticated, form-encoded message to the registered phone from TWILIO_SMS_FROM, and its code opens the menu', async () => {
    const client = await open();
    await toSmsOnay(client, AYSE);
    const before = fake.messages.length;
    expect(await client.sayText('Onay')).toContain('Kalan süre: 300 saniye');

    expect(fake.messages).toHaveLength(before + 1);
    const message = fake.messages.at(-1)!;
    expect(message.accountSid).toBe(ACCOUNT_SID);
    expect(message.to).toBe(AYSE.phone);
    expect(message.from).toBe(FROM);
    expect(fake.requests.every((request) => request.authorized && request.status === 201)).toBe(true);
    expect(fake.requests.every((request) => request.contentType.startsWith('application/x-www-form-urlencoded'))).toBe(true);
    // Nothing goes to the outbox when Twilio is configured.
    expect(smsOutbox(running.dataDir)).toHaveLength(0);

    expect(await client.sayText(codeIn(message.body))).toContain(MENU);
  });

  test('when Twilio answers 500, then the citizen is told "SMS şu anda gönderilemedi", the log shows only the masked number, and nothing crashes', async () => {
    const client = await open();
    await toSmsOnay(client, AYSE);
    fake.mode = 'server-error';
    const logsBefore = running.logs.length;
    const reply = await client.sayText('Onay');
    expect(reply).toContain(SEND_FAILED);
    expect(reply).toContain(START_AGAIN);
    expect(reply).not.toContain('Kalan süre');

    const lines = running.logs.slice(logsBefore);
    expectMaskedFailureLog(lines);
    expect(lines.some((line) => line.includes('turn failed'))).toBe(false);
    expect(fake.requests.at(-1)!.status).toBe(500);
    const failed = await running.app.db.query("SELECT subject_masked FROM audit_log WHERE action = 'sms-code.failed'");
    expect(failed).toEqual([{ subject_masked: '100******46' }]);

    // The server and the conversation go on: once Twilio works again, the same citizen logs in.
    expect((await fetch(`${running.baseUrl}/healthz`)).status).toBe(200);
    fake.mode = 'queued';
    const again = await open();
    await toSmsOnay(again, AYSE);
    await again.sayText('Onay');
    expect(await again.sayText(codeIn(fake.messages.at(-1)!.body))).toContain(MENU);
  });

  test('when Twilio refuses the number with its own error text (which quotes the number), then the log still shows only the masked number', async () => {
    const client = await open();
    await toSmsOnay(client, AYSE);
    fake.mode = 'invalid-to';
    const logsBefore = running.logs.length;
    expect(await client.sayText('Onay')).toContain(SEND_FAILED);
    expect(fake.requests.at(-1)!.status).toBe(400);
    expectMaskedFailureLog(running.logs.slice(logsBefore));
  });
});

describe('when TWILIO_API_BASE_URL points at a closed port', () => {
  let running: TestApp;
  let client: EmulatorClient;

  beforeAll(async () => {
    running = await startTestApp(twilioEnv(`http://127.0.0.1:${await freePort()}`));
    client = new EmulatorClient(running.baseUrl);
    await client.start();
  });
  afterAll(async () => {
    await client.stop();
    await running.close();
  });

  test('when Onay is picked, then the citizen is told "SMS şu anda gönderilemedi", the log shows only the masked number, and the server keeps answering', async () => {
    await toSmsOnay(client, AYSE);
    const logsBefore = running.logs.length;
    const reply = await client.sayText('Onay');
    expect(reply).toContain(SEND_FAILED);
    expect(reply).toContain(START_AGAIN);

    const lines = running.logs.slice(logsBefore);
    expectMaskedFailureLog(lines);
    expect(lines.some((line) => line.includes('turn failed'))).toBe(false);
    expect((await fetch(`${running.baseUrl}/healthz`)).status).toBe(200);
    // The conversation still answers: the start takes a choice.
    expect(await client.sayText('Şifreli Giriş')).toContain('Kimlik No');
  });
});
