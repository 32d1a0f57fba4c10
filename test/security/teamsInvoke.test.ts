import type { Activity } from 'botbuilder';
import { textOf } from '../support/citizenLogin';
import { startSignedTeams, type SignedTeams, type TeamsClient } from '../support/teamsClient';

const APP_ID = '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a';

/**
 * Teams sends some card buttons (Action.Execute, and Action.Submit in the newer clients) as
 * `invoke` activities and waits for an invoke response; botbuilder answered every invoke 501 and
 * the citizen saw the card fail. A card action is now taken as the card submit it is, and any
 * other invoke is answered 200 without a turn.
 */
describe('when Teams sends invoke activities', () => {
  let teams: SignedTeams;
  let client: TeamsClient;

  beforeAll(async () => {
    teams = await startSignedTeams(APP_ID);
    client = teams.client;
    await client.join();
  });
  afterAll(() => teams.close());

  /** Posts an invoke of this conversation; the HTTP answer and the replies of its turn. */
  async function invoke(fields: Partial<Activity>): Promise<{ status: number; body: unknown; replies: Partial<Activity>[] }> {
    const activity = await client.activityFor('');
    const before = client.replies.length;
    const response = await client.rawPost({ ...activity, type: 'invoke', text: undefined, ...fields });
    const text = await response.text();
    return { status: response.status, body: text === '' ? undefined : JSON.parse(text), replies: client.replies.slice(before) };
  }

  test('when a card button comes as an adaptiveCard/action invoke (Action.Execute), then it is answered 200 with an invoke response and the turn takes its choice', async () => {
    const answer = await invoke({
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'choose', data: { choice: 'Güvenlik Sözcüğümü Unuttum' } }, trigger: 'manual' },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ statusCode: 200 });
    expect(textOf(answer.replies)).toContain('Kimlik No');
  });

  test('when an Action.Submit comes as an adaptiveCard/action invoke, then the turn reads it the same way ("menü" brings the start back)', async () => {
    const answer = await invoke({ name: 'adaptiveCard/action', value: { action: { type: 'Action.Submit', data: { choice: 'menü' } } } });
    expect(answer.status).toBe(200);
    // The start's choices come back, as card buttons.
    expect(JSON.stringify(answer.replies)).toContain('"choice":"Güvenlik Sözcüğümü Unuttum"');
  });

  test.each([
    ['a messaging-extension query', { name: 'composeExtension/query', value: { commandId: 'x' } }],
    ['a task module fetch', { name: 'task/fetch', value: { data: {} } }],
    ['an invoke with no name', { value: { anything: 1 } }],
    ['a card action with no data', { name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute' } } }],
  ])('when %s arrives, then it is answered 200 and no turn runs', async (_what, fields) => {
    const answer = await invoke(fields);
    expect(answer.status).toBe(200);
    expect(answer.replies).toEqual([]);
  });
});
