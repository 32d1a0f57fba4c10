import { AYSE, codeIn, otherCode, smsOutbox } from '../support/citizenLogin';
import { DirectLineClient } from '../support/directLineClient';
import { solveTextChallenge } from '../support/solveChallenge';
import { startTestApp, type TestApp } from '../support/testApp';

/**
 * Attack: an SMS code typed into the web chat stayed in the conversation's Direct Line stream (an
 * hour long), readable by whoever gets the stream or the page afterwards; a typed security word was
 * already taken off. The code goes the same way.
 */
describe('when a citizen types the SMS code into the web chat', () => {
  let running: TestApp;
  beforeAll(async () => {
    running = await startTestApp();
  });
  afterAll(() => running.close());

  test('then neither the right code nor a wrong one stays in the stream, and the page is told to remove them', async () => {
    const client = new DirectLineClient(running.baseUrl);
    await client.join();
    await client.say('Şifreli Giriş');
    const challenge = await client.sayText(AYSE.id);
    await client.say(solveTextChallenge(challenge));
    expect(await client.sayText(AYSE.word)).toMatch(/SMS Onay/);
    await client.sayText('Onay');
    const code = codeIn(smsOutbox(running.dataDir).at(-1)!.body);
    const wrong = otherCode(code);

    expect(await client.sayText(wrong)).toMatch(/hatalı/);
    expect(await client.sayText(`${code.slice(0, 3)} ${code.slice(3)}`)).toMatch(/İşlemler Menüsü/);

    const stream = await client.request('GET', `/conversations/${client.conversationId}/activities`);
    const { activities } = (await stream.json()) as { activities: { id: string; type: string; text?: string }[] };
    const all = JSON.stringify(activities);
    expect(all).not.toContain(wrong);
    expect(all).not.toContain(code.slice(0, 3) + ' ' + code.slice(3));
    expect(activities.filter((activity) => activity.type === 'messageDelete').length).toBeGreaterThanOrEqual(3);
  });
});
