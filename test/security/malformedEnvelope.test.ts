import { EmulatorClient } from '../support/emulator';
import { startTestApp, type TestApp } from '../support/testApp';

const PUBLIC_BASE_URL = 'https://eimza.example.org';

/** The entries of the in-process store: every key a turn or a duplicate check would have written. */
const storeKeys = (running: TestApp) => [...(running.app.store as unknown as { entries: Map<string, unknown> }).entries.keys()];

/**
 * Fuzzing found 136 activities that were answered 200 and then failed inside the turn (an error
 * log line, no reply): fields of the wrong type, ids no channel uses, service URLs that are not
 * http(s) or point at the bot itself. Every field the bot reads is now checked before any turn.
 */
describe('when an activity envelope carries a field no channel sends', () => {
  let running: TestApp;
  let client: EmulatorClient;
  let serviceUrl: string;
  let sequence = 0;

  beforeAll(async () => {
    running = await startTestApp({ PUBLIC_BASE_URL });
    client = new EmulatorClient(running.baseUrl);
    await client.start();
    serviceUrl = (client as unknown as { serviceUrl: string }).serviceUrl;
  });
  afterAll(async () => {
    await client.stop();
    await running.close();
  });

  /** An envelope to spoil: any field may be set to anything, as an attacker's may. */
  type Envelope = {
    conversation: Record<string, unknown>;
    from: Record<string, unknown>;
    recipient: Record<string, unknown>;
    [field: string]: unknown;
  };

  /** A message of a fresh conversation, as the Emulator sends it; its replies go to the capture server. */
  const valid = (): Envelope => ({
    type: 'message',
    id: `envelope-${++sequence}`,
    channelId: 'emulator',
    serviceUrl,
    conversation: { id: `envelope-conv-${sequence}`, conversationType: 'personal' },
    from: { id: 'user-1', name: 'User', aadObjectId: '0f7b5a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b' },
    recipient: { id: 'bot', name: 'Bot' },
    locale: 'tr-TR',
    text: 'merhaba',
  });

  const cases: [string, (activity: Envelope) => void][] = [
    ['a conversation.id with non-Latin-1 characters', (a) => (a.conversation.id = `konuşma-ğ-${sequence}`)],
    ['a conversation.id with a control character', (a) => (a.conversation.id = `conv\u0001${sequence}`)],
    ['a conversation.id with a newline', (a) => (a.conversation.id = `conv\n${sequence}`)],
    ['a conversation.id with a lone surrogate', (a) => (a.conversation.id = `conv\uD800${sequence}`)],
    ['an empty conversation.id', (a) => (a.conversation.id = '')],
    ['a from.id with a control character', (a) => (a.from.id = 'user\u0000')],
    ['a from.name that is a number', (a) => (a.from.name = 42)],
    ['a from.name that is an object', (a) => (a.from.name = { first: 'A' })],
    ['a from.aadObjectId that is an object', (a) => (a.from.aadObjectId = { id: 'x' })],
    ['a recipient.aadObjectId that is a number', (a) => (a.recipient.aadObjectId = 7)],
    ['a recipient.id that is a number', (a) => (a.recipient.id = 7)],
    ['a conversation.conversationType that is a number', (a) => (a.conversation.conversationType = 1)],
    ['a conversation.tenantId that is a list', (a) => (a.conversation.tenantId = ['t'])],
    ['a conversation.isGroup that is a string', (a) => (a.conversation.isGroup = 'yes')],
    ['an id that is a number', (a) => (a.id = 12345)],
    ['an id that is an object', (a) => (a.id = { value: 'x' })],
    ['a 20,000-character id', (a) => (a.id = 'i'.repeat(20_000))],
    ['a 300-character id', (a) => (a.id = 'i'.repeat(300))],
    ['a replyToId that is a number', (a) => (a.replyToId = 3)],
    ['a channelId with spaces', (a) => (a.channelId = 'emu lator')],
    ['a locale with a newline', (a) => (a.locale = 'tr-TR\nx')],
    ['a timestamp that is an object', (a) => (a.timestamp = { at: 1 })],
    [
      'a membersAdded entry whose name is a number',
      (a) => ((a.type = 'conversationUpdate'), (a.membersAdded = [{ id: 'user-1', name: 5 }])),
    ],
    ['no serviceUrl', (a) => delete a.serviceUrl],
    ['an empty serviceUrl', (a) => (a.serviceUrl = '')],
    ['a serviceUrl that is an ftp URL', (a) => (a.serviceUrl = 'ftp://127.0.0.1/')],
    ['a serviceUrl that is a javascript: URL', (a) => (a.serviceUrl = 'javascript:alert(1)')],
    ['a serviceUrl that is not a URL', (a) => (a.serviceUrl = 'not a url')],
    ['a serviceUrl with a user and password', (a) => (a.serviceUrl = serviceUrl.replace('http://', 'http://user:pass@'))],
    ["a serviceUrl that is the bot's own listening address", (a) => (a.serviceUrl = running.baseUrl)],
    ["a serviceUrl that is the bot's own address by name", (a) => (a.serviceUrl = `http://localhost:${running.port}/api/`)],
    ["a serviceUrl that is the bot's PUBLIC_BASE_URL", (a) => (a.serviceUrl = `${PUBLIC_BASE_URL}/`)],
  ];

  test.each(cases)(
    'when the activity has %s, then the answer is 400, no turn runs, no reply is posted and nothing is stored',
    async (_what, spoil) => {
      const activity = valid();
      spoil(activity);
      const keysBefore = storeKeys(running);
      const requestsBefore = client.requests.length;
      const logsBefore = running.logs.length;
      const response = await client.rawPost(activity);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: expect.stringMatching(/^Not a valid Bot Framework activity/) });
      expect(storeKeys(running)).toEqual(keysBefore);
      expect(client.requests.length).toBe(requestsBefore);
      expect(running.logs.slice(logsBefore).filter((line) => /turn failed|activity failed/.test(line))).toEqual([]);
    },
  );

  test('then the same envelope unspoilt is taken and answered', async () => {
    const before = client.replies.length;
    const response = await client.rawPost(valid());
    expect(response.status).toBe(200);
    expect(client.replies.length).toBeGreaterThan(before);
  });
});
