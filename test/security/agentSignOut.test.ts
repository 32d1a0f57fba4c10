import WebSocket from 'ws';
import { decodeKey } from '../../src/config';
import { STREAM_TOKEN_ENDED } from '../../src/channels/directLine';
import { AgentSignIn } from '../../src/web/agentSignIn';
import { deriveKey } from '../../src/lib/secrets';
import { DirectLineClient } from '../support/directLineClient';
import { FakeClock } from '../support/fakeClock';
import { startTestApp, type TestApp } from '../support/testApp';

const MASTER_KEY = 'a9e7'.repeat(16);
const HOUR = 60 * 60_000;
const MINUTE = 60_000;
/** The seed's web chat agent (seed/demo.json). */
const DEMO_AGENT = 'demo-agent';

const postForm = (url: string, cookie?: string) =>
  fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
    body: '',
  });

const consoleToken = (running: TestApp, cookie: string) =>
  fetch(`${running.baseUrl}/temsilci/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ locale: 'tr-TR' }),
  });

/** What the stream endpoint answers a token with: the status of a refused upgrade, or 101. */
function streamStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.once('open', () => {
      socket.close();
      resolve(101);
    });
    socket.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('error', (error) => reject(error));
  });
}

/** How often the app under test pings its open streams and checks their tokens again (30 s in production). */
const HEARTBEAT_MS = 100;

/**
 * The close code of an open stream once `heartbeats` more pings arrived after the call, or
 * 'open' when it is still open then: one heartbeat is enough for the server to see the change.
 */
function closedWithin(socket: WebSocket, heartbeats: number): Promise<number | 'open'> {
  return new Promise((resolve) => {
    if (socket.readyState === WebSocket.CLOSED) return resolve(0);
    let pings = 0;
    const onPing = () => {
      pings += 1;
      if (pings > heartbeats) {
        socket.off('close', onClose);
        socket.off('ping', onPing);
        resolve('open');
      }
    };
    const onClose = (code: number) => {
      socket.off('ping', onPing);
      resolve(code);
    };
    socket.on('ping', onPing);
    socket.once('close', onClose);
  });
}

describe('when an agent signs out of the web chat console', () => {
  let running: TestApp;
  const clock = new FakeClock(Date.now());
  /** A personal sign-in link, made as `npm run agent:link` makes it. */
  const link = () => {
    const signIn = new AgentSignIn(deriveKey(decodeKey(MASTER_KEY)!, 'agent-sign-in'), clock, () => Math.random().toString(36).slice(2));
    return `${running.baseUrl}/temsilci/giris/${signIn.link(DEMO_AGENT).token}`;
  };
  const signIn = async () => {
    const response = await postForm(link());
    expect(response.status).toBe(303);
    return response.headers.get('set-cookie')!.split(';')[0]!;
  };

  beforeAll(async () => {
    running = await startTestApp({ PINPUK_MASTER_KEY: MASTER_KEY }, { clock, directLineHeartbeatMs: HEARTBEAT_MS });
  });
  afterAll(() => running.close());

  test('then the console stream already open is closed within one heartbeat, and a citizen stream stays open', async () => {
    const cookie = await signIn();
    const agent = new DirectLineClient(running.baseUrl);
    await agent.join(await consoleToken(running, cookie));
    const agentStream = await agent.openStream();
    const citizen = new DirectLineClient(running.baseUrl);
    await citizen.join();
    const citizenStream = await citizen.openStream();
    // While signed in, the console stream lives through heartbeats.
    expect(await closedWithin(agentStream.socket, 2)).toBe('open');

    expect((await postForm(`${running.baseUrl}/temsilci/cikis`, cookie)).status).toBe(200);

    expect(await closedWithin(agentStream.socket, 2)).toBe(STREAM_TOKEN_ENDED);
    expect(await closedWithin(citizenStream.socket, 2)).toBe('open');
    await citizenStream.close();
  });

  test('then the old cookie no longer opens /temsilci nor gets a token, and the old Direct Line token is refused everywhere', async () => {
    const cookie = await signIn();
    expect((await fetch(`${running.baseUrl}/temsilci`, { headers: { cookie } })).status).toBe(200);
    const agent = new DirectLineClient(running.baseUrl);
    const greeting = await agent.join(await consoleToken(running, cookie));
    expect(greeting.map((activity) => activity.text).join('\n')).toMatch(/temsilcisi olarak giriş yaptınız/);
    const oldToken = agent.token;
    const streamUrl = agent.streamUrl;

    expect((await postForm(`${running.baseUrl}/temsilci/cikis`, cookie)).status).toBe(200);

    // A copy of the cookie kept by whoever had the browser.
    expect((await fetch(`${running.baseUrl}/temsilci`, { headers: { cookie } })).status).toBe(401);
    expect((await consoleToken(running, cookie)).status).toBe(401);

    // The console's Direct Line token, whichever way it is used.
    expect([401, 403]).toContain((await agent.request('POST', '/tokens/refresh', undefined, oldToken)).status);
    expect([401, 403]).toContain(
      (
        await agent.request(
          'POST',
          `/conversations/${agent.conversationId}/activities`,
          { type: 'message', text: 'ara 10000000146', from: { id: 'x' } },
          oldToken,
        )
      ).status,
    );
    expect([401, 403]).toContain(
      (await agent.request('GET', `/conversations/${agent.conversationId}/activities`, undefined, oldToken)).status,
    );
    expect([401, 403]).toContain((await agent.request('POST', '/conversations', {}, oldToken)).status);
    expect([401, 403]).toContain(await streamStatus(streamUrl));
  });

  test('then signing out twice, or with no cookie, is harmless, and a new sign-in works', async () => {
    const cookie = await signIn();
    expect((await postForm(`${running.baseUrl}/temsilci/cikis`, cookie)).status).toBe(200);
    expect((await postForm(`${running.baseUrl}/temsilci/cikis`, cookie)).status).toBe(200);
    expect((await postForm(`${running.baseUrl}/temsilci/cikis`)).status).toBe(200);
    const again = await signIn();
    expect((await fetch(`${running.baseUrl}/temsilci`, { headers: { cookie: again } })).status).toBe(200);
  });

  test('when the session nears its end, then a console token and its refresh expire at the session end, not 30 minutes later', async () => {
    const cookie = await signIn();
    clock.advance(8 * HOUR - 10 * MINUTE);
    const issued = (await (await consoleToken(running, cookie)).json()) as { token: string; expires_in: number };
    expect(issued.expires_in).toBe(10 * 60);

    clock.advance(5 * MINUTE);
    const agent = new DirectLineClient(running.baseUrl);
    const refreshed = await agent.request('POST', '/tokens/refresh', undefined, issued.token);
    expect(refreshed.status).toBe(200);
    const body = (await refreshed.json()) as { token: string; expires_in: number };
    expect(body.expires_in).toBe(5 * 60);

    clock.advance(5 * MINUTE);
    expect((await agent.request('POST', '/tokens/refresh', undefined, body.token)).status).toBe(401);
    expect((await fetch(`${running.baseUrl}/temsilci`, { headers: { cookie } })).status).toBe(401);
  });
});

describe('when a citizen keeps a web chat open past its first token', () => {
  let running: TestApp;
  const clock = new FakeClock(Date.now());

  beforeAll(async () => {
    running = await startTestApp({}, { clock, directLineHeartbeatMs: HEARTBEAT_MS });
  });
  afterAll(() => running.close());

  test('then the stream of the expired token is closed, and the page reconnects with its refreshed token as Web Chat does', async () => {
    const citizen = new DirectLineClient(running.baseUrl);
    await citizen.join();
    const first = await citizen.openStream();
    // Web Chat refreshes its token every 15 minutes; the stream opened with the first one stays.
    clock.advance(15 * 60_000);
    const refreshed = await citizen.request('POST', '/tokens/refresh');
    expect(refreshed.status).toBe(200);
    citizen.token = ((await refreshed.json()) as { token: string }).token;
    expect(await closedWithin(first.socket, 2)).toBe('open');

    clock.advance(16 * 60_000);
    expect(await closedWithin(first.socket, 2)).toBe(STREAM_TOKEN_ENDED);

    // Web Chat's answer to a closed stream: GET the conversation with its current token, open the new streamUrl.
    const resumed = await citizen.request('GET', `/conversations/${citizen.conversationId}?watermark=${citizen.watermark}`);
    expect(resumed.status).toBe(200);
    const second = await citizen.openStream(((await resumed.json()) as { streamUrl: string }).streamUrl);
    await citizen.say('yardım');
    await second.waitFor((activities) => activities.some((activity) => activity.from?.role === 'bot'));
    expect(await closedWithin(second.socket, 2)).toBe('open');
    await second.close();
  });
});
