import type { Next, Request, Response, Server } from 'restify';

const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Headers every answer carries, whatever route (or no route) it comes from: browsers never sniff
 * a JSON or text answer into script; behind an https address they never fall back to http.
 */
export function mountSecurityHeaders(server: Server, options: { https: boolean }): void {
  server.pre((_req: Request, res: Response, next: Next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (options.https) res.setHeader('Strict-Transport-Security', HSTS);
    return next();
  });
}
