import { createServer as createHttpServer } from 'node:http';
import { createServer, type Server } from 'node:net';
import { EmulatorClient } from '../support/emulator';
import { startTestApp, type TestApp } from '../support/testApp';

/** A service URL whose every connection is reset at once, counting the connections the bot makes. */
class ResettingServiceUrl {
  connections = 0;
  private server?: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((socket) => {
      this.connections += 1;
      socket.resetAndDestroy();
    });
    await new Promise<void>((done) => this.server!.listen(0, '127.0.0.1', done));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
  }

  stop(): Promise<void> {
    return new Promise((done) => (this.server ? this.server.close(() => done()) : done()));
  }
}

/**
 * A service URL that does not take the replies held the turn, and the conversation's lock, for
 * 8.6 s while the Azure client retried each reply three times with growing pauses; without a
 * service URL the replies went to the public Bot Framework host. Now a serviceUrl is required,
 * a reply is tried at most twice, and the conversation is free again as soon as the turn failed.
 */
describe('when the service URL of a conversation does not take the replies', () => {
  let running: TestApp;
  let failing: ResettingServiceUrl;
  let client: EmulatorClient;

  beforeAll(async () => {
    running = await startTestApp();
    failing = new ResettingServiceUrl();
    await failing.start();
    client = new EmulatorClient(running.baseUrl, `unreachable-${Date.now()}`);
    await client.start();
  });
  afterAll(async () => {
    await client.stop();
    await failing.stop();
    await running.close();
  });

  test("when a turn's replies fail, then each reply is tried at most twice, the lock is released, and the next message of the conversation is processed", async () => {
    const activity = await client.activityFor('menü');
    const conversationId = (activity['conversation'] as { id: string }).id;
    const response = await client.rawPost({
      ...activity,
      type: 'conversationUpdate',
      text: undefined,
      membersAdded: [{ id: 'user-1' }],
      serviceUrl: failing.url,
    });
    await response.text();
    // The greeting and the "something went wrong" note of onTurnError: two replies, two tries each at most.
    expect(failing.connections).toBeGreaterThanOrEqual(1);
    expect(failing.connections).toBeLessThanOrEqual(4);
    expect(await running.app.store.get(`lock:conversation:emulator:${conversationId}`)).toBeUndefined();

    // The same conversation, its replies going somewhere that takes them: served at once.
    const replies = await client.say('menü');
    expect(replies.map((reply) => reply.text).join('\n')).toMatch(/Güvenlik Sözcüğümü Unuttum|e-İmza Yardımcısı/);
  });

  test('when the service URL answers 503 to every reply, then each reply is tried twice at most; when it answers 503 once, the retry delivers it', async () => {
    let unavailable = Infinity;
    const posts: string[] = [];
    const server = createHttpServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        posts.push(body);
        if (unavailable-- > 0) {
          res.writeHead(503, { 'content-type': 'application/json' });
          res.end('{"error":{"code":"ServiceUnavailable","message":"busy"}}');
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"id":"reply-1"}');
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const busyUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      const activity = await client.activityFor('menü');
      await (await client.rawPost({ ...activity, id: 'busy-1', serviceUrl: busyUrl })).text();
      // The reply and the "something went wrong" note of onTurnError.
      expect(posts.length).toBeGreaterThanOrEqual(1);
      expect(posts.length).toBeLessThanOrEqual(4);

      posts.length = 0;
      unavailable = 1;
      await (await client.rawPost({ ...activity, id: 'busy-2', serviceUrl: busyUrl })).text();
      expect(posts).toHaveLength(2);
      expect(posts[1]).toBe(posts[0]);
    } finally {
      await new Promise<void>((done) => server.close(() => done()));
    }
  });

  test('when the service URL trickles its answer or sends a flood, then the reply gives up within its 5 s deadline, memory is not filled, and the conversation goes on', async () => {
    let mode: 'trickle' | 'flood' = 'trickle';
    const timers = new Set<NodeJS.Timeout>();
    const server = createHttpServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        if (mode === 'flood') {
          // 50 MB of answer to one reply.
          const chunk = Buffer.alloc(1024 * 1024, 0x20);
          let left = 50;
          const more = () => {
            while (left > 0 && res.write(chunk)) left -= 1;
            if (left > 0 && !res.destroyed) res.once('drain', more);
            else res.end();
          };
          res.on('error', () => undefined);
          more();
          return;
        }
        // One byte a second, for ever.
        const timer = setInterval(() => res.write(' '), 1000);
        timers.add(timer);
        res.on('close', () => clearInterval(timer));
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const slowUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      const activity = await client.activityFor('menü');
      const started = Date.now();
      await (await client.rawPost({ ...activity, id: 'trickle-1', serviceUrl: slowUrl })).text();
      // The reply's 5 s, then the apology's own (it is tried on the same service URL).
      expect(Date.now() - started).toBeLessThan(12_000);

      mode = 'flood';
      const heapBefore = process.memoryUsage().heapUsed;
      await (await client.rawPost({ ...activity, id: 'flood-1', serviceUrl: slowUrl })).text();
      expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(30 * 1024 * 1024);

      // The flood was a 200 (its body cut off at 64 KB): that turn went through, so this is its menu again.
      const replies = await client.say('menü');
      expect(replies.map((reply) => reply.text).join('\n')).toMatch(/Başka ne yapmak istersiniz|Güvenlik Sözcüğümü Unuttum/);
    } finally {
      for (const timer of timers) clearInterval(timer);
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    }
  }, 30_000);

  test('when an activity has no serviceUrl, then it is refused with 400 and nothing is posted anywhere', async () => {
    const activity = await client.activityFor('menü');
    delete activity['serviceUrl'];
    const logsBefore = running.logs.length;
    const response = await client.rawPost(activity);
    expect(response.status).toBe(400);
    expect(running.logs.slice(logsBefore).filter((line) => /turn failed/.test(line))).toEqual([]);
  });
});
