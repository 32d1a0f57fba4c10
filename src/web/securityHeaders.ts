import type { ServerResponse } from 'node:http';
import type { Server } from 'restify';

const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Headers every answer carries, whatever route (or no route) it comes from: browsers never sniff
 * a JSON or text answer into script; behind an https address they never fall back to http.
 * Set in a `first` handler mounted ahead of the request guards, so their own refusals carry them too.
 */
export function mountSecurityHeaders(server: Server, options: { https: boolean }): void {
  (server as Server & { first(handler: (req: unknown, res: ServerResponse) => boolean): void }).first((_req, res) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (options.https) res.setHeader('Strict-Transport-Security', HSTS);
    return true;
  });
}
