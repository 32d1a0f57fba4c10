import type { Activity } from 'botbuilder';
import { EmulatorClient } from '../support/emulator';
import { FakeClock } from '../support/fakeClock';
import { solveTextChallenge } from '../support/solveChallenge';
import { startTestApp, type TestApp } from '../support/testApp';

const AYSE = '10000000146';
const START_CHOICE = 'Güvenlik Sözcüğümü Unuttum';
const CHALLENGE = /rakamla yazın: /;
const NOT_TEXT = 'Yalnızca yazılı mesajları anlayabiliyorum';
const WRONG_ANSWER = 'Yanıt doğru değil.';
const TOO_LONG = 'Mesajınız çok uzun';
const TOO_QUICKLY = 'Çok hızlı mesaj gönderiyorsunuz';
const GENERIC_ERROR = 'bir sorun oluştu';

const texts = (replies: Partial<Activity>[]) => replies.map((reply) => reply.text ?? '').join('\n');
const offersStart = (replies: Partial<Activity>[]) =>
  replies.some((reply) => (reply.suggestedActions?.actions ?? []).some((action) => action.value === START_CHOICE));

async function countRows(running: TestApp): Promise<{ resetLinks: number; audit: number }> {
  await running.app.background.drain();
  const [links] = await running.app.db.query<{ count: number }>('SELECT count(*)::int AS count FROM reset_links');
  const [audit] = await running.app.db.query<{ count: number }>('SELECT count(*)::int AS count FROM audit_log');
  return { resetLinks: links!.count, audit: audit!.count };
}

const turnFailures = (running: TestApp, since = 0) =>
  running.logs.slice(since).filter((line) => /turn failed|background task failed/.test(line));

/** An activity as the Emulator would send it, for the raw posts. */
function activity(conversationId: string, fields: Record<string, unknown>): Record<string, unknown> {
  return {
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1:9',
    conversation: { id: conversationId },
    from: { id: 'user-1' },
    recipient: { id: 'bot' },
    ...fields,
  };
}

describe('when malformed requests reach POST /api/messages', () => {
  let running: TestApp;

  beforeAll(async () => {
    running = await startTestApp();
  });
  afterAll(() => running.close());

  const requests: [string, number, () => Promise<Response>][] = [
    ['invalid JSON', 400, () => new EmulatorClient(running.baseUrl).rawPost('{"type": "message", "text": ', 'application/json')],
    ['a text/plain body', 415, () => new EmulatorClient(running.baseUrl).rawPost('merhaba', 'text/plain')],
    [
      'a form body',
      415,
      () => new EmulatorClient(running.baseUrl).rawPost('type=message&text=merhaba', 'application/x-www-form-urlencoded'),
    ],
    [
      'a JSON array of activities',
      400,
      () => new EmulatorClient(running.baseUrl).rawPost([activity('raw-a', { type: 'message', text: 'merhaba' })]),
    ],
    ['a JSON object without a type', 400, () => new EmulatorClient(running.baseUrl).rawPost(activity('raw-b', { text: 'merhaba' }))],
    [
      'a JSON object whose type is not a string',
      400,
      () => new EmulatorClient(running.baseUrl).rawPost(activity('raw-c', { type: 42, text: 'merhaba' })),
    ],
    ['a JSON string', 400, () => new EmulatorClient(running.baseUrl).rawPost('"message"', 'application/json')],
    ['JSON null', 400, () => new EmulatorClient(running.baseUrl).rawPost('null', 'application/json')],
    [
      'a body over 2 MB',
      413,
      () => new EmulatorClient(running.baseUrl).rawPost(activity('raw-d', { type: 'message', text: 'x'.repeat(2 * 1024 * 1024 + 10) })),
    ],
  ];

  /** Activities whose fields have the wrong types: a 4xx, or a handled turn, but never a 5xx or a failed turn. */
  const wrongTypes: [string, Record<string, unknown>][] = [
    ['no conversation', { ...activity('raw-e', { type: 'message', text: 'merhaba' }), conversation: undefined }],
    ['a conversation that is a string', activity('raw-f', { type: 'message', text: 'merhaba', conversation: 'raw-f' })],
    ['no channelId', { ...activity('raw-g', { type: 'message', text: 'merhaba' }), channelId: undefined }],
    ['a locale that is a number', activity('raw-h', { type: 'message', text: 'merhaba', locale: 5 })],
    ['a text that is a number', activity('raw-t1', { type: 'message', text: 12345 })],
    ['a text that is an object', activity('raw-t2', { type: 'message', text: { a: 1 } })],
    ['a text that is a number, with a value', activity('raw-t3', { type: 'message', text: 12345, value: { answer: 1 } })],
    ['membersAdded that is not a list', activity('raw-i', { type: 'conversationUpdate', membersAdded: 'user-1' })],
  ];

  test.each(wrongTypes)('when the activity has %s, then the answer is not a 5xx and no turn fails', async (_what, body) => {
    const logsBefore = running.logs.length;
    const response = await new EmulatorClient(running.baseUrl).rawPost(body);
    await response.text();
    expect(response.status).toBeLessThan(500);
    expect(turnFailures(running, logsBefore)).toEqual([]);
  });

  test.each(requests)('when the body is %s, then the answer is a 4xx (%d) and nothing is stored', async (_what, status, send) => {
    const before = await countRows(running);
    const logsBefore = running.logs.length;
    const response = await send();
    await response.text();
    expect(response.status).toBe(status);
    expect(await countRows(running)).toEqual(before);
    expect(turnFailures(running, logsBefore)).toEqual([]);
  });

  test('then, after all of them, a conversation still works from the start', async () => {
    const client = new EmulatorClient(running.baseUrl);
    await client.start();
    try {
      const greeting = await client.join();
      expect(offersStart(greeting)).toBe(true);
      expect(texts(await client.say('1'))).toContain('Kimlik No');
    } finally {
      await client.stop();
    }
  });
});

