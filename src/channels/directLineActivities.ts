import type { Activity } from 'botbuilder';
import type { Server } from 'restify';
import { z } from 'zod';
import type { StreamedActivity } from './activityStreams';
import type { DirectLineGrant } from './directLineTokens';
import { BOT_ACCOUNT, DIRECT_LINE_CHANNEL } from './directLineAdapter';
import { DIRECT_LINE_SERVICE_URL } from './secretMessages';
import { MAX_MESSAGE_LENGTH } from '../bot';
import {
  bearer,
  DIRECT_LINE_PATH,
  HttpError,
  parseJson,
  readBody,
  type DirectLineGuard,
  type DirectLineOptions,
} from './directLineRequests';

/** An activity from the page is a few hundred bytes; a 2,000-character message with its envelope stays far below this. */
const MAX_ACTIVITY_BYTES = 32 * 1024;
/** Characters of a refused (too long) text kept in its echo. */
const REFUSED_ECHO_LENGTH = 100;

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

/** What the page posts: a message, an event or typing, checked, then run as a turn and echoed into the stream. */
export function mountActivityPost(server: Server, options: DirectLineOptions, guard: DirectLineGuard): void {
  const { adapter, streams, clock } = options;
  const { senderOf, authorize, limit, route } = guard;
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
}

/** The envelope every activity of the conversation carries: channel, our service URL, user and bot. */
export function envelope(grant: DirectLineGrant): Partial<Activity> {
  return {
    channelId: DIRECT_LINE_CHANNEL,
    serviceUrl: DIRECT_LINE_SERVICE_URL,
    conversation: { id: grant.conversationId, isGroup: false, conversationType: 'personal', name: '' },
    from: { id: grant.userId, name: '', role: 'user' },
    recipient: { id: BOT_ACCOUNT.id, name: BOT_ACCOUNT.name, role: 'bot' },
  };
}

/** A text too long to be read is refused by the bot: its echo keeps the beginning the page shows, not the body. */
function refusedEcho(text: string): string {
  return `${Array.from(text.slice(0, REFUSED_ECHO_LENGTH + 1))
    .slice(0, REFUSED_ECHO_LENGTH)
    .join('')}…`;
}
