import type { Request, Response, Server } from 'restify';
import { translate, type MessageKey } from '../language/messages';
import type { Locale } from '../language/recognize';
import type { LinkState, ResetLinkService } from '../services/resetLinks';
import type { RandomSource } from '../services/random';
import { constantTimeEqual, keyedHash, sha256 } from '../services/secrets';
import type { Logger } from '../logger';
import { escapeHtml, page, sendPage } from './html';

export const RESET_PATH = '/guvenlik-sozcugu';
const CSRF_COOKIE = 'gs_csrf';
const MAX_FORM_BYTES = 8 * 1024;

const LINK_STATUS: Record<Exclude<LinkState, 'valid'>, number> = { unknown: 404, expired: 410, used: 410, superseded: 410 };

type Dependencies = {
  resetLinks: ResetLinkService;
  random: RandomSource;
  csrfKey: Buffer;
  secureCookies: boolean;
  logger: Logger;
};

/**
 * Güvenlik Sözcüğü Güncelleme Ekranı: the page the e-mailed link opens. The form is bound to the
 * browser (a cookie) and to the link (an HMAC of both), so another site cannot post it.
 */
export function mountResetPage(server: Server, deps: Dependencies): void {
  server.get(`${RESET_PATH}/:token`, async (req: Request, res: Response) => {
    const token = String(req.params['token'] ?? '');
    const check = await deps.resetLinks.check(token);
    const locale = pickLocale(req, check.state === 'valid' ? check.link.locale : undefined);
    if (check.state !== 'valid') return sendLinkProblem(res, locale, check.state);

    const nonce = deps.random.bytes(16).toString('base64url');
    const cookie = [`${CSRF_COOKIE}=${nonce}`, `Path=${RESET_PATH}`, 'HttpOnly', 'SameSite=Strict', 'Max-Age=1800'];
    if (deps.secureCookies) cookie.push('Secure');
    sendPage(res, 200, formPage(locale, token, csrfToken(deps.csrfKey, nonce, token), []), { 'Set-Cookie': cookie.join('; ') });
  });

  server.post(`${RESET_PATH}/:token`, async (req: Request, res: Response) => {
    const token = String(req.params['token'] ?? '');
    const raw = await readBody(req, MAX_FORM_BYTES);
    const form = raw === undefined ? undefined : new URLSearchParams(raw);
    const locale = pickLocale(req, form?.get('lang') ?? undefined);
    if (!form) return sendPage(res, 413, messagePage(locale, 'page.tooLarge'));
    if (!isFormPost(req)) return sendPage(res, 415, messagePage(locale, 'page.csrf'));

    const nonce = cookieValue(req, CSRF_COOKIE);
    const sent = form.get('csrf') ?? '';
    if (!nonce || !constantTimeEqual(sent, csrfToken(deps.csrfKey, nonce, token))) {
      deps.logger.warn('reset page: CSRF check failed');
      return sendPage(res, 403, messagePage(locale, 'page.csrf'));
    }

    const outcome = await deps.resetLinks.complete(token, form.get('word') ?? '', form.get('repeat') ?? '');
    if (outcome.result === 'link') return sendLinkProblem(res, locale, outcome.state);
    if (outcome.result === 'refused') {
      return sendPage(res, 422, formPage(locale, token, sent, outcome.rules.map((rule) => `page.rule.${rule}` as MessageKey)));
    }
    sendPage(res, 200, resultPage(locale), { 'Set-Cookie': `${CSRF_COOKIE}=; Path=${RESET_PATH}; Max-Age=0` });
  });
}

function csrfToken(key: Buffer, nonce: string, linkToken: string): string {
  return keyedHash(key, `${nonce}:${sha256(linkToken).toString('base64url')}`);
}

function pickLocale(req: Request, fallback: string | undefined): Locale {
  const asked = new URL(req.url ?? '/', 'http://localhost').searchParams.get('lang') ?? fallback;
  return asked === 'en' ? 'en' : 'tr';
}

function formPage(locale: Locale, token: string, csrf: string, problems: MessageKey[]): string {
  const t = (key: MessageKey) => escapeHtml(translate(locale, key));
  const action = `${RESET_PATH}/${encodeURIComponent(token)}?lang=${locale}`;
  const errors = problems.length
    ? `<div role="alert" class="bad" id="problems"><p>${t('page.refused')}</p><ul>${problems.map((key) => `<li>${t(key)}</li>`).join('')}</ul></div>`
    : '';
  const other: Locale = locale === 'tr' ? 'en' : 'tr';
  return page({
    lang: locale,
    title: translate(locale, 'page.title'),
    header: translate(locale, 'page.header'),
    footer: translate(locale, 'page.footer'),
    nav: `<a href="${RESET_PATH}/${encodeURIComponent(token)}?lang=${other}" lang="${other}">${escapeHtml(translate(locale, 'page.languageSwitch'))}</a>`,
    body: `<p>${t('page.intro')}</p>
<p class="hint" id="rules">${t('page.rules')}</p>
${errors}
<form method="post" action="${escapeHtml(action)}" autocomplete="off">
<input type="hidden" name="csrf" value="${escapeHtml(csrf)}">
<input type="hidden" name="lang" value="${locale}">
<label for="word">${t('page.word')}</label>
<input type="password" id="word" name="word" required minlength="8" maxlength="64" autocomplete="new-password" placeholder="${t('page.wordHint')}" aria-describedby="rules"${problems.length ? ' aria-invalid="true"' : ''}>
<label for="repeat">${t('page.repeat')}</label>
<input type="password" id="repeat" name="repeat" required minlength="8" maxlength="64" autocomplete="new-password" placeholder="${t('page.repeatHint')}">
<button type="submit">${t('page.submit')}</button>
</form>`,
  });
}

function resultPage(locale: Locale): string {
  return page({
    lang: locale,
    title: translate(locale, 'page.resultTitle'),
    header: translate(locale, 'page.header'),
    footer: translate(locale, 'page.footer'),
    body: `<p class="ok" role="status">${escapeHtml(translate(locale, 'page.success'))}</p>`,
  });
}

export function messagePage(locale: Locale, key: MessageKey): string {
  return page({
    lang: locale,
    title: translate(locale, 'page.resultTitle'),
    header: translate(locale, 'page.header'),
    footer: translate(locale, 'page.footer'),
    body: `<p class="bad" role="alert">${escapeHtml(translate(locale, key))}</p>`,
  });
}

function sendLinkProblem(res: Response, locale: Locale, state: Exclude<LinkState, 'valid'>): void {
  sendPage(res, LINK_STATUS[state], messagePage(locale, `page.link.${state}`));
}

function isFormPost(req: Request): boolean {
  return (req.headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
}

function cookieValue(req: Request, name: string): string | undefined {
  const header = req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=') || undefined;
  }
  return undefined;
}

/** Reads a request body up to `limit` bytes; undefined when it is larger. */
export function readBody(req: Request, limit: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
