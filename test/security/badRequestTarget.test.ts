import { healthStatus, rawHttp, statusOf } from '../support/rawTcp';
import { startTestApp, type TestApp } from '../support/testApp';

/**
 * An absolute-form request line whose URL cannot be parsed once stopped the process: restify's
 * router parsed the target with url.parse, which throws, outside any handler.
 */
describe('when a request line carries a target that is not a URL', () => {
  let running: TestApp;

  beforeAll(async () => {
    running = await startTestApp();
  });
  afterAll(() => running.close());

  const targets = ['http://[/', 'http://xn--/', 'http://[/api/messages', 'http://xn--/healthz'];
  /** Node 24's URL parser accepts the empty punycode label `xn--` that Node 20's refuses; `[` fails on both. */
  const parses = (target: string) => URL.canParse(target);

  test.each(targets)('when "GET %s HTTP/1.1" arrives, then an unparsable target gets 400 and the server keeps serving', async (target) => {
    const answer = await rawHttp(running.port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    if (parses(target)) expect(statusOf(answer)).toBeLessThan(500);
    else expect(statusOf(answer)).toBe(400);
    expect(await healthStatus(running.baseUrl)).toBe(200);
  });

  test('when the same target comes on a POST with a body, then the answer is 400 too and the server keeps serving', async () => {
    const body = '{"type":"message"}';
    const answer = await rawHttp(
      running.port,
      `POST http://[/api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
    );
    expect(statusOf(answer)).toBe(400);
    expect(await healthStatus(running.baseUrl)).toBe(200);
  });

  test('then an absolute-form target that parses is still routed (GET http://host/healthz answers 200)', async () => {
    const answer = await rawHttp(running.port, `GET http://127.0.0.1/healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    expect(statusOf(answer)).toBe(200);
  });
});
