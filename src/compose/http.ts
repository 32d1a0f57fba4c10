import type { IncomingMessage } from 'node:http';
import type { TurnContext } from 'botbuilder';
import restify, { type Request, type Response, type Server } from 'restify';
import type { Config } from '../config';
import { mountBotFramework } from '../channels/botFramework';
import { mountBotFrameworkRefusal } from '../channels/botFrameworkRefusal';
import { clientAddress, TrustedProxies, warnOfUntrustedForwarding } from '../channels/clientAddress';
import { mountDirectLine, type DirectLine } from '../channels/directLine';
import { DirectLineTokens } from '../channels/directLineTokens';
import { mountTwilioWebhook } from '../channels/twilioWebhook';
import type { SqlDatabase } from '../data/database';
import { translate } from '../language/messages';
import type { KeyValueStore } from '../lib/keyValueStore';
import { mountRequestGuards } from '../requestGuards';
import { mountRequestIds } from '../requestIds';
import { agentSessionLive } from '../web/agentSignIn';
import { mountMetrics } from '../web/metricsEndpoint';
import { mountSecurityHeaders } from '../web/securityHeaders';
import type { Channels } from './channels';
import type { Conversation } from './conversation';
import { defaultLocale, type Domain } from './domain';
import type { Infrastructure } from './infrastructure';
import type { AppOverrides } from './overrides';
import { mountPages } from './pages';

/** The HTTP side: one restify server with every channel's endpoint and page, and the metrics endpoint. */
export type Http = {
  server: Server;
  directLine: DirectLine;
  metricsEndpoint: ReturnType<typeof mountMetrics>;
  /** From now on /readyz answers 503 and no answer keeps its connection alive. */
  startDraining(): void;
};

const PATH_QUOTING_ERRORS = new Map([
  ['ResourceNotFoundError', 'Not found.'],
  ['MethodNotAllowedError', 'Method not allowed.'],
]);

export function createHttp(
  config: Config,
  infrastructure: Infrastructure,
  domain: Domain,
  channels: Channels,
  conversation: Conversation,
  overrides: AppOverrides,
): Http {
  const { db, store, random, clock, logger, background, metrics, keyFor } = infrastructure;
  const trustedProxies = TrustedProxies.parse(config.TRUSTED_PROXIES);
  const addressOf = (req: IncomingMessage) => clientAddress(req, trustedProxies);
  const logic = (context: TurnContext) => conversation.bot.handle(context);

  // Long path parameters (a mangled reset token) must reach our handlers, which answer them clearly.
  const server = restify.createServer({ name: 'e-imza-yardimcisi', handleUncaughtExceptions: false, maxParamLength: 8192 });
  mountSecurityHeaders(server, { https: config.PUBLIC_BASE_URL.startsWith('https:') });
  if (config.NODE_ENV === 'production') warnOfUntrustedForwarding(server.server, trustedProxies, logger);
  mountRequestGuards(server);
  mountRequestIds(server);
  server.on(
    'restifyError',
    (_req: Request, res: Response, error: Error & { body?: { message?: string }; statusCode?: number }, callback: () => void) => {
      // restify's own 404/405 quote the path, and under the reset page a path holds a token:
      // neither the answer nor the log may repeat it.
      const plain = PATH_QUOTING_ERRORS.get(error.name);
      if (plain && error.body) error.body.message = plain;
      res.header('Cache-Control', 'no-store');
      res.header('Referrer-Policy', 'no-referrer');
      logger.warn('request refused', { kind: error.name, status: error.statusCode });
      callback();
    },
  );

  // In production without an app id nobody's token can be checked: the endpoint runs no turn and calls no serviceUrl.
  if (config.NODE_ENV === 'production' && !config.MICROSOFT_APP_ID) mountBotFrameworkRefusal(server, logger);
  else
    mountBotFramework(server, channels.botFramework, logic, {
      store,
      logger,
      publicBaseUrl: config.PUBLIC_BASE_URL,
      clientAddress: addressOf,
    });
  const directLine = mountDirectLine(server, {
    adapter: channels.directLine,
    streams: infrastructure.activityStreams,
    tokens: new DirectLineTokens(keyFor('directline-token'), clock, agentSessionLive(store)),
    store,
    random,
    clock,
    logger,
    background,
    publicBaseUrl: config.PUBLIC_BASE_URL,
    logic,
    clientAddress: addressOf,
    heartbeatMs: overrides.directLineHeartbeatMs,
    onConnections: (delta) => (delta > 0 ? metrics.directLineConnections.inc() : metrics.directLineConnections.dec()),
  });
  mountTwilioWebhook(server, {
    channel: channels.twilio && { authToken: config.TWILIO_AUTH_TOKEN!, adapter: channels.twilio },
    publicBaseUrl: config.PUBLIC_BASE_URL,
    store,
    seenMessages: infrastructure.usedMarks,
    background,
    logger,
    logic,
    unavailableReply: translate(defaultLocale(config), 'global.error'),
  });

  server.get('/healthz', async (_req: Request, res: Response) => {
    res.send(200, { status: 'ok' });
  });
  let draining = false;
  server.get('/readyz', async (_req: Request, res: Response) => {
    // Once draining, a load balancer must stop sending here, whatever the stores say.
    if (draining) {
      res.send(503, { ready: false, draining: true });
      return;
    }
    const checks = await readiness(db, store);
    res.send(checks.ready ? 200 : 503, checks);
  });
  // Answers given while draining close their connection, so none is kept alive for another request.
  server.server.on('request', (_req: unknown, res: { shouldKeepAlive: boolean }) => {
    if (draining) res.shouldKeepAlive = false;
  });
  const metricsEndpoint = mountMetrics(server, metrics, {
    port: config.METRICS_PORT,
    token: config.METRICS_TOKEN,
    production: config.NODE_ENV === 'production',
  });

  mountPages(server, config, infrastructure, domain, directLine, overrides);
  return {
    server,
    directLine,
    metricsEndpoint,
    startDraining: () => {
      draining = true;
    },
  };
}

async function readiness(db: SqlDatabase, store: KeyValueStore) {
  const database = await db.query('SELECT 1').then(
    () => true,
    () => false,
  );
  const shortLivedStore = await store.ttl('readyz').then(
    () => true,
    () => false,
  );
  return { ready: database && shortLivedStore, database, store: shortLivedStore };
}
