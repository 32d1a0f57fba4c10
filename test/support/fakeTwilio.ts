import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** One message the fake accepted, as Twilio's Messages resource would have queued it. */
export type QueuedMessage = { sid: string; accountSid: string; to: string; from: string; body: string };

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
 * and Body, records what it accepts and answers in Twilio's JSON shapes.
 */
export class FakeTwilio {
  readonly messages: QueuedMessage[] = [];
  readonly requests: SeenRequest[] = [];
  mode: FakeTwilioMode = 'queued';
  private server?: Server;

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
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
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

      if (this.mode === 'server-error') return error(500, 20500, 'Internal Server Error');
      if (this.mode === 'invalid-to') return error(400, 21211, `The 'To' number ${to} is not a valid phone number.`);

      const sid = `SM${randomBytes(16).toString('hex')}`;
      this.messages.push({ sid, accountSid: route[1]!, to, from, body });
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
