import { connect } from 'node:net';
import { healthStatus } from '../support/rawTcp';
import { startTestApp, type TestApp } from '../support/testApp';

/**
 * A WebSocket upgrade the server refuses (bad token, unknown path) is answered on the raw socket,
 * which Node hands over without its error listener: a client that resets at once made the write
 * (or the read after it) fail with ECONNRESET, unhandled, and the process stopped.
 */
describe('when a client asks for a WebSocket upgrade the server refuses and resets the connection at once', () => {
  let running: TestApp;

  beforeAll(async () => {
    running = await startTestApp();
  });
  afterAll(() => running.close());

  /** Sends the upgrade request and resets the connection (TCP RST) as soon as it is written. */
  function upgradeAndReset(path: string): Promise<void> {
    return new Promise((done) => {
      const socket = connect(running.port, '127.0.0.1', () => {
        socket.write(
          `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`,
          () => socket.resetAndDestroy(),
        );
      });
      socket.on('error', () => undefined);
      socket.on('close', () => done());
    });
  }

  const paths: [string, string][] = [
    ['a token that is not valid', '/v3/directline/conversations/abc/stream?t=not-a-token'],
    ['no token', '/v3/directline/conversations/abc/stream'],
    ['a path that is not a stream', '/no-such-socket'],
  ];

  test.each(paths)('when the upgrade carries %s, 30 times over, then the server keeps serving', async (_what, path) => {
    for (let attempt = 0; attempt < 30; attempt++) await upgradeAndReset(path);
    // The refusals are written after the request was read; give each reset its turn on the server.
    await new Promise((settle) => setTimeout(settle, 200));
    expect(await healthStatus(running.baseUrl)).toBe(200);
  });
});
