import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Activity, TurnContext } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import type { Logger } from '../logger';
import type { ActivityStreams, StreamedActivity } from './activityStreams';
import type { BackgroundTasks } from '../lib/background';
import type { Clock } from '../lib/clock';
import type { AgentSessionGrant, DirectLineGrant, DirectLineTokens } from './directLineTokens';
import type { KeyValueStore } from '../lib/keyValueStore';
import type { RandomSource } from '../lib/random';
import { limitKey } from './clientAddress';
import { BOT_ACCOUNT, DIRECT_LINE_CHANNEL, type DirectLineAdapter } from './directLineAdapter';
import { readBody as readLimitedBody } from '../web/linkForms';
import { DIRECT_LINE_SERVICE_URL } from './secretMessages';
import { MAX_MESSAGE_LENGTH } from '../bot';

export const DIRECT_LINE_PATH = '/v3/directline';
/** An activity from the page is a few hundred bytes; a 2,000-character message with its envelope stays far below this. */
const MAX_ACTIVITY_BYTES = 32 * 1024;
const RATE_WINDOW_MS = 60_000;
/** Characters of a refused (too long) text kept in its echo. */
const REFUSED_ECHO_LENGTH = 100;
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

export type DirectLine = {
  /** Starts a conversation for a grant made elsewhere (the agent console's sign-in); returns its token. */
  startConversation(grant: { locale?: string; agentExternalId?: string; agentSession?: AgentSessionGrant }): Promise<{ conversationId: string; token: string; expiresIn: number }>;
  /** Closes every WebSocket (at shutdown). */
  close(): void;
};

const inboundSchema = z.looseObject({
  type: z.enum(['message', 'event', 'typing']),
  text: z.string().optional(),
  value: z.unknown().optional(),
  name: z.string().max(128).optional(),
  locale: z
    .string()
    .max(35)
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/)
    .optional(),
  attachments: z.array(z.unknown()).max(0, 'attachments are not accepted').optional(),
  channelData: z.looseObject({ clientActivityID: z.string().max(128).optional(), postBack: z.boolean().optional() }).optional(),
});

const startSchema = z.object({ locale: z.string().max(35).regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/).optional() }).loose();

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The subset of Direct Line 3.0 that Web Chat uses, served by us so conversations stay on our
 * servers: tokens bound to one conversation, activities posted and read by watermark, a WebSocket
 * stream, token refresh and reconnect. Errors are JSON `{error: {code, message}}` with a 4xx.
 */
