import { createServer, type IncomingMessage, type Server } from 'node:http';
import { ConnectorClient, MicrosoftAppCredentials } from 'botframework-connector';
import { withLeanReplies } from '../../src/channels/leanReplies';
import { EmulatorClient } from '../support/emulator';
import { startTestApp, type TestApp } from '../support/testApp';

type Seen = { method: string; url: string; headers: IncomingMessage['headers']; body: string };

/** A channel's service URL that records every request and answers with `answer`. */
async function recordingChannel(answer: () => { status: number; body: string } = () => ({ status: 200, body: '{"id":"r-1"}' })) {
  const seen: Seen[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const { status, body: text } = answer();
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(text);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return { seen, origin, close: () => new Promise<void>((done) => server.close(() => done())) };
}

function clientFor(serviceUrl: string, env: NodeJS.ProcessEnv = {}): ConnectorClient {
  return withLeanReplies(new ConnectorClient(new MicrosoftAppCredentials('', ''), { baseUri: serviceUrl }), serviceUrl, env);
}

describe('when the assistant replies to a service URL with a path and a query', () => {
  let running: TestApp;
  let channel: Awaited<ReturnType<typeof recordingChannel>>;
  let client: EmulatorClient;

  beforeAll(async () => {
    running = await startTestApp();
    channel = await recordingChannel();
    client = new EmulatorClient(running.baseUrl, 'conv:with/odd?chars');
    await client.start();
  });
  afterAll(async () => {
    await client.stop();
    await channel.close();
    await running.close();
  });

  test('then the reply goes under that path, the query kept, the ids encoded, as the Bot Framework SDK sends it', async () => {
    const activity = await client.activityFor('menü');
    const response = await client.rawPost({ ...activity, id: 'act/1', serviceUrl: `${channel.origin}/emea?region=eu#frag` });
    expect(response.status).toBeLessThan(300);
    expect(channel.seen.length).toBeGreaterThan(0);
    for (const request of channel.seen) {
      expect(request.method).toBe('POST');
      expect(request.url).toBe(`/emea/v3/conversations/${encodeURIComponent('conv:with/odd?chars')}/activities/act%2F1?region=eu`);
      expect(request.headers['x-ms-conversation-id']).toBe('conv:with/odd?chars');
      expect(JSON.parse(request.body)).toMatchObject({ type: 'message', replyToId: 'act/1', conversation: { id: 'conv:with/odd?chars' } });
    }
  });
});

describe('the lean connector calls, one by one', () => {
  test('when an update or a delete names no activity id, then it is refused before anything is sent', async () => {
    const channel = await recordingChannel();
    try {
      const client = clientFor(channel.origin);
      await expect(client.conversations.updateActivity('c-1', undefined as unknown as string, { type: 'message' })).rejects.toThrow(
        /activityId cannot be empty/,
      );
      await expect(client.conversations.deleteActivity('c-1', '')).rejects.toThrow(/activityId cannot be empty/);
      expect(channel.seen).toEqual([]);
    } finally {
      await channel.close();
    }
  });

  test('when the channel answers with something other than a resource, then only a string id is taken from it', async () => {
    let body = '[1,2,3]';
    const channel = await recordingChannel(() => ({ status: 200, body }));
    try {
      const client = clientFor(channel.origin);
      expect(await client.conversations.sendToConversation('c-1', { type: 'message', text: 'a' })).toEqual({});
      body = '{"id":{"$ne":1},"x":"y"}';
      expect(await client.conversations.sendToConversation('c-1', { type: 'message', text: 'b' })).toEqual({});
      body = '{"id":"r-7","x":"y"}';
      expect(await client.conversations.sendToConversation('c-1', { type: 'message', text: 'c' })).toEqual({ id: 'r-7' });
      // Only the Activity model's fields go out, as with the SDK's serializer.
      const sent = JSON.parse(channel.seen.at(-1)!.body) as Record<string, unknown>;
      expect(sent).toEqual({ type: 'message', text: 'c' });
    } finally {
      await channel.close();
    }
  });

  test('when HTTPS_PROXY or HTTP_PROXY is set, then the calls stay the SDK’s (its pipeline honours the proxy)', async () => {
    const channel = await recordingChannel();
    try {
      await clientFor(channel.origin, { HTTPS_PROXY: 'http://proxy.internal:3128' }).conversations.sendToConversation('c-1', {
        type: 'message',
      });
      await clientFor(channel.origin, { HTTP_PROXY: 'http://proxy.internal:3128' }).conversations.sendToConversation('c-1', {
        type: 'message',
      });
      await clientFor(channel.origin, {}).conversations.sendToConversation('c-1', { type: 'message' });
      // The SDK's pipeline names itself in User-Agent; the lean request does not.
      expect(channel.seen.map((request) => /botframework-connector/.test(request.headers['user-agent'] ?? ''))).toEqual([
        true,
        true,
        false,
      ]);
    } finally {
      await channel.close();
    }
  });
});
