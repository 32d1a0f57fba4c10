import { randomInt } from 'node:crypto';
import { FakeTwilio } from '../support/fakeTwilio';
import { TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_NUMBER, twilioChannelEnv, WEBHOOK_PATH } from '../support/phoneCitizen';
import { createTestDatabase, describeWithPostgres, describeWithRedis, TEST_REDIS_URL } from '../support/services';
import { solveTextChallenge } from '../support/solveChallenge';
import { TcpProxy } from '../support/tcpProxy';
import { startTestApp, startTwoTestApps, type TestApp } from '../support/testApp';

/** The one public address both instances sit behind, which is what Twilio signs. */
const PUBLIC = 'https://eimza.example.gov.tr';
/** Redis outlives a run: each test writes from a number of its own. */
const freshNumber = () => `+90555${String(randomInt(10_000_000)).padStart(7, '0')}`;

describeWithPostgres()('with two instances behind one public address, on one PostgreSQL and one Redis', () => {
  describeWithRedis()('when Twilio posts to either of them', () => {
    let fake: FakeTwilio;
    let a: TestApp;
    let b: TestApp;
    let database: { url: string; drop(): Promise<void> };

    beforeAll(async () => {
      fake = new FakeTwilio(TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN);
      database = await createTestDatabase();
      const env = {
        ...twilioChannelEnv(await fake.start()),
        PUBLIC_BASE_URL: PUBLIC,
        DATABASE_URL: database.url,
        REDIS_URL: TEST_REDIS_URL,
        SEED_FILE: 'seed/demo.json',
      };
      [a, b] = await startTwoTestApps(env);
    });
    afterAll(async () => {
      await Promise.all([a?.close(), b?.close()]);
      await database?.drop();
      await fake?.stop();
    });

    const drained = () => Promise.all([a.app.background.drain(), b.app.background.drain()]);
    const repliesTo = (address: string) => fake.messages.filter((message) => message.to === address).map((message) => message.body);
    const post = (instance: TestApp, params: Record<string, string>) =>
      fake.postWebhook(`${instance.baseUrl}${WEBHOOK_PATH}`, params, { signedUrl: `${PUBLIC}${WEBHOOK_PATH}` });

    test('when the same MessageSid reaches both instances at once, then it is processed once', async () => {
      const address = freshNumber();
      const params = fake.inboundParams(address, TWILIO_NUMBER, 'Merhaba');
      const responses = await Promise.all([post(a, params), post(b, params), post(a, params), post(b, params)]);
      expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200]);
      await drained();
      expect(repliesTo(address)).toHaveLength(1);
    });

    test('when the messages of one number alternate between the instances, then the conversation goes on as one', async () => {
      const address = freshNumber();
      const say = async (instance: TestApp, body: string) => {
        const before = repliesTo(address).length;
        expect((await post(instance, fake.inboundParams(address, TWILIO_NUMBER, body))).status).toBe(200);
        await drained();
        return repliesTo(address).slice(before).join('\n');
      };
      expect(await say(a, 'Merhaba')).toContain('1) Güvenlik Sözcüğümü Unuttum');
      expect(await say(b, '1')).toContain('Kimlik No');
      const challenge = await say(a, '10000000146');
      expect(await say(b, solveTextChallenge(challenge))).toContain('kayıtlıysa');
    });
  });
});

describeWithRedis()('when Redis stops answering while Twilio posts', () => {
  let fake: FakeTwilio;
  let redis: TcpProxy;
  let running: TestApp;

  beforeAll(async () => {
    fake = new FakeTwilio(TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN);
    const redisUrl = new URL(TEST_REDIS_URL);
    redis = new TcpProxy({ host: redisUrl.hostname, port: Number(redisUrl.port || 6379) });
    const port = await redis.start();
    running = await startTestApp({ ...twilioChannelEnv(await fake.start()), REDIS_URL: `redis://127.0.0.1:${port}` });
  });
  afterAll(async () => {
    await running.close();
    await redis.cut();
    await fake.stop();
  });

  test('then Twilio still gets 200, the citizen is told in the TwiML answer to try again, and the failure is logged', async () => {
    await redis.cut();
    const logsBefore = running.logs.length;
    const address = freshNumber();
    const response = await fake.postWebhook(`${running.baseUrl}${WEBHOOK_PATH}`, fake.inboundParams(address, TWILIO_NUMBER, 'Merhaba'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<Message>Üzgünüm, bir sorun oluştu. Lütfen biraz sonra tekrar deneyin.</Message>');
    const lines = running.logs.slice(logsBefore);
    expect(lines.some((line) => line.includes('short-lived store does not answer'))).toBe(true);
    for (const line of lines) expect(line).not.toContain(address.slice(1));

    await redis.restore();
    await waitForRedis(running);
    const again = await fake.postWebhook(`${running.baseUrl}${WEBHOOK_PATH}`, fake.inboundParams(address, TWILIO_NUMBER, 'Merhaba'));
    expect(again.status).toBe(200);
    await running.app.background.drain();
    expect(
      fake.messages
        .filter((message) => message.to === address)
        .map((message) => message.body)
        .join('\n'),
    ).toContain('e-İmza Yardımcısı');
  });
});

/** ioredis reconnects by itself; /readyz says when it has. */
async function waitForRedis(running: TestApp): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if ((await fetch(`${running.baseUrl}/readyz`)).status === 200) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error('Redis did not come back');
}
