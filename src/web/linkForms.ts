import type { Request, Response } from 'restify';
import { translate, type MessageKey } from '../language/messages';
import type { Locale } from '../language/locale';
import type { Logger } from '../logger';
import type { RandomSource } from '../lib/random';
import { constantTimeEqual, keyedHash, sha256, type SecretKey } from '../lib/secrets';
import type { LinkCheck, LinkState } from '../domain/singleUseLinks';
import { escapeHtml, page, sendPage } from './html';

const MAX_FORM_BYTES = 8 * 1024;
/** As long as a link lives. */
const NONCE_MAX_AGE_S = 1800;

const LINK_STATUS: Record<Exclude<LinkState, 'valid'>, number> = { unknown: 404, expired: 410, used: 410, superseded: 410 };

/** What every page an e-mailed link opens is given by the composition root. */
export type LinkPageDependencies = { csrfKey: SecretKey; random: RandomSource; secureCookies: boolean; logger: Logger };

export type LinkFormOptions = LinkPageDependencies & {
  /** Where the page lives; the link's token follows it. */
  path: string;
  /** The name of the cookie holding the nonce that binds the form to the browser. */
  cookie: string;
};

export type ReceivedForm = { form: URLSearchParams; locale: Locale; token: string; csrf: string };

/** What a page's form is drawn with. */
export type FormContext<Link> = { locale: Locale; token: string; csrf: string; link: Link };

/**
 * The form of a page an e-mailed link opens (SPEC §1.4): bound to the browser (a cookie) and to
 * the link (an HMAC of both), so another site cannot post it; every answer is never cached and
 * never sent on as a referrer.
 */
export class LinkForm {
  constructor(private readonly options: LinkFormOptions) {}

  /**
   * Answers a GET of the page: while the link is live, the form with a fresh nonce; otherwise why
   * not. Opening the page changes nothing.
   */
  async show<Link extends { locale: Locale }>(
    req: Request,
    res: Response,
    check: (token: string) => Promise<LinkCheck<Link>>,
    render: (form: FormContext<Link>) => string,
  ): Promise<void> {
    const token = tokenOf(req);
    const checked = await check(token);
    const locale = pickLocale(req, checked.state === 'valid' ? checked.link.locale : undefined);
    if (checked.state !== 'valid') return sendLinkProblem(res, locale, checked.state);

    const nonce = this.options.random.bytes(16).toString('base64url');
    const cookie = [
      `${this.options.cookie}=${nonce}`,
      `Path=${this.options.path}`,
      'HttpOnly',
      'SameSite=Strict',
      `Max-Age=${NONCE_MAX_AGE_S}`,
    ];
    if (this.options.secureCookies) cookie.push('Secure');
    const csrf = this.csrfToken(nonce, token);
    sendPage(res, 200, render({ locale, token, csrf, link: checked.link }), { 'Set-Cookie': cookie.join('; ') });
  }

  /** The Set-Cookie header that forgets the nonce once the form has done its work. */
  get clearCookie(): string {
    return `${this.options.cookie}=; Path=${this.options.path}; Max-Age=0`;
  }

  /**
   * Reads a POST of the form. When it is too large, not a form, or its CSRF token does not fit the
   * cookie and the link, the refusal has been sent and undefined comes back.
   */
  async receive(req: Request, res: Response): Promise<ReceivedForm | undefined> {
    const token = tokenOf(req);
    const raw = await readBody(req, MAX_FORM_BYTES);
    const form = raw === undefined ? undefined : new URLSearchParams(raw);
    const locale = pickLocale(req, form?.get('lang') ?? undefined);
    if (!form) return refuse(res, 413, locale, 'page.tooLarge');
    if (!isFormPost(req)) return refuse(res, 415, locale, 'page.csrf');
    const nonce = cookieValue(req, this.options.cookie);
    const csrf = form.get('csrf') ?? '';
    if (!nonce || !constantTimeEqual(csrf, this.csrfToken(nonce, token))) {
      this.options.logger.warn('link page: CSRF check failed', { page: this.options.path });
      return refuse(res, 403, locale, 'page.csrf');
    }
    return { form, locale, token, csrf };
  }

  /** The start of the form: where it posts and its hidden fields; the caller adds fields and closes it. */
  formStart(token: string, locale: Locale, csrf: string): string {
    return `<form method="post" action="${escapeHtml(this.address(token, locale))}" autocomplete="off">
<input type="hidden" name="csrf" value="${escapeHtml(csrf)}">
<input type="hidden" name="lang" value="${locale}">`;
  }

  /** The link to the same page in the other language. */
  languageSwitch(token: string, locale: Locale): string {
    const other: Locale = locale === 'tr' ? 'en' : 'tr';
    return `<a href="${escapeHtml(this.address(token, other))}" lang="${other}">${escapeHtml(translate(locale, 'page.languageSwitch'))}</a>`;
  }

  /** The page's address for a token, in a language. */
  private address(token: string, locale: Locale): string {
    return `${this.options.path}/${encodeURIComponent(token)}?lang=${locale}`;
  }

  private csrfToken(nonce: string, linkToken: string): string {
    return keyedHash(this.options.csrfKey, `${nonce}:${sha256(linkToken).toString('base64url')}`);
  }
}

/** The link's token: the last segment of the page's path. */
function tokenOf(req: Request): string {
  return String((req.params as { token?: string }).token ?? '');
}

/** A page in the frame of the assistant's own pages, titled by a message. */
export function linkPage(locale: Locale, title: MessageKey, body: string, nav?: string): string {
  return page({
    lang: locale,
    title: translate(locale, title),
    header: translate(locale, 'page.header'),
    footer: translate(locale, 'page.footer'),
    body,
    nav,
  });
}

/** A result page: one sentence, good news or bad. */
export function resultPage(locale: Locale, key: MessageKey, good: boolean): string {
  const role = good ? 'class="ok" role="status"' : 'class="bad" role="alert"';
  return linkPage(locale, 'page.resultTitle', `<p ${role}>${escapeHtml(translate(locale, key))}</p>`);
}

export function messagePage(locale: Locale, key: MessageKey): string {
  return resultPage(locale, key, false);
}

/** Why a link no longer opens its page: unknown is 404, the rest 410. */
export function sendLinkProblem(res: Response, locale: Locale, state: Exclude<LinkState, 'valid'>): void {
  sendPage(res, LINK_STATUS[state], messagePage(locale, `page.link.${state}`));
}

/** `?lang=en` or the language the link was asked in; Turkish otherwise. */
export function pickLocale(req: Request, fallback: string | undefined): Locale {
  const asked = new URL(req.url ?? '/', 'http://localhost').searchParams.get('lang') ?? fallback;
  return asked === 'en' ? 'en' : 'tr';
}

function refuse(res: Response, status: number, locale: Locale, key: MessageKey): undefined {
  sendPage(res, status, messagePage(locale, key));
  return undefined;
}

function isFormPost(req: Request): boolean {
  return (req.headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
}

export function cookieValue(req: Request, name: string): string | undefined {
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
