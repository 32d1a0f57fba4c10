import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { request } from 'node:http';
import { RENEWAL_CHAT_PATH } from '../../src/web/chatPage';
import { MEHMET } from '../support/citizenLogin';
import { issueLink } from '../support/resetLinkPage';
import { startTestApp, type TestApp } from '../support/testApp';

/** GET without fetch's automatic decompression, to see the bytes as sent. */
function rawGet(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

const WEBCHAT_BUNDLE = join(dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js');

function chatConfig(html: string): {
  tokenUrl: string;
  directLinePath: string;
  locale: string;
  topic?: string;
  nonce: string;
  strings: Record<string, string>;
} {
  const json = html.match(/<script type="application\/json" id="chat-config">([^<]*)<\/script>/);
  if (!json) throw new Error('no chat configuration in the page');
  return JSON.parse(json[1]!) as ReturnType<typeof chatConfig>;
}

describe('GET / and its static files', () => {
  let running: TestApp;

  beforeAll(async () => {
    running = await startTestApp();
  });
  afterAll(() => running.close());

  test('when / is opened, then it is the Turkish web chat page with the call-center number, its settings as JSON and no inline script', async () => {
    const response = await fetch(`${running.baseUrl}/`);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('<html lang="tr">');
    expect(html).toContain('<h1>e-İmza Yardımcısı</h1>');
    expect(html).toContain('0262 648 18 18');
    expect(html).toContain('href="/?lang=en"');
    expect(html).toMatch(/<a class="skip-link" href="#chat">Sohbete geç<\/a>/);
    expect(html).toMatch(/<main id="main"/);

    const config = chatConfig(html);
    expect(config).toMatchObject({ tokenUrl: '/v3/directline/tokens/generate', directLinePath: '/v3/directline', locale: 'tr-TR' });
    expect(config.strings['hiddenNote']).toBe('Bu ileti güvenliğiniz için gizlendi.');

    const scripts = [...html.matchAll(/<script([^>]*)>([^<]*)<\/script>/g)];
    expect(scripts.map((script) => script[1]!.trim())).toEqual([
      'type="application/json" id="chat-config"',
      expect.stringMatching(/^src="\/static\/webchat\.js\?v=[\w-]+"$/),
      expect.stringMatching(/^src="\/static\/chat\.js\?v=[\w-]+"$/),
    ]);
  });

  test('when / is opened, then the answer forbids framing, referrers, sniffing, and any script or connection to another origin', async () => {
    const first = await fetch(`${running.baseUrl}/`);
    const second = await fetch(`${running.baseUrl}/`);
    const policy = first.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).toContain(`connect-src 'self' ws://127.0.0.1:${running.port}`);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(first.headers.get('x-frame-options')).toBe('DENY');
    expect(first.headers.get('referrer-policy')).toBe('no-referrer');
    expect(first.headers.get('x-content-type-options')).toBe('nosniff');

    // Web Chat's run-time styles are let in by a nonce that changes with every answer.
    const nonce = chatConfig(await first.text()).nonce;
    expect(policy).toContain(`'nonce-${nonce}'`);
    expect(chatConfig(await second.text()).nonce).not.toBe(nonce);
  });

  test('when /?lang=en is opened, then the page and Web Chat are in English, with a switch back to Turkish', async () => {
    const html = await (await fetch(`${running.baseUrl}/?lang=en`)).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('e-İmza Assistant');
    expect(html).toContain('+90 262 648 18 18');
    expect(html).toContain('href="/?lang=tr"');
    expect(chatConfig(html).locale).toBe('en-US');
  });

  test("when a reminder's renewal link (RENEWAL_CHAT_PATH) is opened, then the page asks its script to open with the renewal topic, and the switch to English keeps it", async () => {
    expect(RENEWAL_CHAT_PATH).toBe('/?topic=renewal');
    const html = await (await fetch(`${running.baseUrl}${RENEWAL_CHAT_PATH}`)).text();
    expect(chatConfig(html)).toMatchObject({ topic: 'renewal', locale: 'tr-TR' });
    expect(html).toMatch(/href="\/\?lang=en&(amp|#38);topic=renewal"/);
  });

  test.each<[string, string]>([
    ['pizza', 'pizza'],
    ['RENEWAL', 'RENEWAL'],
    ['__proto__', '__proto__'],
    ['%3Cscript%3Ealert(1)%3C%2Fscript%3E', 'alert(1)'],
    // A malformed escape is not a fault either.
    ['%E0%A4%A', '%E0'],
    ['', 'topic'],
  ])('when / is opened with the unknown topic "%s", then it is the plain page: no topic, the value nowhere in it', async (query, value) => {
    const response = await fetch(`${running.baseUrl}/?topic=${query}`);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(chatConfig(html).topic).toBeUndefined();
    expect(html).toContain('href="/?lang=en"');
    expect(html).not.toContain(value);
  });

  test("when Web Chat's bundle is asked for with gzip, then the gzipped bundle comes with a year of caching and an ETag that answers 304", async () => {
    const html = await (await fetch(`${running.baseUrl}/`)).text();
    const address = html.match(/src="(\/static\/webchat\.js\?v=[\w-]+)"/)![1]!;
    const original = readFileSync(WEBCHAT_BUNDLE);

    const zipped = await rawGet(`${running.baseUrl}${address}`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(zipped.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(zipped.headers['vary']).toBe('Accept-Encoding');
    expect(zipped.body.length).toBeLessThan(original.length / 3);
    expect(gunzipSync(zipped.body).equals(original)).toBe(true);

    const plain = await rawGet(`${running.baseUrl}${address}`, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(original)).toBe(true);

    const etag = String(zipped.headers['etag']);
    expect(plain.headers['etag']).toBe(etag);
    const again = await rawGet(`${running.baseUrl}${address}`, { 'if-none-match': etag, 'accept-encoding': 'gzip' });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  test("when the page's own script, stylesheet and icon are asked for, then they are served from this origin; anything else under /static is 404", async () => {
    const html = await (await fetch(`${running.baseUrl}/`)).text();
    const addresses = [...html.matchAll(/(?:src|href)="(\/static\/[^"]+)"/g)].map((match) => match[1]!);
    expect(addresses).toHaveLength(4);
    for (const address of addresses) {
      const response = await fetch(`${running.baseUrl}${address}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
    for (const path of ['/static/nothing.js', '/static/..%2Fpackage.json', '/static/']) {
      expect((await fetch(`${running.baseUrl}${path}`)).status).toBe(404);
    }
  });

  test("when a reset link opens the Güvenlik Sözcüğü page, then it shares the chat page's stylesheet and header, with no inline style allowed", async () => {
    const link = await issueLink(running, { type: 'tckn', value: MEHMET.id });
    const response = await fetch(link!.url);
    const html = await response.text();
    const chat = await (await fetch(`${running.baseUrl}/`)).text();
    const stylesheet = /<link rel="stylesheet" href="([^"]+)">/;
    expect(html.match(stylesheet)![1]).toBe(chat.match(stylesheet)![1]);
    expect(html).toContain('<header class="site-header">');
    expect(html).toContain('<a href="tel:+902626481818">0262 648 18 18</a>');
    expect(html).not.toContain('<style');
    expect(response.headers.get('content-security-policy')).toContain("style-src 'self'");
    expect(response.headers.get('content-security-policy')).not.toContain('unsafe-inline');
  });
});
