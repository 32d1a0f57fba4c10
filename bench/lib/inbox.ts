import { existsSync, mkdirSync, readdirSync, readFileSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { FakeTwilio } from '../../test/support/fakeTwilio';

/** A mail as far as the journey needs it: its recipient and its text with the link. */
export type Mail = { to: string; text: string };

/**
 * Where the load generator reads what the assistant "sent" to a citizen: mails (the reset link)
 * and SMS (the code), looked up by recipient. Each synthetic citizen has an address and a number
 * of its own, so the lookups never mix conversations.
 */
export abstract class Inbox {
  private readonly mails = new Map<string, Mail[]>();
  private readonly sms = new Map<string, string[]>();
  private waiters: (() => void)[] = [];
  mailCount = 0;
  smsCount = 0;

  protected addMail(mail: Mail): void {
    const list = this.mails.get(mail.to) ?? [];
    list.push(mail);
    this.mails.set(mail.to, list);
    this.mailCount += 1;
    this.wake();
  }

  protected addSms(to: string, body: string): void {
    const list = this.sms.get(to) ?? [];
    list.push(body);
    this.sms.set(to, list);
    this.smsCount += 1;
    this.wake();
  }

  /** The first mail to `to` whose text matches. */
  waitForMail(to: string, pattern: RegExp, timeoutMs: number): Promise<Mail> {
    return this.waitFor(() => this.mails.get(to.toLowerCase())?.find((mail) => pattern.test(mail.text)), timeoutMs, `a mail to ${to}`);
  }

  /** The newest SMS to `to`. */
  waitForSms(to: string, timeoutMs: number): Promise<string> {
    return this.waitFor(() => this.sms.get(to)?.at(-1), timeoutMs, `an SMS to ${to}`);
  }

  abstract close(): Promise<void>;

  protected async waitFor<T>(read: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = read();
      if (value !== undefined) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`${what} did not arrive in ${timeoutMs} ms`);
      await new Promise<void>((done) => {
        // A short poll too, for the outbox's file events that may be merged.
        const timer = setTimeout(done, Math.min(left, 250));
        this.waiters.push(() => {
          clearTimeout(timer);
          done();
        });
      });
      this.poll();
    }
  }

  /** Looks for anything new the events missed. */
  protected poll(): void {}

  private wake(): void {
    const waiters = this.waiters.splice(0);
    waiters.forEach((wake) => wake());
  }
}

/** Reads a raw RFC 822 mail far enough for the journey: To and the text, quoted-printable undone. */
export function parseRawMail(raw: string): Mail {
  const split = raw.search(/\r?\n\r?\n/);
  const headers = raw.slice(0, split).replace(/\r?\n[ \t]+/g, ' ');
  const to = /^To:\s*(?:.*<)?([^<>\s]+@[^<>\s]+?)>?\s*$/im.exec(headers)?.[1] ?? '';
  const body = raw
    .slice(split)
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_all, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return { to: to.toLowerCase(), text: body };
}

/** The embedded default's outbox: DATA_DIR/outbox/mail/*.eml and DATA_DIR/outbox/sms.jsonl, watched and read as they grow. */
export class OutboxInbox extends Inbox {
  private readonly seenFiles = new Set<string>();
  private smsOffset = 0;
  private readonly watchers: FSWatcher[] = [];
  private readonly mailDir: string;
  private readonly smsFile: string;

  constructor(dataDir: string) {
    super();
    this.mailDir = join(dataDir, 'outbox', 'mail');
    this.smsFile = join(dataDir, 'outbox', 'sms.jsonl');
    mkdirSync(this.mailDir, { recursive: true });
    this.watchers.push(watch(this.mailDir, () => this.readMail()));
    this.watchers.push(watch(join(dataDir, 'outbox'), () => this.readSms()));
    this.poll();
  }

  protected override poll(): void {
    this.readMail();
    this.readSms();
  }

  private readMail(): void {
    for (const name of readdirSync(this.mailDir)) {
      // The assistant writes NAME.eml.part and renames it: an .eml file is always whole.
      if (this.seenFiles.has(name) || !name.endsWith('.eml')) continue;
      let raw: string;
      try {
        raw = readFileSync(join(this.mailDir, name), 'utf8');
      } catch {
        continue;
      }
      this.seenFiles.add(name);
      this.addMail(parseRawMail(raw));
    }
  }

  private readSms(): void {
    if (!existsSync(this.smsFile)) return;
    const content = readFileSync(this.smsFile);
    if (content.length <= this.smsOffset) return;
    const fresh = content.subarray(this.smsOffset).toString('utf8');
    const complete = fresh.lastIndexOf('\n');
    if (complete < 0) return;
    this.smsOffset += Buffer.byteLength(fresh.slice(0, complete + 1), 'utf8');
    for (const line of fresh.slice(0, complete).split('\n')) {
      if (line.trim() === '') continue;
      const { to, body } = JSON.parse(line) as { to: string; body: string };
      this.addSms(to, body);
    }
  }

  async close(): Promise<void> {
    this.watchers.forEach((watcher) => watcher.close());
  }
}

export const BENCH_TWILIO = {
  accountSid: `AC${'b'.repeat(32)}`,
  authToken: 'bench-auth-token',
  from: '+15005550006',
};

/**
 * Real transports on loopback: an SMTP server (smtp-server) and the fake Twilio REST API of the
 * tests, each answering after `delayMs` (0, or 2 s for the slow run).
 */
export class ServicesInbox extends Inbox {
  private smtp?: SMTPServer;
  private readonly twilio = new FakeTwilio(BENCH_TWILIO.accountSid, BENCH_TWILIO.authToken);
  private twilioSeen = 0;
  private twilioPoll?: NodeJS.Timeout;
  smtpUrl = '';
  twilioUrl = '';

  constructor(private delayMs: number) {
    super();
  }

  /** From now on, mail and SMS are answered after `ms`. */
  setDelay(ms: number): void {
    this.delayMs = ms;
    this.twilio.delayMs = ms;
  }

  async start(): Promise<void> {
    this.smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      // Many mails at once, as a real relay accepts them.
      maxClients: 1000,
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const mail = parseRawMail(Buffer.concat(chunks).toString('utf8'));
          // The slow server takes its time before accepting the message.
          setTimeout(() => {
            callback();
            this.addMail(mail);
          }, this.delayMs);
        });
      },
    });
    await new Promise<void>((done) => this.smtp!.listen(0, '127.0.0.1', done));
    this.smtpUrl = `smtp://127.0.0.1:${(this.smtp.server.address() as { port: number }).port}`;
    this.twilio.delayMs = this.delayMs;
    this.twilioUrl = await this.twilio.start();
    this.twilioPoll = setInterval(() => this.poll(), 20);
  }

  /** The environment that sends the assistant's mail and SMS here. */
  env(): Record<string, string> {
    return {
      SMTP_URL: this.smtpUrl,
      TWILIO_ACCOUNT_SID: BENCH_TWILIO.accountSid,
      TWILIO_AUTH_TOKEN: BENCH_TWILIO.authToken,
      TWILIO_SMS_FROM: BENCH_TWILIO.from,
      TWILIO_API_BASE_URL: this.twilioUrl,
    };
  }

  protected override poll(): void {
    const messages = this.twilio.messages;
    while (this.twilioSeen < messages.length) {
      const message = messages[this.twilioSeen++]!;
      this.addSms(message.to, message.body);
    }
  }

  async close(): Promise<void> {
    clearInterval(this.twilioPoll);
    await this.twilio.stop();
    await new Promise<void>((done) => (this.smtp ? this.smtp.close(() => done()) : done()));
  }
}
