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
});