/**
 * Each case is sent to a conversation waiting at the human check for a known ID, the step just
 * before a reset link is made, so anything half-done would show as a reset_links or audit_log row.
 */
describe('when odd messages arrive in a conversation waiting at the human check', () => {
  let running: TestApp;
  let client: EmulatorClient;

  beforeAll(async () => {
    running = await startTestApp();
  });
  afterAll(() => running.close());
  beforeEach(async () => {
    client = new EmulatorClient(running.baseUrl);
    await client.start();
    await client.join();
    expect(await client.sayText('1')).toContain('Kimlik No');
    expect(await client.sayText(AYSE)).toMatch(CHALLENGE);
  });
  afterEach(() => client.stop());

  /** [what, activity fields, what the reply must contain (null: no reply at all)] */
  const cases: [string, Partial<Activity>, string | RegExp | null][] = [
    ['an empty text', { type: 'message', text: '' }, NOT_TEXT],
    ['only spaces and newlines', { type: 'message', text: '  \n\t ' }, NOT_TEXT],
    ['emoji only', { type: 'message', text: '👍🔥' }, WRONG_ANSWER],
    ['markup', { type: 'message', text: '<script>alert(1)</script>' }, WRONG_ANSWER],
    ['binary-ish characters', { type: 'message', text: '\u0000\u0001\uFFFF' }, WRONG_ANSWER],
    ['a lone surrogate', { type: 'message', text: '\uD83D' }, WRONG_ANSWER],
    ['a 1 MB text', { type: 'message', text: 'a'.repeat(1024 * 1024) }, TOO_LONG],
    [
      'attachments and no text',
      { type: 'message', attachments: [{ contentType: 'image/png', contentUrl: 'https://example.org/x.png' }] },
      NOT_TEXT,
    ],
    // A card submit at a step that wants typed text: the question is asked again.
    ['a card value and no text', { type: 'message', value: { answer: '1234' } }, CHALLENGE],
    ['a typing activity', { type: 'typing' }, null],
    ['an event activity', { type: 'event', name: 'webchat/join', value: { language: 'tr-TR' } }, null],
    ['a conversationUpdate without members', { type: 'conversationUpdate' }, null],
    ['an activity of an unknown type', { type: 'no-such-type', text: 'merhaba' }, null],
  ];

  test.each(cases)(
    'when %s is sent, then no 5xx, a clear reply where one makes sense, nothing half-written, and "menü" still gives the start',
    async (_what, fields, expected) => {
      const before = await countRows(running);
      const logsBefore = running.logs.length;
      const replies = await client.post(fields); // throws on any status >= 300
      if (expected === null) {
        expect(replies).toEqual([]);
      } else {
        expect(replies.length).toBeGreaterThan(0);
        if (typeof expected === 'string') expect(texts(replies)).toContain(expected);
        else expect(texts(replies)).toMatch(expected);
      }
      expect(texts(replies)).not.toContain(GENERIC_ERROR);
      expect(texts(replies)).not.toContain('<script>');
      expect(turnFailures(running, logsBefore)).toEqual([]);
      expect(await countRows(running)).toEqual(before);

      const menu = await client.say('menü');
      expect(offersStart(menu)).toBe(true);
      expect(await countRows(running)).toEqual(before);
    },
  );

  test('when the challenge is then answered rightly, then a reset link and its audit row are written (the counts above can see them)', async () => {
    const before = await countRows(running);
    await client.post({ type: 'message', text: '' });
    const challenge = [...client.replies].reverse().find((reply) => CHALLENGE.test(reply.text ?? ''))!;
    expect(await client.sayText(solveTextChallenge(challenge.text!))).toContain('kayıtlı e-posta adresinize');
    expect(await countRows(running)).toEqual({ resetLinks: before.resetLinks + 1, audit: before.audit + 1 });
  });
});

describe('when a conversation sends more than 30 messages within a minute', () => {
  let running: TestApp;
  const clock = new FakeClock();

  beforeAll(async () => {
    // The clock stands still, so all the messages fall in the same minute however slow the machine.
    running = await startTestApp({}, { clock });
  });
  afterAll(() => running.close());

  test('then the 31st gets the "too quickly" reply once, later ones get no reply, and other conversations are still served', async () => {
    const flooder = new EmulatorClient(running.baseUrl);
    const other = new EmulatorClient(running.baseUrl);
    await flooder.start();
    await other.start();
    try {
      await flooder.join();
      for (let message = 1; message <= 30; message++) {
        const replies = await flooder.say('menü');
        expect({ message, startOffered: offersStart(replies) }).toEqual({ message, startOffered: true });
      }
      const refused = await flooder.say('menü');
      expect(refused).toHaveLength(1);
      expect(refused[0]!.text).toContain(TOO_QUICKLY);
      expect(refused[0]!.text).toMatch(/\b([1-9]|[1-5]\d|60) saniye/);

      expect(await flooder.say('menü')).toEqual([]);
      expect(await flooder.say('1')).toEqual([]);
      expect(await flooder.post({ type: 'message', text: '' })).toEqual([]);

      await other.join();
      expect(texts(await other.say('1'))).toContain('Kimlik No');

      // A minute later the conversation is served again.
      clock.advance(61_000);
      expect(offersStart(await flooder.say('menü'))).toBe(true);
    } finally {
      await flooder.stop();
      await other.stop();
    }
  });
});
