import { parse } from 'node:url';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Server } from 'restify';

/**
 * Checks every request gets before restify sees it (`server.first` runs ahead of the router and
 * of every `pre` handler):
 * - a request target restify's router cannot parse (`GET http://[/ HTTP/1.1`) is answered 400:
 *   the router's url.parse would throw outside any handler and stop the process;
 * - a body with a Content-Encoding is answered 415 before anything reads it. None of our callers
 *   (Bot Framework channels, Twilio, our own pages) compress request bodies, and restify's body
 *   reader would inflate them with no limit on the inflated size and no error handler.
 */
export function mountRequestGuards(server: Server): void {
  (server as Server & FirstChain).first((req: IncomingMessage, res: ServerResponse) => {
    if (!targetParses(req.url)) {
      answer(res, 400, 'The request target is not a valid URL.');
      return false;
    }
    const encoding = String(req.headers['content-encoding'] ?? '')
      .trim()
      .toLowerCase();
    if (encoding === 'identity') delete req.headers['content-encoding'];
    else if (encoding !== '') {
      answer(res, 415, 'Request bodies must not be compressed (no Content-Encoding).');
      return false;
    }
    return true;
  });
}

/** restify 11's `first` handlers, missing from @types/restify 8: false stops the request there. */
type FirstChain = { first(handler: (req: IncomingMessage, res: ServerResponse) => boolean): void };

function targetParses(target: string | undefined): boolean {
  try {
    parse(target ?? '/');
    return true;
  } catch {
    return false;
  }
}

/** A plain JSON answer; the connection closes, since a body left unread cannot be skipped safely. */
function answer(res: ServerResponse, status: number, error: string): void {
  const body = JSON.stringify({ error });
  res.shouldKeepAlive = false;
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    Connection: 'close',
  });
  res.end(body);
}
