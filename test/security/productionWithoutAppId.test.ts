import { join } from 'node:path';
import { DirectLineClient } from '../support/directLineClient';
import { EmulatorClient } from '../support/emulator';
import { FakeTwilio } from '../support/fakeTwilio';
import { PhoneCitizen, TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, twilioChannelEnv } from '../support/phoneCitizen';
import { startTestApp, type TestApp } from '../support/testApp';

const PRODUCTION = { NODE_ENV: 'production', PINPUK_MASTER_KEY: 'c0de'.repeat(16) };

const citizenCount = async (running: TestApp) =>
  (await running.app.db.query<{ count: number }>('SELECT count(*)::int AS count FROM citizens'))[0]!.count;

describe('when the assistant runs in production without MICROSOFT_APP_ID', () => {
  let fake: FakeTwilio;
  let running: TestApp;
  let victim: EmulatorClient;

  beforeAll(async () => {
    fake = new FakeTwilio(TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN);
    running = await startTestApp({ ...PRODUCTION, ...twilioChannelEnv(await fake.start()) });
    // The "service URL" an attacker names: any address the server can reach.
    victim = new EmulatorClient(running.baseUrl, 'a:probe', 'msteams');
    await victim.start();
  });
  afterAll(async () => {
    await victim.stop();
    await running.close();
    await fake.stop();
  });

  test('then POST /api/messages answers 401 with a JSON error, runs no turn and calls no serviceUrl', async () => {
    for (const activity of [
      { type: 'conversationUpdate', membersAdded: [{ id: 'user-1' }] },
      { type: 'message', text: 'Merhaba' },
    ]) {
      const response = await victim.rawPost({
        id: `probe-${activity.type}`,
        channelId: 'msteams',
        serviceUrl: (victim as unknown as { serviceUrl: string }).serviceUrl,
        conversation: { id: 'a:probe' },
        from: { id: '29:probe', aadObjectId: '7d1f3c2a-0000-4000-8000-00000000a001' },
        recipient: { id: '28:bot' },
        ...activity,
      });
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await response.json()).toEqual({ error: expect.any(String) });
    }
    await running.app.background.drain();
    expect(victim.requests).toEqual([]);
  });

  test('then no demo citizen is loaded', async () => {
    expect(await citizenCount(running)).toBe(0);
  });

  test('then the web chat and Twilio keep working', async () => {
    const webChat = new DirectLineClient(running.baseUrl);
    const greeting = await webChat.join();
    expect(greeting.map((activity) => activity.text ?? '').join('\n')).toContain('e-İmza Yardımcısı');

    const sms = new PhoneCitizen(fake, running, '+905550001801');
    expect((await sms.sayText('Merhaba')).length).toBeGreaterThan(0);
  });
});

describe('when production is given an explicit SEED_FILE', () => {
  test('then the citizens of that file are loaded', async () => {
    const running = await startTestApp({ ...PRODUCTION, SEED_FILE: join(__dirname, '..', '..', 'seed', 'demo.json') });
    try {
      expect(await citizenCount(running)).toBeGreaterThan(0);
    } finally {
      await running.close();
    }
  });
});
