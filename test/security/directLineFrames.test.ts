import { DirectLineClient } from '../support/directLineClient';
import { healthStatus, RawWebSocket } from '../support/rawTcp';
import { startTestApp, type TestApp } from '../support/testApp';

/**
 * The Direct Line stream socket had no 'error' listener: a frame the ws library refuses (over the
 * 4,096-byte limit, text that is not UTF-8, a reserved opcode) raised an error event nobody
 * handled, and the process stopped. Now the socket is closed with the code that names the fault.
 */
describe('when a Direct Line stream gets a frame it must refuse', () => {
  let running: TestApp;

  beforeAll(async () => {
    running = await startTestApp();
  });
  afterAll(() => running.close());

  /** A stream opened as the page opens it, but over a raw socket. */
  async function openStream(): Promise<RawWebSocket> {
    const client = new DirectLineClient(running.baseUrl);
    await client.join();
    const url = new URL(client.streamUrl);
    return RawWebSocket.open(running.port, `${url.pathname}${url.search}`);
  }

  const frames: [string, number, number, Buffer][] = [
    ['a text frame over 4,096 bytes', 1009, 0x1, Buffer.alloc(5000, 'a')],
    ['a text frame that is not UTF-8', 1007, 0x1, Buffer.from([0x68, 0xff, 0xfe, 0x69])],
    ['a frame with the reserved opcode 3', 1002, 0x3, Buffer.from('x')],
  ];

  test.each(frames)(
    'when the stream gets %s, then the server closes it with %d and keeps serving',
    async (_what, code, opcode, payload) => {
      const stream = await openStream();
      try {
        stream.send(opcode, payload);
        expect(await stream.closeCode()).toBe(code);
      } finally {
        stream.destroy();
      }
      expect(await healthStatus(running.baseUrl)).toBe(200);
    },
  );

  test("then a stream that sends the page's own keep-alive (an empty text frame) stays open and gets the replies", async () => {
    const client = new DirectLineClient(running.baseUrl);
    await client.join();
    const stream = await client.openStream();
    try {
      stream.socket.send('');
      await client.say('menü');
      await stream.waitFor((activities) => activities.some((activity) => activity.from?.role === 'bot'));
    } finally {
      await stream.close();
    }
  });
});
