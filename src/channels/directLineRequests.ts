import type { IncomingMessage } from 'node:http';
import type { TurnContext } from 'botbuilder';
import type { Request, Response } from 'restify';
import type { Logger } from '../logger';
import type { ActivityStreams } from './activityStreams';
import type { BackgroundTasks } from '../lib/background';
import type { Clock } from '../lib/clock';
import type { DirectLineGrant, DirectLineTokens } from './directLineTokens';
import type { KeyValueStore } from '../lib/keyValueStore';
import type { RandomSource } from '../lib/random';
import type { DirectLineAdapter } from './directLineAdapter';
import { readBody as readLimitedBody } from '../web/linkForms';

/** What the Direct Line routes share: the paths, limits and options, the errors they answer, the request's checks. */
export const DIRECT_LINE_PATH = '/v3/directline';
const RATE_WINDOW_MS = 60_000;
/** The close code of a stream whose token expired or whose agent console session ended: the page gets a new token and reconnects. */
export const STREAM_TOKEN_ENDED = 4401;

/** Requests per minute: conversations started per address, activities posted and polls per conversation. */
export const DIRECT_LINE_LIMITS = { start: 60, post: 60, poll: 240, reconnect: 30 } as const;

export type DirectLineOptions = {
  adapter: DirectLineAdapter;
  streams: ActivityStreams;
  tokens: DirectLineTokens;
  store: KeyValueStore;
  random: RandomSource;
  clock: Clock;
  logger: Logger;
  background: BackgroundTasks;
  publicBaseUrl: string;
  logic: (context: TurnContext) => Promise<void>;
  /** Who sent a request (the socket's peer, or the client a trusted proxy names): start limits and the source of turns. */
  clientAddress?: (req: IncomingMessage) => string | undefined;
  /** How often an open stream is pinged and its token checked again (default 30 s). */
  heartbeatMs?: number;
  /** Told of every WebSocket opened (+1) and closed (-1). */
  onConnections?: (delta: number) => void;
};

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** What every Direct Line request handler shares: who sent it, the rate limits, the token check and the error answers. */
export type DirectLineGuard = {
  senderOf: (req: IncomingMessage) => string;
  limit: (kind: keyof typeof DIRECT_LINE_LIMITS, subject: string) => Promise<void>;
  /** The grant of the request's bearer token, for the conversation in the path when there is one. */
  authorize: (token: string | undefined, conversationId?: string) => Promise<DirectLineGrant>;
  /** A handler whose HttpError becomes its JSON answer, and any other failure a 503. */
  route: (handler: (req: Request, res: Response) => Promise<void>) => (req: Request, res: Response) => Promise<void>;
};

export function directLineGuard(options: DirectLineOptions): DirectLineGuard {
  const { streams, tokens, store, clock, logger } = options;
  const addressOf = (req: IncomingMessage) => (options.clientAddress ? options.clientAddress(req) : req.socket.remoteAddress);

  /** The client's address, read as a handler's first statement (once the socket closed it is gone): 400 when it is gone already. */
  const senderOf = (req: IncomingMessage): string => {
    const address = addressOf(req);
    if (address === undefined) throw new HttpError(400, 'BadArgument', 'The connection closed before the request was read.');
    return address;
  };

  const limit = async (kind: keyof typeof DIRECT_LINE_LIMITS, subject: string) => {
    const window = Math.floor(clock.now().getTime() / RATE_WINDOW_MS);
    const count = await store.increment(`dl-rate:${kind}:${subject}:${window}`, RATE_WINDOW_MS);
    if (count > DIRECT_LINE_LIMITS[kind]) throw new HttpError(429, 'TooManyRequests', 'Too many requests; try again in a minute.');
  };

  const authorize = async (token: string | undefined, conversationId?: string): Promise<DirectLineGrant> => {
    const check = await tokens.check(token);
    if (!check.ok) {
      const message = check.reason === 'expired' ? 'The token has expired.' : 'A valid Direct Line token is required.';
      throw new HttpError(401, check.reason === 'expired' ? 'TokenExpired' : 'Unauthorized', message);
    }
    if (conversationId !== undefined && conversationId !== check.grant.conversationId) {
      throw new HttpError(403, 'Forbidden', 'The token is not valid for this conversation.');
    }
    if (!(await streams.conversation(check.grant.conversationId)))
      throw new HttpError(404, 'NotFound', 'No such conversation, or it has ended.');
    return check.grant;
  };

  const route =
    (handler: (req: Request, res: Response) => Promise<void>) =>
    async (req: Request, res: Response): Promise<void> => {
      res.header('Cache-Control', 'no-store');
      try {
        await handler(req, res);
      } catch (error) {
        if (error instanceof HttpError) {
          res.send(error.status, { error: { code: error.code, message: error.message } });
          return;
        }
        logger.error('Direct Line request failed', { error });
        res.send(503, { error: { code: 'ServiceUnavailable', message: 'The service is unavailable; try again shortly.' } });
      }
    };

  return { senderOf, limit, authorize, route };
}

export function queryOf(req: Request): URLSearchParams {
  return new URL(req.url ?? '/', 'http://localhost').searchParams;
}

export function bearer(req: Request): string | undefined {
  return bearerOf(req.headers.authorization);
}

export function bearerOf(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}

export function watermarkOf(text: string | null): number | undefined {
  if (text === null || text === '') return undefined;
  if (!/^\d{1,12}$/.test(text)) throw new HttpError(400, 'BadArgument', 'The watermark is not valid.');
  return Number(text);
}

/** The raw body, refused past `limit` bytes; an empty body is allowed where `optional`. */
export async function readBody(req: Request, limit: number, optional: boolean): Promise<string> {
  const text = await readLimitedBody(req, limit);
  if (text === undefined) throw new HttpError(400, 'BadArgument', `The request body is larger than ${limit} bytes.`);
  if (!optional && text.trim() === '') throw new HttpError(400, 'BadArgument', 'The request body is empty.');
  return text;
}

export function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'BadArgument', 'The request body is not valid JSON.');
  }
}
