import type { TurnContext } from 'botbuilder';
import restify, { type Request, type Response, type Server } from 'restify';
import twilio from 'twilio';
import type { Logger } from '../logger';
import type { BackgroundTasks } from '../lib/background';
import type { KeyValueStore } from '../lib/keyValueStore';
import type { InboundMessage, TwilioAdapter, TwilioChannel } from './twilioAdapter';

export const TWILIO_WEBHOOK_PATH = '/api/twilio/messages';

/**
 * Twilio retries a webhook it got no timely answer for, with the same MessageSid. A sid is
 * remembered for a week, so neither a retry nor a replay of a captured request is processed twice.
 */
const SEEN_MESSAGE_TTL_MS = 7 * 24 * 60 * 60_000;
/** Twilio's inbound parameters are a few kilobytes even with a 1,600-character body. */
const MAX_WEBHOOK_BYTES = 64 * 1024;
const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

const E164 = /^\+[1-9]\d{6,14}$/;
const MESSAGE_SID = /^[A-Z]{2}[0-9a-fA-F]{32}$/;

export type TwilioWebhookOptions = {
  /** Unset: the endpoint answers 404, since a webhook whose signature cannot be checked cannot be trusted. */
  channel?: { authToken: string; adapter: TwilioAdapter };
  /** The address Twilio calls, which is what it signs; behind a proxy not the one this server sees. */
  publicBaseUrl: string;
  store: KeyValueStore;
  /** Where handled MessageSids are remembered (the database on the embedded default, to outlive a restart); the store by default. */
  seenMessages?: Pick<KeyValueStore, 'setIfAbsent'>;
  background: BackgroundTasks;
  logger: Logger;
  logic: (context: TurnContext) => Promise<void>;
  /** Said in the TwiML answer when the short-lived store is down and the message cannot be handled. */
  unavailableReply: string;
};

type Params = Record<string, string | string[]>;

/**
 * POST /api/twilio/messages: Twilio's inbound SMS and WhatsApp webhook. A signed, new message is
 * answered at once with empty TwiML and its turn runs afterwards, sending the replies through the
 * REST API: Twilio waits only 15 s, and a turn may wait for an earlier one of the same number.
 */
export function mountTwilioWebhook(server: Server, options: TwilioWebhookOptions): void {
  server.post(TWILIO_WEBHOOK_PATH, restify.plugins.bodyReader({ maxBodySize: MAX_WEBHOOK_BYTES }), async (req: Request, res: Response) => {
    const { channel, logger } = options;
    if (!channel) {
      res.send(404, { error: 'The SMS and WhatsApp channel is not enabled on this server.' });
      return;
    }
    if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded')) {
      res.send(415, { error: 'Twilio webhooks are sent as application/x-www-form-urlencoded.' });
      return;
    }
    const params = formParams(typeof req.body === 'string' ? req.body : '');
    const signature = req.header('X-Twilio-Signature');
    if (!signature || !signatureHolds(channel.authToken, signature, `${options.publicBaseUrl}${req.url ?? ''}`, params)) {
      logger.warn('Twilio webhook refused: signature missing or wrong', { signed: Boolean(signature) });
      res.send(403, { error: 'The X-Twilio-Signature header is missing or does not match.' });
      return;
    }

    // A status callback sent here by mistake is not a citizen's message.
    if (single(params, 'MessageStatus') !== undefined) {
      logger.info('Twilio status callback ignored: configure it elsewhere or leave it unset');
      answerTwiml(res);
      return;
    }
    const inbound = inboundOf(params);
    if (typeof inbound === 'string') {
      logger.warn('Twilio webhook refused', { reason: inbound });
      res.send(400, { error: inbound });
      return;
    }
    const fresh = await (options.seenMessages ?? options.store)
      .setIfAbsent(`twilio:message:${inbound.messageSid}`, true, SEEN_MESSAGE_TTL_MS)
      .catch((error: unknown) => {
        logger.error('Twilio message not handled: the short-lived store does not answer', { error });
        return undefined;
      });
    if (fresh === undefined) {
      // Nothing can be handled without the store, but TwiML can still tell the citizen, with no REST call.
      answerTwiml(res, options.unavailableReply);
      return;
    }
    if (!fresh) {
      logger.info('Twilio message already handled', { channel: inbound.channel });
      answerTwiml(res);
      return;
    }
    answerTwiml(res);
    options.background.run('twilio-turn', () => channel.adapter.processInbound(inbound, options.logic));
  });
}

/** 200 with TwiML: empty (the replies go through the REST API), or with one message. */
function answerTwiml(res: Response, message?: string): void {
  res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8', 'cache-control': 'no-store' });
  if (message === undefined) res.end(EMPTY_TWIML);
  else
    res.end(
      `<?xml version="1.0" encoding="UTF-8"?><Response><Message>${message.replace(/[&<>"']/g, (char) => XML_ESCAPES[char]!)}</Message></Response>`,
    );
}

/** Twilio's own check: HMAC-SHA1 with the auth token over the public URL and the sorted parameters. */
function signatureHolds(authToken: string, signature: string, url: string, params: Params): boolean {
  try {
    return twilio.validateRequest(authToken, signature, url, params);
  } catch {
    // A URL the check cannot parse is one Twilio did not sign.
    return false;
  }
}

/** Every parameter as sent, a repeated one as a list, as the signature covers them. */
function formParams(body: string): Params {
  // No prototype: a parameter named __proto__ is just a parameter.
  const params: Params = Object.create(null) as Params;
  for (const [name, value] of new URLSearchParams(body)) {
    const seen = params[name];
    params[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return params;
}

function single(params: Params, name: string): string | undefined {
  const value = params[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The message, or why it cannot be handled. A missing Body is an empty one (a picture alone has none). */
function inboundOf(params: Params): InboundMessage | string {
  const messageSid = single(params, 'MessageSid') ?? single(params, 'SmsMessageSid');
  if (!messageSid || !MESSAGE_SID.test(messageSid)) return 'MessageSid is missing or malformed.';
  const sender = senderOf(single(params, 'From'));
  if (!sender) return 'From must be a phone number (+…) or a WhatsApp address (whatsapp:+…).';
  const numMedia = Number(single(params, 'NumMedia') ?? '0');
  return {
    messageSid,
    ...sender,
    to: single(params, 'To') || undefined,
    body: single(params, 'Body') ?? '',
    numMedia: Number.isInteger(numMedia) && numMedia >= 0 ? numMedia : 0,
  };
}

function senderOf(from: string | undefined): { channel: TwilioChannel; phone: string } | undefined {
  if (!from) return undefined;
  const whatsapp = /^whatsapp:(.*)$/.exec(from);
  const channel: TwilioChannel = whatsapp ? 'whatsapp' : 'sms';
  const phone = (whatsapp ? whatsapp[1]! : from).trim();
  return E164.test(phone) ? { channel, phone } : undefined;
}
