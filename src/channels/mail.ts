import { mkdirSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Mailer, OutgoingMail } from '../domain/notifications';
import type { RandomSource } from '../lib/random';

/** Real delivery through the SMTP server of SMTP_URL. */
export function smtpMailer(smtpUrl: string, from: string): Mailer {
  // Short timeouts: a hanging server must not hold a mail past its lease (the worker retries later).
  const transport = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
  return {
    async send(mail: OutgoingMail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
  };
}

/** The embedded default: every mail becomes an .eml file in the outbox folder. */
export function outboxMailer(folder: string, from: string, random: RandomSource): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  mkdirSync(folder, { recursive: true });
  return {
    async send(mail: OutgoingMail) {
      const info = await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${random.bytes(4).toString('hex')}.eml`;
      // Not writeFileSync: creating a file can take milliseconds, and the event loop serves every conversation.
      // Written under another name, then renamed: whoever lists the outbox (its page, a test) never
      // reads a mail half written (the outbox page once listed one with no subject yet).
      const file = join(folder, name);
      await writeFile(`${file}.part`, info.message as Buffer, { mode: 0o600 });
      await rename(`${file}.part`, file);
    },
  };
}
