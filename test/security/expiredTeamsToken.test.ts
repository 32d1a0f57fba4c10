import { postActivity } from '../support/botFrameworkTokens';
import { startSignedTeams, type SignedTeams } from '../support/teamsClient';

const APP_ID = '8c7b6a59-4e3d-4c2b-9a1f-0e9d8c7b6a59';

/**
 * The Bot Framework SDK accepts a channel's token up to 5 minutes past its expiry (its clock
 * tolerance), while the README promises that an expired token gets 401. The tolerance is now 60 s:
 * enough for clocks a little apart, not a replay window.
 */
describe('when a Teams request carries a token that has expired', () => {
  let teams: SignedTeams;

  // The token library writes its own lines to stderr for the expired token: not this suite's subject.
  beforeAll(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
  afterAll(() => jest.restoreAllMocks());

  beforeAll(async () => {
    teams = await startSignedTeams(APP_ID);
  });
  afterAll(() => teams.close());

  async function postWithTokenExpiring(expiresIn: number): Promise<{ status: number; replies: number }> {
    const { client, issuer, running } = teams;
    const activity = await client.activityFor('menü');
    const before = client.replies.length;
    const response = await postActivity(running.baseUrl, activity, issuer.bearerFor(APP_ID, activity, { expiresIn }));
    await response.text();
    return { status: response.status, replies: client.replies.length - before };
  }

  test('when it expired 2 minutes ago, then the answer is 401 and no turn runs', async () => {
    expect(await postWithTokenExpiring(-120)).toEqual({ status: 401, replies: 0 });
  });

  test("when it expired 4 minutes ago (inside the SDK's own 5-minute tolerance), then the answer is 401 too", async () => {
    expect(await postWithTokenExpiring(-240)).toEqual({ status: 401, replies: 0 });
  });

  test('when it expired 30 seconds ago (clocks a little apart), then it is still accepted and answered', async () => {
    const answer = await postWithTokenExpiring(-30);
    expect(answer.status).toBe(200);
    expect(answer.replies).toBeGreaterThan(0);
  });
});
