import type { IncomingMessage, ServerResponse } from 'node:http';
import { connect } from 'node:net';
import { DirectLineClient } from '../support/directLineClient';
import { EmulatorClient } from '../support/emulator';
import { startTestApp, type TestApp } from '../support/testApp';

/**
 * A client that hangs up right after sending: once its socket is closed the server no longer
 * knows its address. When the handler reads the address only after its awaits, the turn runs in
 * the shared bucket of senders that cannot be told (`unknown`): a paused address gets more tries,
 * and its failures could pause `unknown` for everyone whose socket closes early.
 */
const PAUSE_OF_THIS_CLIENT = 'rate:paused:source:address:127.0.0.1';

/** Posts `body` on a fresh connection and resets it as soon as it is written; resolves once the server's handler answered. */
function postAndReset(running: TestApp, path: string, token: string | undefined, body: string): Promise<void> {
  const answered = new Promise<void>((resolve) => {
    const watch = (req: IncomingMessage, res: ServerResponse) => {
      if (req.method !== 'POST' || req.url !== path) return;
      running.app.server.server.off('request', watch);
      const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
      res.end = ((...args: unknown[]) => {
        resolve();
        return end(...args);
      }) as typeof res.end;
    };
    running.app.server.server.on('request', watch);
  });
  const socket = connect(running.port, '127.0.0.1', () => {
    const request = `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${token ? `Authorization: Bearer ${token}\r\n` : ''}Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    socket.write(request, () => socket.resetAndDestroy());
  });
  socket.on('error', () => undefined);
  return answered;
}

/** Records the keys the turns ask the store's time-to-live of (where a source's pause is looked up). */
function watchPauseLookups(running: TestApp): string[] {
  const asked: string[] = [];
  const ttl = running.app.store.ttl.bind(running.app.store);
  jest.spyOn(running.app.store, 'ttl').mockImplementation(async (key: string) => {
    asked.push(key);
    return ttl(key);
  });
  return asked;
}

describe('when a paused client posts its next try and hangs up at once', () => {
  let running: TestApp;
  let emulator: EmulatorClient | undefined;

  beforeEach(async () => {
    running = await startTestApp();
  });
  afterEach(async () => {
    await emulator?.stop();
    emulator = undefined;
    await running.close();
  });

  test('over unauthenticated /api/messages (the Emulator), then no turn runs as a sender that cannot be told', async () => {
    emulator = new EmulatorClient(running.baseUrl);
    await emulator.start();
    await emulator.join();
    await emulator.say('Şifreli Giriş');
    await running.app.store.set(PAUSE_OF_THIS_CLIENT, true, 15 * 60_000);
    const body = JSON.stringify(await emulator.activityFor('10000000146'));
    const asked = watchPauseLookups(running);

    await postAndReset(running, '/api/messages', undefined, body);

    expect(asked.filter((key) => key.includes('unknown'))).toEqual([]);
    expect(await running.app.store.ttl(PAUSE_OF_THIS_CLIENT)).toBeGreaterThan(0);
  });

  test('over Direct Line (the web chat), then no turn runs as a sender that cannot be told, and its own pause still holds', async () => {
    const chat = new DirectLineClient(running.baseUrl);
    await chat.join();
    await chat.say('Şifreli Giriş');
    await running.app.store.set(PAUSE_OF_THIS_CLIENT, true, 15 * 60_000);
    const asked = watchPauseLookups(running);

    const path = `/v3/directline/conversations/${chat.conversationId}/activities`;
    await postAndReset(running, path, chat.token, JSON.stringify({ type: 'message', text: '10000000146', locale: 'tr-TR' }));

    expect(asked.filter((key) => key.includes('unknown'))).toEqual([]);
    expect(await running.app.store.ttl('rate:paused:source:unknown')).toBeUndefined();
    expect(await running.app.store.ttl(PAUSE_OF_THIS_CLIENT)).toBeGreaterThan(0);
    // Nothing of the hung-up request reached the conversation.
    expect((await chat.poll()).filter((activity) => activity.text === '10000000146')).toEqual([]);
  });
});
