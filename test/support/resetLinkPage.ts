import type { NationalId } from '../../src/domain/identity';
import type { TestApp } from './testApp';

/** One mail as GET /dev/outbox?format=json lists it. */
export type ListedMail = { file: string; to: string; subject: string; date: string; text: string };

export async function listOutboxMail(running: TestApp): Promise<ListedMail[]> {
  const response = await fetch(`${running.baseUrl}/dev/outbox?format=json`);
  if (response.status !== 200) throw new Error(`/dev/outbox answered ${response.status}`);
  return ((await response.json()) as { mail: ListedMail[] }).mail;
}

const LINK = /https?:\/\/\S+?\/guvenlik-sozcugu\/([A-Za-z0-9_-]+)(\?lang=en)?(?=\s|$)/;

export type MailedLink = { url: string; token: string; mail: ListedMail };

/**
 * Asks the service for a reset link (as the chat does after the human check) and returns the link
 * mailed for it, read back from the outbox; undefined when no link was mailed.
 */
export async function issueLink(running: TestApp, id: NationalId, locale: 'tr' | 'en' = 'tr'): Promise<MailedLink | undefined> {
  await running.app.background.drain();
  const before = new Set((await listOutboxMail(running)).map((mail) => mail.file));
  await running.app.resetLinks.issue(id, { channel: 'test', locale });
  await running.app.background.drain();
  const added = (await listOutboxMail(running)).filter((mail) => !before.has(mail.file) && LINK.test(mail.text));
  if (added.length > 1) throw new Error(`expected at most one new link mail, found ${added.length}`);
  const mail = added[0];
  if (!mail) return undefined;
  const match = mail.text.match(LINK)!;
  return { url: match[0], token: match[1]!, mail };
}

export type OpenedForm = { status: number; html: string; csrf: string; cookie: string; action: string; response: Response };

/** GET the page the link opens; the CSRF cookie and token of its form. */
export async function openForm(link: string): Promise<OpenedForm> {
  const response = await fetch(link);
  const html = await response.text();
  if (response.status !== 200) throw new Error(`the form did not open: ${response.status}`);
  return {
    status: response.status,
    html,
    csrf: html.match(/name="csrf" value="([^"]+)"/)![1]!,
    cookie: response.headers.get('set-cookie')!.split(';')[0]!,
    action: new URL(html.match(/action="([^"]+)"/)![1]!.replace(/&amp;/g, '&'), link).toString(),
    response,
  };
}

/** POSTs the form as a browser would, with what the test chooses for cookie and token. */
export function postForm(
  action: string,
  fields: Record<string, string>,
  options: { cookie?: string; contentType?: string; body?: string } = {},
): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': options.contentType ?? 'application/x-www-form-urlencoded' };
  if (options.cookie) headers['cookie'] = options.cookie;
  return fetch(action, { method: 'POST', headers, body: options.body ?? new URLSearchParams(fields).toString() });
}

/** Opens the form and submits a word (and its repeat). */
export async function submitWord(link: string, word: string, repeat = word): Promise<{ status: number; html: string; response: Response }> {
  const form = await openForm(link);
  const response = await postForm(form.action, { csrf: form.csrf, lang: 'tr', word, repeat }, { cookie: form.cookie });
  return { status: response.status, html: await response.text(), response };
}

/** The reasons listed in a refusal page's alert box, as text. */
export function refusalReasons(html: string): string[] {
  const box = html.match(/<div role="alert"[^>]*id="problems"[^>]*>([\s\S]*?)<\/div>/);
  if (!box) return [];
  return [...box[1]!.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((item) => item[1]!.trim());
}
