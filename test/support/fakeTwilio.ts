import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** One message the fake accepted, as Twilio's Messages resource would have queued it. */
export type QueuedMessage = { sid: string; accountSid: string; to: string; from: string; body: string; mediaUrls: string[] };

/** The parameters of an inbound-message webhook, as Twilio posts them. */
export type WebhookParams = Record<string, string>;

/** Every request that reached the fake, accepted or not. */
export type SeenRequest = { method: string; path: string; authorized: boolean; contentType: string; status: number };

/**
 * How the fake answers a message:
 * - `queued`: 201 and the message JSON, as Twilio does;
 * - `server-error`: 500 with Twilio's error JSON;
 * - `invalid-to`: 400 with Twilio's error 21211, whose text quotes the number, as Twilio's does.
 */
export type FakeTwilioMode = 'queued' | 'server-error' | 'invalid-to';

const MESSAGES_PATH = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/;

/**
 * A local stand-in for Twilio's REST API (only POST /2010-04-01/Accounts/{AccountSid}/Messages.json),
 * on 127.0.0.1. It checks HTTP basic auth (AccountSid:AuthToken) and the form-encoded To, From
 * and Body, records what it accepts and answers in Twilio's JSON shapes. It also plays Twilio's
 * side of the inbound webhook: the parameters of an incoming SMS or WhatsApp message, signed.
 */
export class FakeTwilio {
  readonly messages: QueuedMessage[] = [];
  readonly requests: SeenRequest[] = [];
  mode: FakeTwilioMode = 'queued';
  /** Milliseconds every answer waits, to play a slow API (the benchmark's slow-SMS run). */
  delayMs = 0;
  private server?: Server;
  private failuresLeft = 0;

  constructor(
    readonly accountSid: string,
    readonly authToken: string,
  ) {}

  /** Starts listening; resolves with the base URL to give as TWILIO_API_BASE_URL. */
  async start(): Promise<string> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((done) => this.server!.listen(0, '127.0.0.1', done));
    return `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((done) => {
      if (!this.server) return done();
      this.server.closeAllConnections();
      this.server.close(() => done());
    });
  }

  /** The next `count` messages are refused with a 500, then the fake accepts messages again. */
  failNext(count: number): void {
    this.failuresLeft = count;
  }

  /**
   * Twilio's webhook signature, written from its documentation rather than taken from the twilio
   * package: base64 of the HMAC-SHA1, keyed with the auth token, of the URL followed by every POST
   * parameter sorted by name, each name then its value.
   */
  sign(url: string, params: WebhookParams, authToken = this.authToken): string {
    const data = Object.keys(params)
      .sort()
      .reduce((signed, name) => signed + name + params[name], url);
    return createHmac('sha1', authToken).update(Buffer.from(data, 'utf8')).digest('base64');
  }

  /**
   * The parameters Twilio posts for an inbound message from `from` (an E.164 number, or
   * whatsapp:+… for WhatsApp) to `to`, with a new MessageSid; `extra` adds or replaces some.
   */
  inboundParams(from: string, to: string, body: string, extra: WebhookParams = {}): WebhookParams {
    const sid = `SM${randomBytes(16).toString('hex')}`;
    const whatsapp = from.startsWith('whatsapp:');
    return {
      ToCountry: 'US',
      ToState: 'CA',
      SmsMessageSid: sid,
      NumMedia: '0',
      ToCity: '',
      FromZip: '',
      SmsSid: sid,
      FromState: '',
      SmsStatus: 'received',
      FromCity: 'ISTANBUL',
      Body: body,
      FromCountry: 'TR',
      To: to,
      ToZip: '',
      NumSegments: '1',
      ReferralNumMedia: '0',
      MessageSid: sid,
      AccountSid: this.accountSid,
      From: from,
      ApiVersion: '2010-04-01',
      ...(whatsapp ? { ProfileName: 'Ayşe', WaId: from.replace(/^whatsapp:\+/, ''), MessageType: 'text' } : {}),
      ...extra,
    };
  }

  /**
   * Posts a webhook the way Twilio does: form-encoded to `deliverTo`, signed for `signedUrl` (the
   * public URL the number is configured with, which behind a proxy is not the address it reaches).
   * `signature: null` leaves the header out; a string replaces it.
   */
  postWebhook(
    deliverTo: string,
    params: WebhookParams,
    options: { signedUrl?: string; signature?: string | null; contentType?: string; body?: string } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = {
      'content-type': options.contentType ?? 'application/x-www-form-urlencoded',
      'user-agent': 'TwilioProxy/1.1',
      'i-twilio-idempotency-token': randomBytes(16).toString('hex'),
    };
    const signature = options.signature === undefined ? this.sign(options.signedUrl ?? deliverTo, params) : options.signature;
    if (signature !== null) headers['x-twilio-signature'] = signature;
    return fetch(deliverTo, { method: 'POST', headers, body: options.body ?? new URLSearchParams(params).toString() });
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://fake').pathname;
      const expected = `Basic ${Buffer.from(`${this.accountSid}:${this.authToken}`).toString('base64')}`;
      const authorized = req.headers.authorization === expected;
      const contentType = String(req.headers['content-type'] ?? '');
      const answer = (status: number, body: unknown) => {
        this.requests.push({ method: req.method ?? '', path, authorized, contentType, status });
        const send = () => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        };
        if (this.delayMs > 0) setTimeout(send, this.delayMs);
        else send();
      };
      const error = (status: number, code: number, message: string) =>
        answer(status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });

      const route = MESSAGES_PATH.exec(path);
      if (req.method !== 'POST' || !route) return error(404, 20404, 'The requested resource was not found');
      if (!authorized || route[1] !== this.accountSid) return error(401, 20003, 'Authenticate');
      if (!contentType.startsWith('application/x-www-form-urlencoded')) return error(400, 20001, 'Unsupported content type');

      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const to = form.get('To');
      const from = form.get('From');
      const body = form.get('Body');
      if (!to) return error(400, 21604, "A 'To' phone number is required.");
      if (!from) return error(400, 21603, "A 'From' phone number is required.");
      if (!body) return error(400, 21602, 'Message body is required.');

      if (this.failuresLeft > 0) {
        this.failuresLeft -= 1;
        return error(500, 20500, 'Internal Server Error');
      }
      if (this.mode === 'server-error') return error(500, 20500, 'Internal Server Error');
      if (this.mode === 'invalid-to') return error(400, 21211, `The 'To' number ${to} is not a valid phone number.`);

      const sid = `SM${randomBytes(16).toString('hex')}`;
      this.messages.push({ sid, accountSid: route[1], to, from, body, mediaUrls: form.getAll('MediaUrl') });
      const now = new Date().toUTCString();
      answer(201, {
        account_sid: route[1],
        api_version: '2010-04-01',
        body,
        date_created: now,
        date_sent: null,
        date_updated: now,
        direction: 'outbound-api',
        error_code: null,
        error_message: null,
        from,
        messaging_service_sid: null,
        num_media: '0',
        num_segments: '1',
        price: null,
        price_unit: 'USD',
        sid,
        status: 'queued',
        subresource_uris: { media: `/2010-04-01/Accounts/${route[1]}/Messages/${sid}/Media.json` },
        to,
        uri: `/2010-04-01/Accounts/${route[1]}/Messages/${sid}.json`,
      });
    });
  }
}