export function mountDirectLine(server: Server, options: DirectLineOptions): DirectLine {
  const { adapter, streams, tokens, store, random, clock, logger } = options;
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

  /** The grant of the request's bearer token, for the conversation in the path when there is one. */
  const authorize = async (token: string | undefined, conversationId?: string): Promise<DirectLineGrant> => {
    const check = await tokens.check(token);
    if (!check.ok) {
      const message = check.reason === 'expired' ? 'The token has expired.' : 'A valid Direct Line token is required.';
      throw new HttpError(401, check.reason === 'expired' ? 'TokenExpired' : 'Unauthorized', message);
    }
    if (conversationId !== undefined && conversationId !== check.grant.conversationId) {
      throw new HttpError(403, 'Forbidden', 'The token is not valid for this conversation.');
    }
    if (!(await streams.conversation(check.grant.conversationId))) throw new HttpError(404, 'NotFound', 'No such conversation, or it has ended.');
    return check.grant;
  };

  const streamUrl = (conversationId: string, token: string, watermark?: number) => {
    const base = options.publicBaseUrl.replace(/^http/, 'ws');
    const query = new URLSearchParams({ t: token, ...(watermark !== undefined ? { watermark: String(watermark) } : {}) });
    return `${base}${DIRECT_LINE_PATH}/conversations/${encodeURIComponent(conversationId)}/stream?${query.toString()}`;
  };

  const createConversation = async (locale: string | undefined, agentExternalId: string | undefined, agentSession?: AgentSessionGrant) => {
    const conversationId = random.bytes(16).toString('base64url');
    const userId = `dl_${random.bytes(9).toString('base64url')}`;
    await streams.create(conversationId, { userId, locale, ...(agentExternalId ? { agentId: agentExternalId } : {}) });
    const issued = tokens.issue({ conversationId, userId, agentExternalId, agentSession });
    return { conversationId, token: issued.token, expiresIn: issued.expiresIn };
  };

  /** The bot greets once, when the page first opens the conversation. */
  const greet = async (grant: DirectLineGrant, clientAddress: string) => {
    if (!(await store.setIfAbsent(`dl-greeted:${grant.conversationId}`, true, 24 * 60 * 60_000))) return false;
    const conversation = await streams.conversation(grant.conversationId);
    const user = { id: grant.userId, role: 'user' };
    const activity: Partial<Activity> = {
      ...envelope(grant),
      type: 'conversationUpdate',
      id: adapter.newActivityId(),
      timestamp: clock.now(),
      locale: conversation?.locale,
      membersAdded: [user, { id: BOT_ACCOUNT.id, name: BOT_ACCOUNT.name, role: 'bot' }],
    } as Partial<Activity>;
    options.background.run('directline-greeting', () => adapter.process({ activity, agentExternalId: grant.agentExternalId, clientAddress }, options.logic));
    return true;
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

  server.post(
    `${DIRECT_LINE_PATH}/tokens/generate`,
    route(async (req, res) => {
      await limit('start', limitKey(senderOf(req))!);
      const body = parseJson(await readBody(req, 4096, true));
      const start = startSchema.safeParse(body ?? {});
      if (!start.success) throw new HttpError(400, 'BadArgument', 'The request body is not valid.');
      const created = await createConversation(start.data.locale, undefined);
      res.send(200, { conversationId: created.conversationId, token: created.token, expires_in: created.expiresIn });
    }),
  );

  server.post(
    `${DIRECT_LINE_PATH}/tokens/refresh`,
    route(async (req, res) => {
      const grant = await authorize(bearer(req));
      await limit('reconnect', grant.conversationId);
      const issued = tokens.issue(grant);
      res.send(200, { conversationId: grant.conversationId, token: issued.token, expires_in: issued.expiresIn });
    }),
  );

  server.post(
    `${DIRECT_LINE_PATH}/conversations`,
    route(async (req, res) => {
      const sender = senderOf(req);
      const grant = await authorize(bearer(req));
      await limit('reconnect', grant.conversationId);
      await readBody(req, 4096, true);
      const first = await greet(grant, sender);
      const token = bearer(req)!;
      res.send(first ? 201 : 200, {
        conversationId: grant.conversationId,
        token,
        expires_in: Math.max(0, grant.expiresAt - Math.floor(clock.now().getTime() / 1000)),
        streamUrl: streamUrl(grant.conversationId, token),
      });
    }),
  );

  server.get(
    `${DIRECT_LINE_PATH}/conversations/:conversationId`,
    route(async (req, res) => {
      const grant = await authorize(bearer(req), (req.params as { conversationId?: string }).conversationId);
      await limit('reconnect', grant.conversationId);
      const token = bearer(req)!;
      const watermark = watermarkOf(queryOf(req).get('watermark'));
      res.send(200, {
        conversationId: grant.conversationId,
        token,
        expires_in: Math.max(0, grant.expiresAt - Math.floor(clock.now().getTime() / 1000)),
        streamUrl: streamUrl(grant.conversationId, token, watermark),
      });
    }),
  );

  server.get(
    `${DIRECT_LINE_PATH}/conversations/:conversationId/activities`,
    route(async (req, res) => {
      const grant = await authorize(bearer(req), (req.params as { conversationId?: string }).conversationId);
      await limit('poll', grant.conversationId);
      const read = await streams.read(grant.conversationId, watermarkOf(queryOf(req).get('watermark')) ?? 0);
      res.send(200, { activities: read.activities, watermark: String(read.watermark) });
    }),
  );

  server.post(
    `${DIRECT_LINE_PATH}/conversations/:conversationId/activities`,
    route(async (req, res) => {
      const sender = senderOf(req);
      const grant = await authorize(bearer(req), (req.params as { conversationId?: string }).conversationId);
      if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
        throw new HttpError(400, 'BadArgument', 'Activities must be sent as application/json.');
      }
      const raw = await readBody(req, MAX_ACTIVITY_BYTES, false);
      await limit('post', grant.conversationId);
      const parsed = inboundSchema.safeParse(parseJson(raw));
      if (!parsed.success) {
        const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || '(body)'))];
        throw new HttpError(400, 'BadArgument', `Not a valid activity: check ${fields.join(', ')}.`);
      }
      const inbound = parsed.data;
      const id = adapter.newActivityId();
      if (inbound.type === 'typing') {
        res.send(200, { id });
        return;
      }
      const conversation = await streams.conversation(grant.conversationId);
      const channelData = {
        ...(inbound.channelData?.clientActivityID ? { clientActivityID: inbound.channelData.clientActivityID } : {}),
        ...(inbound.channelData?.postBack ? { postBack: true } : {}),
      };
      const activity: Partial<Activity> = {
        ...envelope(grant),
        type: inbound.type,
        id,
        timestamp: clock.now(),
        locale: inbound.locale ?? conversation?.locale,
        text: inbound.text,
        value: inbound.value,
        name: inbound.name,
        channelData,
      };
      // The page's own echo: what it shows as sent. A card's submitted values (a masked security word) are not kept in it.
      const echo = { ...activity, timestamp: activity.timestamp!.toISOString() } as Record<string, unknown>;
      delete echo.serviceUrl;
      delete echo.value;
      if (inbound.value !== undefined || inbound.channelData?.postBack) delete echo.text;
      else if (typeof inbound.text === 'string' && inbound.text.length > MAX_MESSAGE_LENGTH) echo.text = refusedEcho(inbound.text);
      await streams.append(grant.conversationId, JSON.parse(JSON.stringify(echo)) as StreamedActivity);
      await adapter.process({ activity, agentExternalId: grant.agentExternalId, clientAddress: sender }, options.logic);
      res.send(200, { id });
    }),
  );

  const sockets = mountStream(server, options, async (token, conversationId) => authorize(token, conversationId));

  return {
    startConversation: async ({ locale, agentExternalId, agentSession }) => createConversation(locale, agentExternalId, agentSession),
    close: () => sockets.close(),
  };
}

