import { DIRECT_LINE_LIMITS } from '../../src/channels/directLine';
import { FakeClock } from '../support/fakeClock';
import { startTestApp, type TestApp } from '../support/testApp';

/** Each test sends 60-odd requests: on a loaded machine that takes more than the default 30 s. */
jest.setTimeout(120_000);

/**
 * Behind the shipped nginx every request comes from the proxy's address. When the Direct Line start
 * limit (conversations per address per minute) keys on the socket's peer, one busy client, or 60
 * citizens in a minute, use up everyone's bucket. TRUSTED_PROXIES names the proxy; only then is the
 * client read from X-Forwarded-For, as the right-most hop that is not itself a trusted proxy.
 */
const LIMIT = DIRECT_LINE_LIMITS.start;

function startConversation(running: TestApp, forwardedFor?: string): Promise<number> {
  return fetch(`${running.baseUrl}/v3/directline/tokens/generate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor }) },
    body: '{}',
  }).then(async (response) => {
    await response.arrayBuffer();
    return response.status;
  });
}

async function useUpBucket(running: TestApp, forwardedFor?: string): Promise<void> {
  for (let index = 0; index < LIMIT; index += 1) expect(await startConversation(running, forwardedFor)).toBe(200);
}

describe('when the app runs behind a proxy on 127.0.0.1 that it trusts (TRUSTED_PROXIES)', () => {
  let running: TestApp;

  beforeEach(async () => {
    // The minute windows of the limit do not turn over during a test.
    running = await startTestApp({ TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8' }, { clock: new FakeClock() });
  });
  afterEach(() => running.close());

  test('then one client using up its start limit leaves another citizen behind the same proxy their own', async () => {
    await useUpBucket(running, '203.0.113.7');
    expect(await startConversation(running, '203.0.113.7')).toBe(429);
    expect(await startConversation(running, '198.51.100.20')).toBe(200);
  });

  test('then a hop the client wrote itself, left of what the proxy appended, is never taken as the client', async () => {
    // nginx appends the address it saw: "whatever the client sent, <its address>".
    await useUpBucket(running, '203.0.113.7');
    expect(await startConversation(running, '192.0.2.99, 203.0.113.7')).toBe(429);
    expect(await startConversation(running, '203.0.113.7, 192.0.2.99')).toBe(200);
  });

  test('then through a chain of trusted proxies the right-most untrusted hop is the client, in any spelling of its address', async () => {
    await useUpBucket(running, '198.51.100.20, 10.1.2.3, 10.0.0.2');
    expect(await startConversation(running, '198.51.100.20')).toBe(429);
    expect(await startConversation(running, '::ffff:198.51.100.20')).toBe(429);
    expect(await startConversation(running, '2001:db8::7, 10.0.0.2')).toBe(200);
  });

  test('then a malformed X-Forwarded-For counts against the proxy, never against a citizen it could name', async () => {
    await useUpBucket(running, 'not-an-address');
    expect(await startConversation(running, 'x, , ;;')).toBe(429);
    expect(await startConversation(running)).toBe(429);
    expect(await startConversation(running, '198.51.100.20')).toBe(200);
  });
});

describe('when the app trusts no proxy (TRUSTED_PROXIES unset)', () => {
  let running: TestApp;

  beforeEach(async () => {
    running = await startTestApp({}, { clock: new FakeClock() });
  });
  afterEach(() => running.close());

  test('then a client writing a new X-Forwarded-For on each request still has one bucket, its own address', async () => {
    for (let index = 0; index < LIMIT; index += 1) expect(await startConversation(running, `203.0.113.${index + 1}`)).toBe(200);
    expect(await startConversation(running, '198.51.100.20')).toBe(429);
  });
});

describe('when clients behind the trusted proxy come over IPv6', () => {
  let running: TestApp;

  beforeEach(async () => {
    running = await startTestApp({ TRUSTED_PROXIES: '127.0.0.1' }, { clock: new FakeClock() });
  });
  afterEach(() => running.close());

  test('then a new address in the same /64 on each request is still the same bucket, and another /64 has its own', async () => {
    // Every IPv6 user holds at least a /64: a fresh address per request must not be a fresh bucket.
    for (let index = 0; index < LIMIT; index += 1)
      expect(await startConversation(running, `2001:db8:1:2::${(index + 1).toString(16)}`)).toBe(200);
    expect(await startConversation(running, '2001:db8:1:2:ffff:eeee:dddd:cccc')).toBe(429);
    expect(await startConversation(running, '2001:0DB8:0001:0002::abcd')).toBe(429);
    expect(await startConversation(running, '2001:db8:1:3::1')).toBe(200);
  });
});
