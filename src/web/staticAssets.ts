import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { gzip as gzipCallback, gzipSync } from 'node:zlib';
import type { Request, Response, Server } from 'restify';

const gzip = promisify(gzipCallback);

export const STATIC_PATH = '/static';

/** An asset as served: its bytes, gzipped once, and the ETag both share. */
type Asset = { body: Buffer; gzipped: Buffer; etag: string; contentType: string };
type AssetSource = { file: () => string; contentType: string; large?: boolean };

/**
 * Web Chat's self-contained UMD bundle (the full one: Adaptive Cards render). botframework-webchat
 * is a development dependency: the build has its own copy beside our static files (`npm run build`,
 * scripts/copyAssets.mjs), so a production install has no React or speech SDK; in development
 * (tsx, tests) it is read from node_modules.
 */
export function webChatBundle(staticDir = join(__dirname, 'static')): string {
  const copied = join(staticDir, 'webchat.js');
  if (existsSync(copied)) return copied;
  // The package's exports map hides dist/; its CommonJS entry (lib/index.js) sits beside it.
  return join(dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js');
}

const SOURCES = {
  'webchat.js': { file: () => webChatBundle(), contentType: 'text/javascript; charset=utf-8', large: true },
  'chat.js': { file: () => join(__dirname, 'static', 'chat.js'), contentType: 'text/javascript; charset=utf-8' },
  'site.css': { file: () => join(__dirname, 'static', 'site.css'), contentType: 'text/css; charset=utf-8' },
  'icon.svg': { file: () => join(__dirname, 'static', 'icon.svg'), contentType: 'image/svg+xml' },
} satisfies Record<string, AssetSource>;

export type AssetName = keyof typeof SOURCES;

function isAssetName(name: string): name is AssetName {
  return Object.hasOwn(SOURCES, name);
}

/** One copy per process, shared by every app a test starts; the large bundle is compressed off the event loop. */
const loaded = new Map<string, Promise<Asset>>();

function load(name: AssetName): Promise<Asset> {
  let asset = loaded.get(name);
  if (!asset) {
    const source: AssetSource = SOURCES[name];
    const body = readFileSync(source.file());
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    // zlib's default level: level 9 takes twice the time for 0.5 % fewer bytes of the 3.9 MB bundle.
    const gzipped = source.large ? gzip(body) : Promise.resolve(gzipSync(body, { level: 9 }));
    asset = gzipped.then((compressed) => ({ body, gzipped: compressed, etag, contentType: source.contentType }));
    loaded.set(name, asset);
  }
  return asset;
}

/** The version part of an asset's address: changes with its content, so it may be cached for a year. */
function versionOf(name: AssetName): string {
  return createHash('sha256').update(readFileSync(SOURCES[name].file())).digest('base64url').slice(0, 12);
}

const versions = new Map<string, string>();

/** The address pages use for an asset, with a version so a new release is fetched anew. */
export function assetUrl(name: AssetName): string {
  let version = versions.get(name);
  if (!version) {
    version = versionOf(name);
    versions.set(name, version);
  }
  return `${STATIC_PATH}/${name}?v=${version}`;
}

/** Whether the request's Accept-Encoding takes gzip (and does not refuse it with q=0). */
function acceptsGzip(req: Request): boolean {
  const header = String(req.headers['accept-encoding'] ?? '').toLowerCase();
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/**
 * GET /static/{name}: Web Chat's bundle, our page script and our stylesheet. Long-lived caching
 * (addresses carry a version), ETag revalidation, and gzip where the browser takes it.
 */
export function mountStaticAssets(server: Server): void {
  // Start compressing the bundle now, so the first page view does not wait for it.
  for (const name of Object.keys(SOURCES).filter(isAssetName)) void load(name).catch(() => undefined);

  const serve = async (req: Request, res: Response) => {
    const name = String((req.params as { name?: string }).name ?? '');
    if (!isAssetName(name)) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
      res.end('Not found.');
      return;
    }
    const asset = await load(name);
    const headers: Record<string, string | number> = {
      'Content-Type': asset.contentType,
      'Cache-Control': 'public, max-age=31536000, immutable',
      ETag: asset.etag,
      Vary: 'Accept-Encoding',
      'X-Content-Type-Options': 'nosniff',
      'Cross-Origin-Resource-Policy': 'same-origin',
    };
    const matches = String(req.headers['if-none-match'] ?? '')
      .split(',')
      .map((tag) => tag.trim().replace(/^W\//, ''));
    if (matches.includes(asset.etag)) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    const compressed = acceptsGzip(req);
    const body = compressed ? asset.gzipped : asset.body;
    if (compressed) headers['Content-Encoding'] = 'gzip';
    headers['Content-Length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  server.get(`${STATIC_PATH}/:name`, serve);
  server.head(`${STATIC_PATH}/:name`, serve);
}
