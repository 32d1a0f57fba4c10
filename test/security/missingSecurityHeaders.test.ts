import { rawHttp, statusOf } from '../support/rawTcp';
import { startTestApp, type TestApp } from '../support/testApp';

/**
 * Attack: a JSON answer without `X-Content-Type-Options: nosniff` can be sniffed into script by
 * an old browser; an https deployment without HSTS can be downgraded on a citizen's first visit.
 */
const HSTS = 'max-age=31536000; includeSubDomains';

describe('when any answer of the server is read by a browser', () => {
  let running: TestApp | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  const requests: [string, string, RequestInit][] = [
    ['a JSON health check', '/healthz', {}],
    ['a 404 of an unknown path', '/no-such-page', {}],
    ['a refused Bot Framework post', '/api/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' }],
    ['the web chat page', '/', {}],
    ['an unknown reset link', `/guvenlik-sozcugu/${'A'.repeat(43)}`, {}],
    ['a Direct Line token', '/v3/directline/tokens/generate', { method: 'POST' }],
    [
      'a compressed body refused before routing (415)',
      '/api/messages',
      { method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: 'x' },
    ],
  ];

  test.each(requests)('then %s carries X-Content-Type-Options: nosniff', async (_name, path, init) => {
    running = await startTestApp();
    const response = await fetch(`${running.baseUrl}${path}`, init);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });

  test('then, when PUBLIC_BASE_URL is https, every answer carries HSTS', async () => {
    running = await startTestApp({ PUBLIC_BASE_URL: 'https://eimza.example.gov.tr' });
    for (const [, path, init] of requests) {
      const response = await fetch(`${running.baseUrl}${path}`, init);
      expect(response.headers.get('strict-transport-security')).toBe(HSTS);
    }
  });

  const rawRequests: [string, number, string][] = [
    ['a request target refused before routing', 400, 'GET http://[/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'],
    [
      'a refused WebSocket upgrade',
      404,
      'GET /v3/directline/nowhere HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
    ],
  ];

  test.each(rawRequests)('then %s carries X-Content-Type-Options: nosniff', async (_name, status, request) => {
    running = await startTestApp();
    const answer = await rawHttp(running.port, request);
    expect(statusOf(answer)).toBe(status);
    expect(answer.split('\r\n\r\n')[0]).toMatch(/\r\nx-content-type-options: nosniff\r\n/i);
  });
});
