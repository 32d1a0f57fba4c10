import { EmulatorClient } from '../support/emulator';
import { LocalBotFrameworkIssuer, OUTBOUND_TOKEN, postActivity as post } from '../support/botFrameworkTokens';
import { startSignedTeams, TeamsClient, type SignedTeams } from '../support/teamsClient';
import { startTestApp, type TestApp } from '../support/testApp';

const APP_ID = '3f2a4b6c-1d2e-4f50-8a9b-0c1d2e3f4a5b';
const OTHER_APP_ID = '9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4';

/** A Teams message of a conversation whose replies go to `client`'s capture server. */
function teamsMessage(client: EmulatorClient, text = 'merhaba'): Promise<Record<string, unknown>> {
  return client.activityFor(text);
}

// The token library writes its own lines to stderr (the key it tried, a TokenExpiredError): not this suite's subject.
beforeAll(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
afterAll(() => jest.restoreAllMocks());

describe('when MICROSOFT_APP_ID is set and the Microsoft token service is the real one (no network here)', () => {
  let running: TestApp;
  let client: EmulatorClient;

  beforeAll(async () => {
    running = await startTestApp({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'not-used-in-this-test' });
    client = new EmulatorClient(running.baseUrl, undefined, 'msteams');
    await client.start();
  });
  afterAll(async () => {
    await client.stop();
    await running.close();
  });

  /** Refusals decided without the signing keys, so without the network: nothing is fetched, nothing hangs. */
  const withoutKeys: [string, string | undefined][] = [
    ['no Authorization header', undefined],
    ['an empty Authorization header', ''],
    ['a Bearer value that is not a JWT', 'Bearer garbage'],
    ['a Basic header', 'Basic dXNlcjpwYXNz'],
    [
      'a JWT from an issuer the Bot Framework does not use',
      `Bearer ${Buffer.from(JSON.stringify({ alg: 'RS256', kid: 'k' })).toString('base64url')}.${Buffer.from(
        JSON.stringify({ iss: 'https://issuer.example.org', aud: APP_ID, exp: 4_000_000_000 }),
      ).toString('base64url')}.c2ln`,
    ],
  ];

  test.each(withoutKeys)(
    'when a Teams activity comes with %s, then the answer is 401 with a JSON body and no turn runs',
    async (_what, authorization) => {
      const activity = await teamsMessage(client);
      const before = client.requests.length;
      const logsBefore = running.logs.length;
      const response = await post(running.baseUrl, activity, authorization);
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expect(await response.json()).toEqual({ error: 'The request does not carry a valid Bot Framework token.' });
      expect(client.requests.length).toBe(before);
      // The refusal is logged with its status, never with the header's value.
      const logged = running.logs.slice(logsBefore);
      expect(logged.some((line) => line.includes('Bot Framework request refused') && line.includes('"status":401'))).toBe(true);
      if (authorization && authorization.length > 10) expect(logged.filter((line) => line.includes(authorization.slice(7)))).toEqual([]);
    },
  );
});

describe('when MICROSOFT_APP_ID is set and the channel signs its tokens with keys published on 127.0.0.1', () => {
  let teams: SignedTeams;
  let running: TestApp;
  let issuer: LocalBotFrameworkIssuer;
  let client: TeamsClient;

  beforeAll(async () => {
    teams = await startSignedTeams(APP_ID);
    ({ running, issuer, client } = teams);
  });
  afterAll(() => teams.close());

  test('when Teams sends a message with a valid token, then the bot answers, and its replies carry its own token', async () => {
    const replies = await client.join();
    expect(replies.length).toBeGreaterThan(0);
    expect(replies[0]!.text).toContain('e-İmza Yardımcısı');
    expect(client.requests.every((request) => request.authorization === `Bearer ${OUTBOUND_TOKEN}`)).toBe(true);
  });

  const badTokens: [string, (activity: Record<string, unknown>) => string][] = [
    ['signed with another key (forged)', (activity) => issuer.bearerFor(APP_ID, activity, { forged: true })],
    ['expired an hour ago', (activity) => issuer.bearerFor(APP_ID, activity, { expiresIn: -3600 })],
    ['for another bot (wrong audience)', (activity) => issuer.bearerFor(OTHER_APP_ID, activity)],
    ['for another service URL', (activity) => issuer.bearerFor(APP_ID, activity, { serviceUrl: 'https://smba.example.org/emea/' })],
    ['signed with a key id that is not published', (activity) => issuer.bearerFor(APP_ID, activity, { keyId: 'unknown-key' })],
  ];

  test.each(badTokens)('when a token is %s, then the answer is 401 with a JSON body and no turn runs', async (_what, token) => {
    const activity = await teamsMessage(client, 'Şifreli Giriş');
    const before = client.requests.length;
    const response = await post(running.baseUrl, activity, token(activity));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'The request does not carry a valid Bot Framework token.' });
    expect(client.requests.length).toBe(before);
  });

  test('when the same activity then comes with a valid token, then it is processed: a refused request did not mark its id as taken', async () => {
    const activity = await teamsMessage(client, 'Şifreli Giriş');
    expect((await post(running.baseUrl, activity, issuer.bearerFor(APP_ID, activity, { forged: true }))).status).toBe(401);
    const before = client.replies.length;
    const response = await post(running.baseUrl, activity, issuer.bearerFor(APP_ID, activity));
    expect(response.status).toBe(200);
    expect(
      client.replies
        .slice(before)
        .map((reply) => reply.text)
        .join('\n'),
    ).toContain('Kimlik');
  });
});

describe('when MICROSOFT_APP_ID is set and the service that publishes the signing keys does not answer', () => {
  let running: TestApp;
  let client: TeamsClient;

  beforeAll(async () => {
    const gone = await new LocalBotFrameworkIssuer().start();
    await gone.stop();
    running = await startTestApp({ MICROSOFT_APP_ID: APP_ID }, { botFrameworkAuthentication: gone.authentication(APP_ID) });
    client = new TeamsClient(running.baseUrl, APP_ID, gone);
    await client.start();
  });
  afterAll(async () => {
    await client.stop();
    await running.close();
  });

  test('when Teams sends a message, then the answer is 503 with a JSON body and Retry-After, not a 500, and no turn runs', async () => {
    const activity = await teamsMessage(client);
    const response = await client.rawPost(activity);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(await response.json()).toEqual({ error: 'The Bot Framework token cannot be checked right now. Try again shortly.' });
    expect(client.requests).toEqual([]);
  });
});
