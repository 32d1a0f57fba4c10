import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import twilio from 'twilio';
import type { RequestOptions } from 'twilio/lib/base/RequestClient';
import type { Clock } from '../lib/clock';
import type { SmsSender } from '../domain/sms';

/** The embedded default: each SMS becomes one JSON line {"to","body","at"} in the outbox. */
export function outboxSms(file: string, clock: Clock): SmsSender {
  mkdirSync(dirname(file), { recursive: true });
  return {
    async send(to, body) {
      appendFileSync(file, JSON.stringify({ to, body, at: clock.now().toISOString() }) + '\n', { mode: 0o600 });
    },
  };
}

/** Retries of a throttled request (HTTP 429); a client of our own must be given them too. */
const RETRIES = { autoRetry: true, maxRetries: 2 } as const;

export type TwilioCredentials = { accountSid: string; authToken: string; apiBaseUrl?: string };

/** Twilio's Messages resource, as the SMS code sender and the SMS/WhatsApp channel use it. */
export interface TwilioMessages {
  create(message: { to: string; from: string; body: string }): Promise<{ sid: string }>;
}

/** Twilio's REST client; `apiBaseUrl` points it at a sandbox or a local fake instead of api.twilio.com. */
export function twilioMessages(options: TwilioCredentials): TwilioMessages {
  const client = twilio(options.accountSid, options.authToken, {
    httpClient: options.apiBaseUrl ? new RebasedRequestClient(options.apiBaseUrl) : undefined,
    ...RETRIES,
  });
  return {
    async create(message) {
      const sent = await client.messages.create(message);
      return { sid: sent.sid };
    },
  };
}

/** SMS codes through Twilio, from TWILIO_SMS_FROM. */
export function twilioSms(messages: TwilioMessages, from: string): SmsSender {
  return {
    async send(to, body) {
      await messages.create({ to, from, body });
    },
  };
}

/** Sends every Twilio request to another origin, keeping its path. */
class RebasedRequestClient extends twilio.RequestClient {
  private readonly base: URL;

  constructor(baseUrl: string) {
    super({ timeout: 10_000, ...RETRIES });
    this.base = new URL(baseUrl);
  }

  override request<TData>(options: RequestOptions<TData>) {
    const target = new URL(options.uri);
    const rebased = new URL(this.base.toString());
    rebased.pathname = `${this.base.pathname.replace(/\/$/, '')}${target.pathname}`;
    rebased.search = target.search;
    return super.request<TData>({ ...options, uri: rebased.toString() });
  }
}
