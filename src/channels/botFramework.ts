import type { Activity, TurnContext } from 'botbuilder';
import restify, { type Request, type Response, type Server } from 'restify';
import { createHash } from 'node:crypto';
import type { Logger } from '../logger';
import type { KeyValueStore } from '../lib/keyValueStore';
import { activityEnvelope, pointsAtItself } from './activityEnvelope';
import type { BotFrameworkCloudAdapter } from './botFrameworkAdapter';
import { isTwilioConversation } from './twilioAdapter';
import { adoptSubmittedChoice, takeInvoke } from './teams';
import { setVerifiedIdentity, verifiedIdentityOf } from './verifiedIdentity';
import { botFrameworkOrigin, setTurnOrigin } from './turnOrigin';

/** Request bodies of Bot Framework activities; a 1 MB text still gets a polite answer. */
const MAX_ACTIVITY_BYTES = 2 * 1024 * 1024;

/**
 * Teams sends a message again when the bot has not answered within 15 s: an activity id seen in a
 * conversation within this window is answered 200 and not processed again.
 */
export const DUPLICATE_WINDOW_MS = 10 * 60_000;

export type BotFrameworkOptions = {
  /** Remembers the activity ids already taken (Redis with REDIS_URL, so across instances). */
  store: KeyValueStore;
  logger: Logger;
  /** The bot's own public address: a serviceUrl pointing there (or at the listening port) is refused. */
  publicBaseUrl: string;
  /** Who sent a request (the socket's peer, or the client a trusted proxy names): the source of unauthenticated turns. */
  clientAddress?: (req: Request) => string | undefined;
};

/** Teams's own word for who wrote: the sender's Azure AD object id, on a request whose token was checked. */
function vouchForTeamsSender(context: TurnContext): void {
  const { channelId, from } = context.activity;
  const aadObjectId = (from as { aadObjectId?: unknown } | undefined)?.aadObjectId;
  if (channelId === 'msteams' && typeof aadObjectId === 'string' && aadObjectId.trim() !== '') {
    setVerifiedIdentity(context, { channel: 'msteams', externalId: aadObjectId.trim() });
  }
}

/** POST /api/messages: Bot Framework activities (Emulator, Azure channels, Teams). */
export function mountBotFramework(
  server: Server,
  adapter: BotFrameworkCloudAdapter,
  logic: (context: TurnContext) => Promise<void>,
  options: BotFrameworkOptions,
): void {
  const { store, logger } = options;
  /** A Teams activity's `from.aadObjectId` is who the sender is only on a request whose token was checked. */
  const run = (request: { tokenVerified: boolean; clientAddress?: string }) => (context: TurnContext) => {
    if (request.tokenVerified) vouchForTeamsSender(context);
    setTurnOrigin(context, botFrameworkOrigin(context.activity, { ...request, identity: verifiedIdentityOf(context) }));
    adoptSubmittedChoice(context.activity);
    return logic(context);
  };
  const addressOf = (req: Request) => (options.clientAddress ? options.clientAddress(req) : req.socket.remoteAddress);
  /** The client's address, read before the body is (a socket closed meanwhile has none). */
  const senders = new WeakMap<Request, string | undefined>();
  server.post(
    '/api/messages',
    (req: Request, _res: Response, next: () => void) => {
      senders.set(req, addressOf(req));
      next();
    },
    restify.plugins.bodyParser({ maxBodySize: MAX_ACTIVITY_BYTES, mapParams: false, mapFiles: false }),
    async (req: Request, res: Response) => {
      const sender = senders.get(req);
      if (sender === undefined) {
        res.send(400, { error: 'The connection closed before the request was read.' });
        return;
      }
      if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
        res.send(415, { error: 'Activities must be sent as application/json.' });
        return;
      }
      const envelope = activityEnvelope.safeParse(req.body);
      if (!envelope.success) {
        const fields = [...new Set(envelope.error.issues.map((issue) => issue.path.join('.') || '(body)'))];
        res.send(400, { error: `Not a valid Bot Framework activity: check ${fields.join(', ')}.` });
        return;
      }
      const own = {
        publicBaseUrl: options.publicBaseUrl,
        localAddress: req.socket.localAddress,
        localPort: req.socket.localPort,
        host: req.headers.host,
      };
      if (pointsAtItself(envelope.data.serviceUrl, own)) {
        res.send(400, { error: 'Not a valid Bot Framework activity: check serviceUrl (it points at this bot).' });
        return;
      }
      // SMS/WhatsApp conversations have predictable ids ("sms:+90…"): only Twilio's signed webhook may speak in them.
      if (isTwilioConversation(envelope.data)) {
        res.send(400, { error: 'SMS and WhatsApp conversations are reached only through Twilio.' });
        return;
      }

      const activity = req.body as Activity;
      const authentication = await adapter.authenticate(activity, authorizationOf(req));
      if (!authentication.ok) {
        logger.warn('Bot Framework request refused', {
          status: authentication.status,
          reason: authentication.reason,
          channel: envelope.data.channelId,
        });
        if (authentication.status === 401) {
          res.header('WWW-Authenticate', 'Bearer');
          res.send(401, { error: 'The request does not carry a valid Bot Framework token.' });
        } else {
          res.header('Retry-After', '5');
          res.send(503, { error: 'The Bot Framework token cannot be checked right now. Try again shortly.' });
        }
        return;
      }
      // Only after the token holds: an unauthenticated sender must not mark ids as seen.
      if (!(await firstDelivery(store, activity, logger))) {
        logger.info('Bot Framework activity already taken', { channel: envelope.data.channelId });
        res.send(200);
        return;
      }
      const invoke = takeInvoke(activity);
      if (invoke && !invoke.runTurn) {
        res.send(invoke.answer.status, invoke.answer.body);
        return;
      }
      try {
        const request = { tokenVerified: authentication.tokenVerified, clientAddress: sender };
        // A card action taken as a message: the turn's own answer is a message's, Teams awaits the invoke's.
        const invokeResponse = (await adapter.run(authentication.result, activity, run(request))) ?? invoke?.answer;
        if (invokeResponse?.body === undefined) res.send(invokeResponse?.status ?? 200);
        else res.send(invokeResponse.status, invokeResponse.body);
      } catch (error) {
        logger.error('Bot Framework activity failed', { error, channel: envelope.data.channelId });
        res.send(500, { error: 'The activity could not be processed.' });
      }
    },
  );
}

function authorizationOf(req: Request): string {
  const header = req.headers['authorization'];
  return typeof header === 'string' ? header : '';
}

/** False when the same activity (channel, conversation, id) was taken already within DUPLICATE_WINDOW_MS. */
async function firstDelivery(store: KeyValueStore, activity: Activity, logger: Logger): Promise<boolean> {
  if (typeof activity.id !== 'string' || activity.id === '') return true;
  // Hashed: the key's size stays the same whatever the ids' lengths.
  const key = `botframework:activity:${createHash('sha256')
    .update(JSON.stringify([activity.channelId, activity.conversation.id, activity.id]))
    .digest('base64url')}`;
  try {
    return await store.setIfAbsent(key, true, DUPLICATE_WINDOW_MS);
  } catch (error) {
    // The turn needs the store too, and tells the citizen when it fails; a duplicate is the lesser harm.
    logger.warn('activity ids cannot be checked for repeats: the short-lived store does not answer', { error });
    return true;
  }
}
