import type { Activity } from 'botbuilder';
import { LocalBotFrameworkIssuer } from '../support/botFrameworkTokens';
import { AYSE } from '../support/citizenLogin';
import { EmulatorClient } from '../support/emulator';
import { createTestDatabase, describeWithPostgres, describeWithRedis, TEST_REDIS_URL } from '../support/services';
import { startSignedApp, TeamsClient, type SignedApp } from '../support/teamsClient';
import { startTestApp, type TestApp } from '../support/testApp';

const APP_ID = '5b1c9d2e-3f4a-4b5c-8d6e-7f8091a2b3c4';
const KIMLIK_NO_QUESTION = 'Kimlik No: T.C. Kimlik Numaranızı';
/** What the bot says when "Şifreli Giriş" is taken as a Kimlik No: the sign that a message ran twice. */
const INVALID_ID = /Kimlik No|hane|geçersiz/;

const texts = (replies: Partial<Activity>[]) => replies.map((reply) => reply.text ?? '');

describe('when Teams sends the same message again (the bot took over 15 s)', () => {
  let app: SignedApp;
  const clients: EmulatorClient[] = [];

  const open = async () => {
    const client = new TeamsClient(app.running.baseUrl, APP_ID, app.issuer);
    clients.push(client);
    await client.start();
    await client.join();
    return client;
  };

  beforeAll(async () => {
    app = await startSignedApp(APP_ID);
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.stop()));
    await app.close();
  });

  test('when the repeat comes after the first was answered, then it gets 200 and no answer, and the conversation goes on from the first', async () => {
    const client = await open();
    const first = await client.say('Şifreli Giriş', { id: '1:teams-message-a' });
    expect(texts(first).join('\n')).toContain(KIMLIK_NO_QUESTION);

    const repeat = await client.say('Şifreli Giriş', { id: '1:teams-message-a' });
    expect(repeat).toEqual([]);

    // Had the repeat run, "Şifreli Giriş" would have been an invalid Kimlik No (one of three tries).
    expect(await client.sayText(AYSE.id)).toContain('Güvenlik kontrolü: şu sayıyı rakamla yazın');
  });

  test('when the same message arrives twice at once, then exactly one of them is answered', async () => {
    const client = await open();
    const before = client.replies.length;
    const responses = await Promise.all([
      client.rawPost({ ...(await activityOf(client, 'Şifreli Giriş')), id: '1:teams-message-b' }),
      client.rawPost({ ...(await activityOf(client, 'Şifreli Giriş')), id: '1:teams-message-b' }),
    ]);
    expect(responses.map((response) => response.status)).toEqual([200, 200]);
    const answered = texts(client.replies.slice(before));
    expect(answered.filter((text) => text.includes(KIMLIK_NO_QUESTION))).toHaveLength(1);
    expect(answered.filter((text) => INVALID_ID.test(text) && !text.includes(KIMLIK_NO_QUESTION))).toEqual([]);
  });

  test('when two conversations use the same activity id, then both are answered: an id counts within its conversation', async () => {
    const [one, two] = [await open(), await open()];
    expect(texts(await one.say('Şifreli Giriş', { id: '1:same-id' })).join('\n')).toContain(KIMLIK_NO_QUESTION);
    expect(texts(await two.say('Şifreli Giriş', { id: '1:same-id' })).join('\n')).toContain(KIMLIK_NO_QUESTION);
  });
});

/** The activity `client` would post for `text`, with a fresh serviceUrl-bound token added by its rawPost. */
function activityOf(client: EmulatorClient, text: string): Promise<Record<string, unknown>> {
  return client.activityFor(text);
}

describeWithPostgres()('with two instances on one PostgreSQL and one Redis', () => {
  describeWithRedis()('when Teams repeats a message and the load balancer sends each copy to another instance', () => {
    let a: TestApp;
    let b: TestApp;
    let issuer: LocalBotFrameworkIssuer;
    let drop: () => Promise<void>;
    const clients: EmulatorClient[] = [];

    beforeAll(async () => {
      issuer = await new LocalBotFrameworkIssuer().start();
      const database = await createTestDatabase();
      drop = database.drop;
      const env = { DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, SEED_FILE: 'seed/demo.json', MICROSOFT_APP_ID: APP_ID };
      // Started together: the migrations and the seed must not race.
      [a, b] = await Promise.all([
        startTestApp(env, { botFrameworkAuthentication: issuer.authentication(APP_ID) }),
        startTestApp(env, { botFrameworkAuthentication: issuer.authentication(APP_ID) }),
      ]);
    });
    afterAll(async () => {
      await Promise.all(clients.map((client) => client.stop()));
      await Promise.all([a.close(), b.close()]);
      await drop();
      await issuer.stop();
    });

    test('when both copies arrive at once, one at each instance, then exactly one is answered', async () => {
      const client = new TeamsClient(a.baseUrl, APP_ID, issuer);
      clients.push(client);
      await client.start();
      await client.join();
      const before = client.replies.length;
      const activity = { ...(await activityOf(client, 'Şifreli Giriş')), id: '1:teams-message-c' };
      const responses = await Promise.all([
        client.rawPost(activity, 'application/json', a.baseUrl),
        client.rawPost(activity, 'application/json', b.baseUrl),
      ]);
      expect(responses.map((response) => response.status)).toEqual([200, 200]);
      const answered = texts(client.replies.slice(before));
      expect(answered.filter((text) => text.includes(KIMLIK_NO_QUESTION))).toHaveLength(1);
      expect(answered).toHaveLength(1);
    });
  });
});