/** The envelope every activity of the conversation carries: channel, our service URL, user and bot. */
function envelope(grant: DirectLineGrant): Partial<Activity> {
  return {
    channelId: DIRECT_LINE_CHANNEL,
    serviceUrl: DIRECT_LINE_SERVICE_URL,
    conversation: { id: grant.conversationId, isGroup: false, conversationType: 'personal', name: '' },
    from: { id: grant.userId, name: '', role: 'user' },
    recipient: { id: BOT_ACCOUNT.id, name: BOT_ACCOUNT.name, role: 'bot' },
  };
}

/** The WebSocket stream: what is in the stream after the watermark, then every change as it happens. */
function mountStream(server: Server, options: DirectLineOptions, authorize: (token: string | undefined, conversationId: string) => Promise<DirectLineGrant>) {
  const { streams, logger } = options;
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  const pattern = new RegExp(`^${DIRECT_LINE_PATH}/conversations/([^/?]+)/stream(?:\\?|$)`);

  server.server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node hands the socket over without its error listener: a client that resets before our
    // answer is written would otherwise stop the process. Whatever failed, the socket is gone.
    socket.on('error', () => socket.destroy());
    const match = pattern.exec(req.url ?? '');
    if (!match) {
      refuse(socket, 404, 'NotFound', 'Not found.');
      return;
    }
    const url = new URL(req.url ?? '', 'http://localhost');
    let conversationId: string;
    try {
      conversationId = decodeURIComponent(match[1]!);
    } catch {
      refuse(socket, 400, 'BadArgument', 'Not a valid conversation id.');
      return;
    }
    let from: number;
    try {
      from = watermarkOf(url.searchParams.get('watermark')) ?? 0;
    } catch {
      refuse(socket, 400, 'BadArgument', 'The watermark is not valid.');
      return;
    }
    const token = url.searchParams.get('t') ?? bearerOf(req.headers.authorization);
    authorize(token ?? undefined, conversationId).then(
      (grant) => sockets.handleUpgrade(req, socket, head, (ws) => void follow(ws, grant, from)),
      (error: unknown) => {
        if (error instanceof HttpError) refuse(socket, error.status, error.code, error.message);
        else refuse(socket, 503, 'ServiceUnavailable', 'The service is unavailable; try again shortly.');
      },
    );
  });

  const follow = async (ws: WebSocket, grant: DirectLineGrant, from: number) => {
    const { conversationId } = grant;
    // A stream lives no longer than its token: an expired token (Web Chat refreshes it and
    // reconnects) or a signed-out agent console closes it, checked at each heartbeat and push.
    const ended = () => {
      if (ws.readyState === ws.OPEN) ws.close(STREAM_TOKEN_ENDED, 'token expired or revoked');
    };
    const expired = () => grant.expiresAt * 1000 <= options.clock.now().getTime();
    options.onConnections?.(1);
    // A frame ws refuses (over maxPayload, not UTF-8, a reserved opcode) is an error event; ws has
    // already closed the socket with the code that names it (1009, 1007, 1002).
    ws.on('error', (error: Error & { code?: string }) => logger.info('a Direct Line stream sent a frame it may not; closed', { code: error.code }));
    let watermark = from;
    let pumping: Promise<void> | undefined;
    let again = false;
    const pump = () => {
      if (pumping) {
        again = true;
        return;
      }
      pumping = (async () => {
        do {
          again = false;
          if (expired()) return ended();
          const read = await streams.read(conversationId, watermark);
          watermark = read.watermark;
          if (read.activities.length > 0 && ws.readyState === ws.OPEN) {
            ws.send(JSON.stringify({ activities: read.activities, watermark: String(read.watermark) }));
          }
        } while (again);
      })()
        .catch((error: unknown) => logger.warn('a Direct Line stream could not be read', { error }))
        .finally(() => {
          pumping = undefined;
        });
    };
    let alive = true;
    ws.on('pong', () => (alive = true));
    const heartbeat = setInterval(() => {
      if (!alive) ws.terminate();
      alive = false;
      ws.ping();
      options.tokens.stillValid(grant).then(
        (valid) => valid || ended(),
        (error: unknown) => logger.warn('a Direct Line stream token could not be checked again', { error }),
      );
    }, options.heartbeatMs ?? 30_000);
    heartbeat.unref();
    // The page sends "" every 20 s as a ping; nothing it sends on the socket is read.
    ws.on('message', () => undefined);
    const unsubscribe = await streams.subscribe(conversationId, pump).catch(() => undefined);
    ws.once('close', () => {
      clearInterval(heartbeat);
      options.onConnections?.(-1);
      void unsubscribe?.();
    });
    if (!unsubscribe) ws.close(1011, 'stream unavailable');
    else pump();
  };

  return {
    close() {
      for (const ws of sockets.clients) ws.terminate();
      sockets.close();
    },
  };
}

