import type { Request, Response, Server } from 'restify';
import { CALL_CENTER_TEL, LANGUAGE_TAGS, translate, type MessageKey } from '../language/messages';
import type { Locale } from '../language/locale';
import { openingTopicOf, type OpeningTopic } from '../language/intents/openingTopics';
import type { RandomSource } from '../lib/random';
import { escapeHtml, page, sendPage } from './html';
import { pickLocale } from './linkForms';
import { assetUrl } from './staticAssets';

const RENEWAL: OpeningTopic = 'renewal';
/** The citizens' chat opening with the renewal steps: each expiry reminder links `${PUBLIC_BASE_URL}${RENEWAL_CHAT_PATH}`. */
export const RENEWAL_CHAT_PATH = `/?topic=${RENEWAL}`;

export type ChatPageOptions = {
  /** Where the page lives ("/" for citizens). */
  path: string;
  /** Where the page's script asks for a Direct Line token (POST). */
  tokenUrl: string;
  /** Where Web Chat finds our Direct Line 3.0, relative to the page's origin. */
  directLinePath: string;
  title: MessageKey;
  intro: MessageKey;
  /** PUBLIC_BASE_URL: its WebSocket origin is allowed besides the page's own. */
  publicBaseUrl: string;
  random: RandomSource;
  /** Decides whether this visitor may see the page; when not, it has answered and returns false. */
  guard?(req: Request, res: Response, locale: Locale): Promise<boolean>;
  /** Whether `?topic=` may choose what the conversation opens with (the citizens' page; not the agent console). */
  topics?: boolean;
  /** The panel beside the chat; the citizens' guide when absent. */
  aside?(locale: Locale): string;
};

/** What the page's script is given: where to connect, the language, the topic to open with, and its sentences. */
type ChatConfig = {
  tokenUrl: string;
  directLinePath: string;
  locale: string;
  topic?: OpeningTopic;
  nonce: string;
  strings: { loading: string; unavailable: string; hiddenNote: string };
};

/**
 * GET {path}: the web chat page. Microsoft's Web Chat (served by us, see staticAssets) talks to
 * our own Direct Line, so a conversation never leaves our servers. No inline script: the page's
 * settings travel as JSON, and the CSP allows scripts from this origin only. `?topic=` names what
 * the conversation opens with; only a known topic is passed on, anything else opens the greeting.
 */
export function mountChatPage(server: Server, options: ChatPageOptions): void {
  server.get(options.path, async (req: Request, res: Response) => {
    const locale = pickLocale(req, undefined);
    if (options.guard && !(await options.guard(req, res, locale))) return;
    const topic = options.topics ? openingTopicOf(new URL(req.url ?? '/', 'http://localhost').searchParams.get('topic')) : undefined;
    // Web Chat writes its styles at run time (emotion); the nonce lets exactly those in.
    const nonce = options.random.bytes(16).toString('base64');
    sendPage(res, 200, chatPageHtml(options, locale, nonce, topic), {
      'Content-Security-Policy': chatPagePolicy(options.publicBaseUrl, nonce),
      'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
      'Cross-Origin-Opener-Policy': 'same-origin',
    });
  });
}

/** sha256 of the empty string. */
const EMPTY_STYLE_HASH = 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=';

function chatPagePolicy(publicBaseUrl: string, nonce: string): string {
  const socketOrigin = new URL(publicBaseUrl).origin.replace(/^http/, 'ws');
  return [
    "default-src 'none'",
    "script-src 'self'",
    // The transcript's scrolling (react-scroll-to-bottom, inside the bundle) makes its own empty
    // <style> without the nonce and fills it through the CSSOM: the empty string's hash lets it in.
    `style-src 'self' 'nonce-${nonce}' '${EMPTY_STYLE_HASH}'`,
    // The human check picture arrives as a data: URL, which Web Chat turns into a blob: URL.
    "img-src 'self' data: blob:",
    `connect-src 'self' ${socketOrigin}`,
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function chatPageHtml(options: ChatPageOptions, locale: Locale, nonce: string, topic?: OpeningTopic): string {
  const t = (key: MessageKey) => escapeHtml(translate(locale, key));
  const other: Locale = locale === 'tr' ? 'en' : 'tr';
  const config: ChatConfig = {
    tokenUrl: options.tokenUrl,
    directLinePath: options.directLinePath,
    locale: LANGUAGE_TAGS[locale],
    ...(topic ? { topic } : {}),
    nonce,
    strings: {
      loading: translate(locale, 'chatPage.loading'),
      unavailable: translate(locale, 'chatPage.unavailable'),
      hiddenNote: translate(locale, 'chatPage.hiddenNote'),
    },
  };
  const body = `<p class="intro">${t(options.intro)}</p>
<div class="chat-layout">
<section class="chat-panel" id="chat" tabindex="-1" aria-labelledby="chat-heading">
<h2 id="chat-heading" class="visually-hidden">${t('chatPage.chatHeading')}</h2>
<p id="chat-status" class="chat-status" role="status">${t('chatPage.loading')}</p>
<noscript><p class="chat-status bad">${t('chatPage.noscript')}</p></noscript>
<div id="webchat"></div>
</section>
${options.aside ? options.aside(locale) : citizensGuide(locale)}
</div>`;
  const scripts = `<script type="application/json" id="chat-config">${jsonForHtml(config)}</script>
<script src="${assetUrl('webchat.js')}"></script>
<script src="${assetUrl('chat.js')}"></script>`;
  return page({
    lang: locale,
    title: translate(locale, options.title),
    header: translate(locale, 'page.header'),
    footer: translate(locale, 'page.footer'),
    body,
    // The other language opens with the same topic: a reminder's reader who switches still gets the renewal steps.
    nav: `<a href="${escapeHtml(`${options.path}?lang=${other}${topic ? `&topic=${topic}` : ''}`)}" lang="${other}" hreflang="${other}">${t('page.languageSwitch')}</a>`,
    wide: true,
    skipTo: { href: '#chat', text: translate(locale, 'chatPage.skipLink') },
    scripts,
  });
}

/** What citizens can do here, beside the chat. */
function citizensGuide(locale: Locale): string {
  const t = (key: MessageKey) => escapeHtml(translate(locale, key));
  return `<aside class="guide" aria-labelledby="guide-heading">
<h2 id="guide-heading">${t('chatPage.guideHeading')}</h2>
<ul>
<li>${t('chatPage.guide.forgot')}</li>
<li>${t('chatPage.guide.login')}</li>
<li>${t('chatPage.guide.commands')}</li>
</ul>
<p>${t('chatPage.privacy')}</p>
<p class="call-center-box">${t('chatPage.callCenter')} <a href="${CALL_CENTER_TEL}"><strong>${t('callCenter.number')}</strong></a></p>
</aside>`;
}

/** JSON that cannot close the script element it sits in. */
function jsonForHtml(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}
