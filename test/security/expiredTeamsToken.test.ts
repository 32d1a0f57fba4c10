import { LocalBotFrameworkIssuer } from '../support/botFrameworkTokens';
import { TeamsClient } from '../support/teamsClient';
import { startTestApp, type TestApp } from '../support/testApp';

const APP_ID = '8c7b6a59-4e3d-4c2b-9a1f-0e9d8c7b6a59';

/**
 * The Bot Framework SDK accepts a channel's token up to 5 minutes past its expiry (its clock
 * tolerance), while the README promises that an expired token gets 401. The tolerance is now 60 s:
 * enough for clocks a little apart, not a replay window.
 */
describe('when a Teams request carries a token that has expired', () => {
  let running: TestApp;
  let issuer: LocalBotFrameworkIssuer;
  let client: TeamsClient;

  // The token library writes its own lines to stderr for the expired token: not this suite's subject.
  beforeAll(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
  afterAll(() => jest.restoreAllMocks());

  beforeAll(async () => {
    issuer = await new LocalBotFrameworkIssuer().start();
    running = await startTestApp({ MICROSOFT_APP_ID: APP_ID }, { botFrameworkAuthentication: issuer.authentication(APP_ID) });
    client = new TeamsClient(running.baseUrl, APP_ID, issuer);
    await client.start();
  });
  afterAll(async () => {
    await client.stop();
    await running.close();
    await issuer.stop();
  });

  async function postWithTokenExpiring(expiresIn: number): Promise<{ status: number; replies: number }> {
    const activity = await client.activityFor('menü');
    const before = client.replies.length;
    const response = await fetch(`${running.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: issuer.bearer({ audience: APP_ID, serviceUrl: String(activity['serviceUrl']), expiresIn }) },
      body: JSON.stringify(activity),
    });
    await response.text();
    return { status: response.status, replies: client.replies.length - before };
  }

  test('when it expired 2 minutes ago, then the answer is 401 and no turn runs', async () => {
    expect(await postWithTokenExpiring(-120)).toEqual({ status: 401, replies: 0 });
  });

  test('when it expired 4 minutes ago (inside the SDK\'s own 5-minute tolerance), then the answer is 401 too', async () => {
    expect(await postWithTokenExpiring(-240)).toEqual({ status: 401, replies: 0 });
  });

  test('when it expired 30 seconds ago (clocks a little apart), then it is still accepted and answered', async () => {
    const answer = await postWithTokenExpiring(-30);
    expect(answer.status).toBe(200);
    expect(answer.replies).toBeGreaterThan(0);
  });
});
