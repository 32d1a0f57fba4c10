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

    clients.forEach((client, index) => {
      expect(client.replies).toHaveLength(2);
      for (const reply of client.replies) expect(reply.conversation?.id).toBe(`conv-url-${index}`);
    });
  });
});
