import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Request, Response, Server } from 'restify';
import { escapeHtml, page, sendPage } from './html';

export type OutboxMail = { file: string; to: string; subject: string; date: string; text: string };
export type OutboxSms = { to: string; body: string; at: string };

/** Everything the embedded default "sent", newest last. */
export async function readOutbox(outboxDir: string): Promise<{ mail: OutboxMail[]; sms: OutboxSms[] }> {
  const mailDir = join(outboxDir, 'mail');
  const files = existsSync(mailDir)
    ? readdirSync(mailDir)
        .filter((file) => file.endsWith('.eml'))
        .sort()
    : [];
  const mail: OutboxMail[] = [];
  if (files.length) {
    // Loaded on first use: a development page's mail parser (with its HTML and charset tables) stays out of the server's memory.
    const { simpleParser } = await import('mailparser');
    for (const file of files) {
      const parsed = await simpleParser(readFileSync(join(mailDir, file)));
      const to = Array.isArray(parsed.to) ? parsed.to.map((address) => address.text).join(', ') : (parsed.to?.text ?? '');
      mail.push({ file, to, subject: parsed.subject ?? '', date: parsed.date?.toISOString() ?? '', text: parsed.text ?? '' });
    }
  }
  const smsFile = join(outboxDir, 'sms.jsonl');
  const sms = existsSync(smsFile)
    ? readFileSync(smsFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as OutboxSms)
    : [];
  return { mail, sms };
}

/** An address of this machine's loopback interface (IPv4, IPv6, or IPv4 mapped into IPv6). */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4) || address === '::1';
}

/**
 * GET /dev/outbox: what the embedded default would have mailed or texted, so the journeys can be
 * tried without a mail server or an SMS account. Only mounted outside production when no real
 * transport is set, and it answers only a peer on this machine: the socket's own address, since
 * a header such as X-Forwarded-For is whatever the sender wrote.
 */
export function mountOutboxPage(server: Server, outboxDir: string): void {
  server.get('/dev/outbox', async (req: Request, res: Response) => {
    if (!isLoopback(req.socket.remoteAddress)) {
      res.header('Cache-Control', 'no-store');
      res.send(404, { error: 'Not found.' });
      return;
    }
    const outbox = await readOutbox(outboxDir);
    const format = new URL(req.url ?? '/', 'http://localhost').searchParams.get('format');
    const wantsJson = format === 'json' || (req.headers.accept ?? '').includes('application/json');
    if (wantsJson) {
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(JSON.stringify(outbox));
      return;
    }
    const linkify = (text: string) =>
      escapeHtml(text).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}" rel="noreferrer">${url}</a>`);
    const mails = outbox.mail
      .slice()
      .reverse()
      .map(
        (mail) =>
          `<article><h2>${escapeHtml(mail.subject)}</h2><p class="hint">${escapeHtml(mail.date)} → ${escapeHtml(mail.to)}</p><pre class="pre-wrap">${linkify(mail.text)}</pre></article>`,
      )
      .join('<hr>');
    const texts = outbox.sms
      .slice()
      .reverse()
      .map((sms) => `<li><span class="hint">${escapeHtml(sms.at)} → ${escapeHtml(sms.to)}</span><br>${escapeHtml(sms.body)}</li>`)
      .join('');
    sendPage(
      res,
      200,
      page({
        lang: 'en',
        title: 'Outbox (development)',
        header: 'e-İmza Yardımcısı — mails and SMS written to the outbox instead of being sent',
        footer: 'Shown only when no SMTP_URL / Twilio credentials are configured.',
        body: `<h2>SMS (${outbox.sms.length})</h2><ul>${texts}</ul><h2>E-mail (${outbox.mail.length})</h2>${mails}`,
      }),
    );
  });
}
