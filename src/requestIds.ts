import { AsyncResource } from 'node:async_hooks';
import type { Request, Response, Server } from 'restify';
import { newLogId, withLogContext } from './logger';

/**
 * An incoming id is kept when it is short and plain; one with a long digit run (it could be a phone
 * or ID number) or anything else is replaced by a fresh one.
 */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;
const DIGIT_RUN = /\d{9}/;

/**
 * Every HTTP request gets an id (the caller's X-Request-Id when it is sane, a new one otherwise),
 * echoed in the response's X-Request-Id and carried by every log line written while it is handled.
 */
export function mountRequestIds(server: Server): void {
  server.pre((req: Request, res: Response, next: () => void) => {
    const incoming = req.headers['x-request-id'];
    const requestId = typeof incoming === 'string' && SANE_REQUEST_ID.test(incoming) && !DIGIT_RUN.test(incoming) ? incoming : newLogId();
    res.setHeader('X-Request-Id', requestId);
    withLogContext({ requestId }, () => {
      // The body's chunks arrive from the connection, outside this context; bound, the body
      // parser and the handlers after it run inside it.
      req.emit = AsyncResource.bind(req.emit.bind(req));
      next();
    });
  });
}
