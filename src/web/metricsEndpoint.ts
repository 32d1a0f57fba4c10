import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import type { Request, Response, Server } from 'restify';
import type { Metrics } from '../metrics';
import { constantTimeEqual } from '../lib/secrets';

export type MetricsAccess = {
  /** A second listener that serves only /metrics; the public port then has none. */
  port?: number;
  /** A Bearer token /metrics asks for (on the public port, and on METRICS_PORT when both are set). */
  token?: string;
  production: boolean;
};

/**
 * GET /metrics, never open to everyone: on its own port (METRICS_PORT), behind a Bearer token
 * (METRICS_TOKEN; asked on the metrics port too when both are set), or, with neither, to loopback callers outside production; in production with
 * neither it is not served at all (404), so nothing about the traffic leaks by default.
 */
export function mountMetrics(server: Server, metrics: Metrics, access: MetricsAccess) {
  const send = async (res: ServerResponse) => {
    const { contentType, text } = await metrics.exposition();
    res.writeHead(200, { 'Content-Type': contentType, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
    res.end(text);
  };
  const notFound = (res: ServerResponse) => {
    res.writeHead(404, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
    res.end(JSON.stringify({ code: 'ResourceNotFound', message: 'not found' }));
  };

  /** False (answered 401) when a METRICS_TOKEN is set and the request does not carry it, on either port. */
  const tokenHeld = (req: IncomingMessage, res: ServerResponse) => {
    if (access.token === undefined || constantTimeEqual(req.headers.authorization ?? '', `Bearer ${access.token}`)) return true;
    res.writeHead(401, { 'WWW-Authenticate': 'Bearer realm="metrics"', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
    res.end();
    return false;
  };

  if (access.port === undefined) {
    server.get('/metrics', async (req: Request, res: Response) => {
      if (access.token !== undefined) {
        if (!tokenHeld(req, res)) return;
        return send(res);
      }
      if (access.production || !isLoopback(req.socket.remoteAddress)) return notFound(res);
      return send(res);
    });
  }

  let listener: HttpServer | undefined;
  return {
    /** Starts the metrics port when there is one: all interfaces in production (the scraper is elsewhere), loopback otherwise. */
    async listen(): Promise<void> {
      if (access.port === undefined || listener) return;
      const serving = createServer((req: IncomingMessage, res: ServerResponse) => {
        const path = (req.url ?? '').split('?')[0];
        if (req.method === 'GET' && path === '/metrics') {
          if (!tokenHeld(req, res)) return;
          send(res).catch(() => {
            res.statusCode = 500;
            res.end();
          });
        } else notFound(res);
      });
      listener = serving;
      await new Promise<void>((done, fail) => {
        serving.once('error', fail);
        serving.listen(access.port, access.production ? undefined : '127.0.0.1', () => done());
      });
    },
    async close(): Promise<void> {
      const closing = listener;
      listener = undefined;
      if (!closing) return;
      closing.closeAllConnections();
      await new Promise<void>((done) => closing.close(() => done()));
    },
  };
}

function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
  return plain === '::1' || plain.startsWith('127.');
}
