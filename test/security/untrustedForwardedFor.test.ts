import { startTestApp, type TestApp } from '../support/testApp';

/**
 * Behind an ingress the app was not told to trust (TRUSTED_PROXIES empty, as Kubernetes shipped
 * it), every citizen has the ingress's address: one client failing checks pauses web chat logins
 * for all. Nothing told the operator. In production the first request that carries an
 * X-Forwarded-For from a peer that is not a trusted proxy logs one warning per process.
 */
const PRODUCTION = { NODE_ENV: 'production', PINPUK_MASTER_KEY: 'ab'.repeat(32) };
const WARNING = /X-Forwarded-For/;

const health = (running: TestApp, forwardedFor?: string) =>
  fetch(`${running.baseUrl}/healthz`, { headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} }).then((response) =>
    response.arrayBuffer(),
  );

const warnings = (running: TestApp) => running.logs.filter((line) => WARNING.test(line) && /warn/i.test(line));

describe('when requests carrying X-Forwarded-For reach a production instance', () => {
  let running: TestApp | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  test('then with TRUSTED_PROXIES empty it warns once, naming the variable, however many arrive', async () => {
    running = await startTestApp({ ...PRODUCTION, TRUSTED_PROXIES: '' });
    await health(running);
    expect(warnings(running)).toEqual([]);
    await health(running, '203.0.113.7');
    await health(running, '198.51.100.20');
    await health(running, '203.0.113.8');
    expect(warnings(running)).toHaveLength(1);
    expect(warnings(running)[0]).toMatch(/TRUSTED_PROXIES/);
    expect(warnings(running)[0]).not.toMatch(/203\.0\.113|198\.51\.100/);
  });

  test('then from a trusted proxy it does not warn', async () => {
    running = await startTestApp({ ...PRODUCTION, TRUSTED_PROXIES: '127.0.0.1' });
    await health(running, '203.0.113.7');
    expect(warnings(running)).toEqual([]);
  });

  test('then outside production it does not warn', async () => {
    running = await startTestApp({ TRUSTED_PROXIES: '' });
    await health(running, '203.0.113.7');
    expect(warnings(running)).toEqual([]);
  });
});
