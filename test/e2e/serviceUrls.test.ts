import { EmulatorClient } from '../support/emulator';
import { startTestApp, type TestApp } from '../support/testApp';

const GREETING = /e-İmza Yardımcısı/;
const START_CHOICE = 'Güvenlik Sözcüğümü Unuttum';

/**
 * The adapter keeps one connector client per service URL (at most 64): replies must still reach the
 * service URL of the conversation that spoke, also when more URLs than that take turns.
 */
describe('when many conversations, each with its own service URL, talk at once', () => {
  let running: TestApp;
  const clients: EmulatorClient[] = [];

  beforeAll(async () => {
    running = await startTestApp();
    for (let index = 0; index < 70; index += 1) {
      const client = new EmulatorClient(running.baseUrl, `conv-url-${index}`);
      await client.start();
      clients.push(client);
    }
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.stop()));
    await running.close();
  });

  it('then every reply arrives at its own conversation, on the first turn and on the next', async () => {
    const greetings = await Promise.all(clients.map((client) => client.join()));
    for (const replies of greetings) expect(replies.map((reply) => reply.text).join('\n')).toMatch(GREETING);

    // The second round in reverse order, so clients evicted by the first are made again.
    const answers = await Promise.all([...clients].reverse().map((client) => client.sayText(START_CHOICE)));
    for (const text of answers) expect(text).toMatch(/Kimlik/);

    // Each conversation has its greeting and its question, and nothing that reached it belongs to
    // another. (Not an exact count: on a starved machine a reply can outlast the 5 s reply deadline
    // while it still arrives, and the turn's apology follows it to the same conversation.)
    clients.forEach((client, index) => {
      const texts = client.replies.map((reply) => reply.text ?? '').join('\n');
      expect(texts).toMatch(GREETING);
      expect(texts).toMatch(/Kimlik/);
      for (const reply of client.replies) expect(reply.conversation?.id).toBe(`conv-url-${index}`);
    });
  });
});
