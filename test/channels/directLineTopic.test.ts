import type { Activity } from 'botbuilder';
import { translate, type MessageKey } from '../../src/language/messages';
import { DirectLineClient } from '../support/directLineClient';
import { EmulatorClient } from '../support/emulator';
import { startTestApp, type TestApp } from '../support/testApp';

const tr = (key: MessageKey) => translate('tr', key);

/** The bot's activities a page has read so far, as text with the buttons' values on lines of their own. */
function botTexts(client: DirectLineClient): string {
  return client.seen
    .filter((activity) => activity.from?.role === 'bot')
    .map((activity) =>
      [activity.text ?? '', ...(activity.suggestedActions?.actions ?? []).map((action) => `[${String(action.value)}]`)].join('\n'),
    )
    .join('\n');
}

/** Joins with the token the page was given, and waits until the bot's opening question (the one with buttons) has arrived. */
async function opened(client: DirectLineClient, generated: Response): Promise<string> {
  await client.join(generated);
  await client.waitFor(() => client.seen.some((activity: Partial<Activity>) => (activity.suggestedActions?.actions ?? []).length > 0));
  return botTexts(client);
}

/**
 * Each expiry reminder links the web chat opening with the renewal topic (/?topic=renewal): the page
 * asks for its token with the topic, and our Direct Line's own greeting carries it to the bot. Only
 * a known topic counts, and only on that greeting: nothing a client posts can claim one.
 */
describe('the web chat opened with a topic', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  test('when the token is asked for with the topic "renewal", then the conversation opens with a short hello and the renewal steps with their way on, not the greeting', async () => {
    const client = new DirectLineClient(app.baseUrl);
    const shown = await opened(client, await client.generate({ locale: 'tr-TR', topic: 'renewal' }));
    const [hello, answer] = client.seen.filter((activity) => activity.from?.role === 'bot');
    expect(hello?.text).toBe(tr('start.topic.renewal'));
    expect(answer?.text).toContain(tr('renewal.steps'));
    for (const key of ['intent.certificateExpiry', 'intent.faqFees', 'intent.agent'] as const) expect(shown).toContain(`[${tr(key)}]`);
    expect(shown).not.toContain(tr('start.greeting'));

    // From there the conversation goes on as any other: the days left need Şifreli Giriş.
    expect(await client.sayText(tr('intent.certificateExpiry'))).toContain(tr('wish.expiry'));
  });

  test('when an English page asks for the topic "renewal", then the hello and the steps are in English', async () => {
    const client = new DirectLineClient(app.baseUrl, 'en-US');
    const shown = await opened(client, await client.generate({ locale: 'en-US', topic: 'renewal' }));
    expect(shown).toContain(translate('en', 'start.topic.renewal'));
    expect(shown).toContain(translate('en', 'renewal.steps'));
  });

  test.each<[string, unknown]>([
    ['an unknown name', 'pizza'],
    ['the name in capitals', 'RENEWAL'],
    ["an object's own key", '__proto__'],
    ['markup', '<b>renewal</b>'],
    ['a number', 23],
    ['null', null],
    ['a list', ['renewal']],
    ['an object', { renewal: true }],
  ])(
    'when the token is asked for with %s as the topic, then the token comes as always and the conversation opens with the greeting, the value shown nowhere',
    async (_name, topic) => {
      const client = new DirectLineClient(app.baseUrl);
      const generated = await client.generate({ locale: 'tr-TR', topic });
      expect(generated.status).toBe(200);
      const shown = await opened(client, generated);
      expect(shown).toContain(tr('start.greeting'));
      expect(shown).not.toContain(tr('renewal.steps'));
      if (typeof topic === 'string') expect(JSON.stringify(client.seen)).not.toContain(topic);
    },
  );

  test('when a page posts, as the first activity of its conversation, a message claiming the topic in its channelData, then it is an ordinary message: "merhaba" gets the greeting, not the renewal steps', async () => {
    const client = new DirectLineClient(app.baseUrl);
    // No POST /conversations, so no greeting of ours: the message itself starts the dialog.
    ({ token: client.token, conversationId: client.conversationId } = (await (await client.generate()).json()) as {
      token: string;
      conversationId: string;
    });
    const replies = await client.say('merhaba', { channelData: { clientActivityID: 'c-1', topic: 'renewal' } });
    const reply = replies.map((activity) => activity.text ?? '').join('\n');
    expect(reply).toContain(tr('start.greeting'));
    expect(reply).not.toContain(tr('start.topic.renewal'));
    expect(reply).not.toContain(tr('renewal.steps'));
  });

  test('when a page posts its own conversationUpdate claiming the topic, then it is refused and nothing is said', async () => {
    const client = new DirectLineClient(app.baseUrl);
    await opened(client, await client.generate());
    const before = client.seen.length;
    const response = await client.request('POST', `/conversations/${client.conversationId}/activities`, {
      type: 'conversationUpdate',
      membersAdded: [{ id: 'someone' }],
      channelData: { topic: 'renewal' },
    });
    expect(response.status).toBe(400);
    await client.poll();
    expect(client.seen.slice(before)).toEqual([]);
  });

  test('when a Bot Framework client (the Emulator) opens a conversation claiming the topic in its channelData, then it gets the greeting', async () => {
    const client = new EmulatorClient(app.baseUrl);
    await client.start();
    try {
      const replies = await client.post({
        type: 'conversationUpdate',
        membersAdded: [{ id: 'user-1', name: 'User' }],
        channelData: { topic: 'renewal' },
      });
      const shown = replies.map((activity) => activity.text ?? '').join('\n');
      expect(shown).toContain(tr('start.greeting'));
      expect(shown).not.toContain(tr('renewal.steps'));
    } finally {
      await client.stop();
    }
  });
});
