import { gzipSync } from 'node:zlib';
import { EmulatorClient } from '../support/emulator';
import { FakeTwilio } from '../support/fakeTwilio';
import { TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, twilioChannelEnv, WEBHOOK_PATH } from '../support/phoneCitizen';
import { healthStatus } from '../support/rawTcp';
import { startTestApp, type TestApp } from '../support/testApp';

/**
 * Bodies sent with Content-Encoding: restify's body reader gunzipped them with no error handler (a
 * body that is not gzip stopped the process) and counted its 2 MB limit in compressed bytes (100 KB
 * of gzip became a 100 MB activity). Nothing we serve is sent compressed by its callers, so a coded
 * body is refused with 415 before anything reads it.
 */
describe('when request bodies arrive with a Content-Encoding', () => {
  let running: TestApp;
  let fake: FakeTwilio;
  let client: EmulatorClient;

  beforeAll(async () => {
    fake = new FakeTwilio(TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN);
    running = await startTestApp(twilioChannelEnv(await fake.start()));
    client = new EmulatorClient(running.baseUrl);
    await client.start();
  });
  afterAll(async () => {
    await client.stop();
    await running.close();
    await fake.stop();
  });

  /** A message of a fresh conversation whose replies go to the client's capture server. */
  const activityJson = (text: string) =>
    JSON.stringify({
      type: 'message',
      id: `gz-${Math.random()}`,
      channelId: 'emulator',
      serviceUrl: (client as unknown as { serviceUrl: string }).serviceUrl,
      conversation: { id: `gz-conv-${Math.random()}` },
      from: { id: 'user-1' },
      recipient: { id: 'bot' },
      text,
    });
  const post = async (path: string, body: Buffer, contentType: string, encoding: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${running.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': contentType, 'content-encoding': encoding, ...headers },
      body: body,
    });
    await response.text();
    return response.status;
  };

  const bodies: [string, () => Buffer][] = [
    ['a body that is not gzip at all', () => Buffer.from(activityJson('merhaba'))],
    ['a truncated gzip body', () => gzipSync(activityJson('merhaba')).subarray(0, 20)],
  ];

  test.each(bodies)('when /api/messages gets %s marked gzip, then the answer is 415 and the server keeps serving', async (_what, body) => {
    expect(await post('/api/messages', body(), 'application/json', 'gzip')).toBe(415);
    expect(await healthStatus(running.baseUrl)).toBe(200);
  });

  test.each(bodies)(
    'when the Twilio webhook gets %s marked gzip, then the answer is 415 and the server keeps serving',
    async (_what, body) => {
      const signature = fake.sign(`${running.baseUrl}${WEBHOOK_PATH}`, {});
      expect(await post(WEBHOOK_PATH, body(), 'application/x-www-form-urlencoded', 'gzip', { 'x-twilio-signature': signature })).toBe(415);
      expect(await healthStatus(running.baseUrl)).toBe(200);
    },
  );

  test('when /api/messages gets a gzip bomb (about 100 KB that inflate to a 100 MB activity), then the answer is 415, no turn runs, and the server keeps serving', async () => {
    const [head, tail] = activityJson('FILLER').split('FILLER') as [string, string];
    const bomb = gzipSync(Buffer.concat([Buffer.from(head), Buffer.alloc(100 * 1024 * 1024, 'a'), Buffer.from(tail)]), { level: 9 });
    expect(bomb.length).toBeLessThan(200 * 1024);
    const repliesBefore = client.replies.length;
    expect(await post('/api/messages', bomb, 'application/json', 'gzip')).toBe(415);
    expect(await healthStatus(running.baseUrl)).toBe(200);
    expect(client.replies.length).toBe(repliesBefore);
  });

  test('when a well-formed gzip body comes marked deflate or br, then it is refused with 415 as well', async () => {
    const body = gzipSync(activityJson('merhaba'));
    expect(await post('/api/messages', body, 'application/json', 'deflate')).toBe(415);
    expect(await post('/api/messages', body, 'application/json', 'br')).toBe(415);
  });

  test('then an uncoded activity (or one marked identity) is still taken', async () => {
    expect(await post('/api/messages', Buffer.from(activityJson('merhaba')), 'application/json', 'identity')).toBe(200);
  });
});
