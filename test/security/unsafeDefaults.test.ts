import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { loadConfig } from '../../src/config';
import { AGENT_TEXTS, seedAgents, TeamsClient, TEAMS_AGENT } from '../support/agents';
import { startTestApp, type TestApp } from '../support/testApp';

const KEY = '5eed'.repeat(16);

/**
 * Sends one raw HTTP request to the app as if it came from `peer`: the connection is made on
 * 127.0.0.1, and the app's HTTP server is handed its far end with the peer's address, as a
 * connection from another machine would arrive.
 */
async function requestFromPeer(running: TestApp, peer: string, request: string): Promise<string> {
  const relay = createServer((socket: Socket) => {
    Object.defineProperty(socket, 'remoteAddress', { value: peer });
    running.app.server.server.emit('connection', socket);
  });
  await new Promise<void>((done) => relay.listen(0, '127.0.0.1', done));
  try {
    return await new Promise<string>((resolve, reject) => {
      const client = connect((relay.address() as AddressInfo).port, '127.0.0.1', () => client.end(request));
      let answer = '';
      client.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')));
      client.on('end', () => resolve(answer));
      client.on('error', reject);
    });
  } finally {
    relay.close();
  }
}

const outboxRequest = (headers = '') => `GET /dev/outbox?format=json HTTP/1.1\r\nHost: localhost\r\n${headers}Connection: close\r\n\r\n`;
const statusOf = (answer: string) => Number(answer.split(' ')[1]);

describe('when the assistant is started without NODE_ENV (a developer machine, or a forgotten variable)', () => {
  let running: TestApp;

  beforeAll(async () => {
    running = await startTestApp();
    await seedAgents(running.app, [TEAMS_AGENT]);
  });
  afterAll(() => running.close());

  test('then it listens on the loopback interface only', () => {
    expect(running.app.server.address().address).toBe('127.0.0.1');
  });

  test('then HOST defaults to 127.0.0.1, to 0.0.0.0 in production, and a HOST that is set wins', () => {
    const hostOf = (env: Record<string, string>) => (loadConfig(env) as unknown as Record<string, unknown>)['HOST'];
    expect(hostOf({})).toBe('127.0.0.1');
    expect(hostOf({ NODE_ENV: 'production', PINPUK_MASTER_KEY: KEY })).toBe('0.0.0.0');
    expect(hostOf({ HOST: '0.0.0.0' })).toBe('0.0.0.0');
    expect(hostOf({ NODE_ENV: 'production', PINPUK_MASTER_KEY: KEY, HOST: '127.0.0.1' })).toBe('127.0.0.1');
  });

  test('then /dev/outbox answers a loopback peer, and a peer from elsewhere gets 404 even when X-Forwarded-For names loopback', async () => {
    expect(statusOf(await requestFromPeer(running, '127.0.0.1', outboxRequest()))).toBe(200);
    expect(statusOf(await requestFromPeer(running, '::1', outboxRequest()))).toBe(200);
    const foreign = await requestFromPeer(running, '203.0.113.7', outboxRequest('X-Forwarded-For: 127.0.0.1\r\n'));
    expect(statusOf(foreign)).toBe(404);
    expect(foreign).not.toContain('"mail"');
    expect(statusOf(await requestFromPeer(running, '::ffff:198.51.100.4', outboxRequest()))).toBe(404);
  });

  test("then an unsigned msteams activity carrying an agent's aadObjectId is answered as a citizen, not as the agent", async () => {
    const claim = new TeamsClient(running.baseUrl, TEAMS_AGENT.externalId);
    await claim.start();
    try {
      const greeting = (await claim.join()).map((reply) => reply.text ?? '').join('\n');
      expect(greeting).not.toContain(AGENT_TEXTS.greeting);
      expect(greeting).not.toContain(TEAMS_AGENT.name);
      const lookup = await claim.sayText('ara 10000000146');
      expect(lookup).not.toMatch(/Vatandaş \d{3}\*+\d{2}/);
    } finally {
      await claim.stop();
    }
  });
});
