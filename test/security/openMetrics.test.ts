import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, startTestApp, type TestApp } from '../support/testApp';

/**
 * Attack: /metrics was open to anyone who could reach the server, telling an outsider the turn
 * rates, blocks and mail backlog. It is served only on METRICS_PORT, behind METRICS_TOKEN, or (with
 * neither) on loopback outside production; in production with neither it is not there at all.
 */
const PRODUCTION = { NODE_ENV: 'production', PINPUK_MASTER_KEY: 'ab'.repeat(32) };
const TOKEN = 'metrics-token-0123456789abcdef';

describe('when an outsider asks for /metrics', () => {
  let running: TestApp | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  test('then in production with neither METRICS_PORT nor METRICS_TOKEN it answers 404', async () => {
    running = await startTestApp(PRODUCTION);
    const response = await fetch(`${running.baseUrl}/metrics`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('turns_total');
  });

  test('then behind METRICS_TOKEN it answers 401 without the Bearer token or with a wrong one, and the metrics with it', async () => {
    running = await startTestApp({ ...PRODUCTION, METRICS_TOKEN: TOKEN });
    const url = `${running.baseUrl}/metrics`;
    const missing = await fetch(url);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await fetch(url, { headers: { authorization: `Bearer ${TOKEN}x` } })).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: `Basic ${TOKEN}` } })).status).toBe(401);
    const right = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(right.status).toBe(200);
    expect(await right.text()).toMatch(/^# (HELP|TYPE) /m);
  });

  test('then with METRICS_PORT the public port has no /metrics and the metrics port has nothing else', async () => {
    const metricsPort = await freePort();
    running = await startTestApp({ METRICS_PORT: String(metricsPort) });
    expect((await fetch(`${running.baseUrl}/metrics`)).status).toBe(404);
    const scraped = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toMatch(/^# (HELP|TYPE) /m);
    expect((await fetch(`http://127.0.0.1:${metricsPort}/healthz`)).status).toBe(404);
  });

  test('then with METRICS_PORT and METRICS_TOKEN in production the metrics port (on every interface) asks for the token too', async () => {
    const metricsPort = await freePort();
    running = await startTestApp({ ...PRODUCTION, METRICS_PORT: String(metricsPort), METRICS_TOKEN: TOKEN });
    const url = `http://127.0.0.1:${metricsPort}/metrics`;
    const missing = await fetch(url);
    expect(missing.status).toBe(401);
    expect(await missing.text()).not.toContain('turns_total');
    expect((await fetch(url, { headers: { authorization: `Bearer ${TOKEN}x` } })).status).toBe(401);
    const right = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(right.status).toBe(200);
    expect(await right.text()).toMatch(/^# (HELP|TYPE) /m);
  });

  test('then every spelling the app serves as /metrics is answered by the shipped nginx itself, never passed on', async () => {
    running = await startTestApp();
    const nginx = readFileSync(join(__dirname, '..', '..', 'deployment', 'nginx.conf'), 'utf8');
    const spellings = ['/metrics', '/metrics/', '/metrics;a', '/metrics;/x', '/METRICS', '/Metrics/', '/metrics%3Ba'];
    for (const spelling of spellings) {
      const served = (await fetch(`${running.baseUrl}${spelling}`)).status === 200;
      if (spelling === '/metrics') expect(served).toBe(true);
      if (!served) continue;
      // nginx matches the decoded path, without the query.
      const location = nginxLocation(nginx, decodeURIComponent(spelling));
      expect([spelling, location?.body ?? '']).toEqual([spelling, expect.stringMatching(/return 404;|deny all;/)]);
      expect([spelling, location?.body ?? '']).not.toEqual([spelling, expect.stringContaining('proxy_pass')]);
    }
  });

  test('then the shipped nginx answers /metrics itself and never passes it on', () => {
    const nginx = readFileSync(join(__dirname, '..', '..', 'deployment', 'nginx.conf'), 'utf8');
    const location = nginx.match(/location\s+(=\s*|\^~\s*)?\/metrics\s*\{([^}]*)\}/);
    expect(location).not.toBeNull();
    expect(location![2]).toMatch(/return 404;|deny all;/);
    expect(location![2]).not.toMatch(/proxy_pass/);
  });
});

/** The location nginx picks for `path`: an exact match, else the longest prefix if it is `^~`, else the first matching regex, else the longest prefix. */
function nginxLocation(config: string, path: string): { pattern: string; body: string } | undefined {
  const locations = [...config.matchAll(/location\s+(=|\^~|~\*|~)?\s*(\S+)\s*\{([^}]*)\}/g)].map(([, modifier, pattern, body]) => ({
    modifier: modifier ?? '',
    pattern: pattern!,
    body: body!,
  }));
  const exact = locations.find((location) => location.modifier === '=' && location.pattern === path);
  if (exact) return exact;
  const prefixes = locations
    .filter((location) => (location.modifier === '' || location.modifier === '^~') && path.startsWith(location.pattern))
    .sort((a, b) => b.pattern.length - a.pattern.length);
  if (prefixes[0]?.modifier === '^~') return prefixes[0];
  const regex = locations.find(
    (location) => location.modifier.startsWith('~') && new RegExp(location.pattern, location.modifier === '~*' ? 'i' : '').test(path),
  );
  return regex ?? prefixes[0];
}
