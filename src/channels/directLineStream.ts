import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Server } from 'restify';
import { WebSocketServer, type WebSocket } from 'ws';
import type { DirectLineGrant } from './directLineTokens';
import { bearerOf, DIRECT_LINE_PATH, HttpError, STREAM_TOKEN_ENDED, watermarkOf, type DirectLineOptions } from './directLineRequests';

/** The WebSocket stream: what is in the stream after the watermark, then every change as it happens. */
export function mountStream(
  server: Server,
  options: DirectLineOptions,
  authorize: (token: string | undefined, conversationId: string) => Promise<DirectLineGrant>,
) {
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
    ws.on('error', (error: Error & { code?: string }) =>
      logger.info('a Direct Line stream sent a frame it may not; closed', { code: error.code }),
    );
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
  const reason =
    { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 429: 'Too Many Requests' }[status] ??
    'Service Unavailable';
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nX-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
