import type { CloudAdapter, TurnContext } from 'botbuilder';
import restify, { type Request, type Response, type Server } from 'restify';
import { z } from 'zod';
import { isTwilioConversation } from './twilioAdapter';

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

/** POST /api/messages: Bot Framework activities (Emulator, Azure channels, Teams). */
export function mountBotFramework(server: Server, adapter: CloudAdapter, logic: (context: TurnContext) => Promise<void>): void {
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
      // SMS/WhatsApp conversations have predictable ids ("sms:+90…"): only Twilio's signed webhook may speak in them.
      if (isTwilioConversation(envelope.data)) {
        res.send(400, { error: 'SMS and WhatsApp conversations are reached only through Twilio.' });
        return;
      }
      await adapter.process(req, res, logic);
    },
  );
}
