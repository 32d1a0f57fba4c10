import type { Response } from 'restify';
import { CALL_CENTER_TEL, localeOf, translate, type MessageKey } from '../language/messages';
import { assetUrl } from './staticAssets';

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export type PageOptions = {
  lang: string;
  title: string;
  header: string;
  footer: string;
  body: string;
  /** The language switch, a link to the same page in the other language. */
  nav?: string;
  /** A wide area (the chat) instead of the narrow card of a form. */
  wide?: boolean;
  /** Where the skip link leads; the main content by default. */
  skipTo?: { href: string; text: string };
  /** Markup placed at the end of the body (the chat page's configuration and scripts). */
  scripts?: string;
};

/** The frame shared by the assistant's own pages: one stylesheet, header, main and footer. */
export function page(options: PageOptions): string {
  const locale = localeOf(options.lang, 'tr');
  const t = (key: MessageKey) => escapeHtml(translate(locale, key));
  const skip = options.skipTo ?? { href: '#main', text: translate(locale, 'page.skipLink') };
  const languageNav = options.nav ? `<nav class="language-switch" aria-label="${t('page.languageNav')}">${options.nav}</nav>` : '';
  return `<!doctype html>
<html lang="${escapeHtml(options.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(options.title)}</title>
<link rel="stylesheet" href="${assetUrl('site.css')}">
<link rel="icon" href="${assetUrl('icon.svg')}" type="image/svg+xml">
</head>
<body>
<a class="skip-link" href="${escapeHtml(skip.href)}">${escapeHtml(skip.text)}</a>
<header class="site-header">
<div class="site-header__inner">
<p class="brand"><span class="brand__mark">Kamu SM</span><span class="brand__service">${escapeHtml(options.header)}</span></p>
<div class="site-header__tools">
<p class="call-center">${t('page.callCenterLabel')}: <a href="${CALL_CENTER_TEL}">${t('callCenter.number')}</a></p>
${languageNav}
</div>
</div>
</header>
<main id="main" class="${options.wide ? 'wide' : 'card'}" tabindex="-1">
<h1>${escapeHtml(options.title)}</h1>
${options.body}
</main>
<footer class="site-footer">${escapeHtml(options.footer)}</footer>
${options.scripts ?? ''}
</body>
</html>`;
}

/** Pages that may carry a link token: never cached, never sent on as a referrer, never framed. */
export function sendPage(res: Response, status: number, html: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    Pragma: 'no-cache',
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Content-Security-Policy':
      "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    ...headers,
  });
  res.end(html);
}
