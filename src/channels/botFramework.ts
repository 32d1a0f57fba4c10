import type { Activity, TurnContext } from 'botbuilder';
import restify, { type Request, type Response, type Server } from 'restify';
import { z } from 'zod';
import type { Logger } from '../logger';
import type { KeyValueStore } from '../services/keyValueStore';
import type { BotFrameworkCloudAdapter } from './botFrameworkAdapter';
import { DIRECT_LINE_SERVICE_URL } from './secretMessages';
import { isTwilioConversation } from './twilioAdapter';
import { adoptSubmittedChoice } from './teams';
import { setVerifiedIdentity } from './verifiedIdentity';

/** Request bodies of Bot Framework activities; a 1 MB text still gets a polite answer. */
const MAX_ACTIVITY_BYTES = 2 * 1024 * 1024;

/**
 * The fields the bot relies on, checked before an activity reaches the adapter, so a malformed one
 * gets a 400 instead of failing inside a turn.
 */
const activityEnvelope = z.looseObject({
  type: z.string().min(1).max(64),
  channelId: z.string().min(1).max(64),
  serviceUrl: z.string().max(2048).optional(),
  conversation: z.looseObject({ id: z.string().min(1).max(512) }),
  from: z.looseObject({ id: z.string().max(512) }).optional(),
  recipient: z.looseObject({ id: z.string().max(512) }).optional(),
  locale: z.string().max(32).optional(),
  text: z.string().optional(),
  membersAdded: z.array(z.looseObject({ id: z.string() })).optional(),
});

/**
 * Teams sends a message again when the bot has not answered within 15 s: an activity id seen in a
 * conversation within this window is answered 200 and not processed again.
 */
export const DUPLICATE_WINDOW_MS = 10 * 60_000;

export type BotFrameworkOptions = {
  /** Remembers the activity ids already taken (Redis with REDIS_URL, so across instances). */
  store: KeyValueStore;
  logger: Logger;
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
  const run = (tokenVerified: boolean) => (context: TurnContext) => {
    if (tokenVerified) vouchForTeamsSender(context);
    adoptSubmittedChoice(context.activity);
    return logic(context);
  };
  server.post(
    '/api/messages',
    restify.plugins.bodyParser({ maxBodySize: MAX_ACTIVITY_BYTES, mapParams: false, mapFiles: false }),
    async (req: Request, res: Response) => {
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
      // Our web chat's conversations are reached only through our Direct Line and its tokens.
      if (envelope.data.serviceUrl === DIRECT_LINE_SERVICE_URL) {
        res.send(400, { error: 'Web chat conversations are reached only through Direct Line.' });
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
        logger.warn('Bot Framework request refused', { status: authentication.status, reason: authentication.reason, channel: envelope.data.channelId });
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
      try {
        const invokeResponse = await adapter.run(authentication.result, activity, run(authentication.tokenVerified));
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
  const key = `botframework:activity:${activity.channelId}:${activity.conversation.id}:${activity.id}`;
  try {
    return await store.setIfAbsent(key, true, DUPLICATE_WINDOW_MS);
  } catch (error) {
    // The turn needs the store too, and tells the citizen when it fails; a duplicate is the lesser harm.
    logger.warn('activity ids cannot be checked for repeats: the short-lived store does not answer', { error });
    return true;
  }
}