function refuse(socket: Duplex, status: number, code: string, message: string): void {
  const body = JSON.stringify({ error: { code, message } });
  const reason = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 429: 'Too Many Requests' }[status] ?? 'Service Unavailable';
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nX-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

/** A text too long to be read is refused by the bot: its echo keeps the beginning the page shows, not the body. */
function refusedEcho(text: string): string {
  return `${Array.from(text.slice(0, REFUSED_ECHO_LENGTH + 1)).slice(0, REFUSED_ECHO_LENGTH).join('')}…`;
}

function queryOf(req: Request): URLSearchParams {
  return new URL(req.url ?? '/', 'http://localhost').searchParams;
}

function bearer(req: Request): string | undefined {
  return bearerOf(req.headers.authorization);
}

function bearerOf(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}

function watermarkOf(text: string | null): number | undefined {
  if (text === null || text === '') return undefined;
  if (!/^\d{1,12}$/.test(text)) throw new HttpError(400, 'BadArgument', 'The watermark is not valid.');
  return Number(text);
}

/** The raw body, refused past `limit` bytes; an empty body is allowed where `optional`. */
async function readBody(req: Request, limit: number, optional: boolean): Promise<string> {
  const text = await readLimitedBody(req, limit);
  if (text === undefined) throw new HttpError(400, 'BadArgument', `The request body is larger than ${limit} bytes.`);
  if (!optional && text.trim() === '') throw new HttpError(400, 'BadArgument', 'The request body is empty.');
  return text;
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'BadArgument', 'The request body is not valid JSON.');
  }
}
