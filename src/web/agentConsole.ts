import type { Request, Response, Server } from 'restify';
import type { Locale } from '../language/locale';
import { translate, type MessageKey } from '../language/messages';
import type { Logger } from '../logger';
import { AGENT_SESSION_TTL_MS, type AgentSession, type AgentSignIn, type UsedMarks } from './agentSignIn';
import type { AgentDirectory } from '../domain/agents';
import type { KeyValueStore } from '../lib/keyValueStore';
import { escapeHtml, sendPage } from './html';
import { cookieValue, linkPage, messagePage, pickLocale, readBody } from './linkForms';

export const AGENT_CONSOLE_PATH = '/temsilci';
export const AGENT_SIGN_IN_PATH = `${AGENT_CONSOLE_PATH}/giris`;
export const AGENT_TOKEN_PATH = `${AGENT_CONSOLE_PATH}/token`;
const SIGN_OUT_PATH = `${AGENT_CONSOLE_PATH}/cikis`;
const COOKIE = 'eimza_agent';
/** The web chat identity agents of the seed file have on the console (SPEC §6 "channel"). */
export const AGENT_CONSOLE_CHANNEL = 'webchat';

export type AgentConsoleOptions = {
  signIn: AgentSignIn;
  agents: AgentDirectory;
  store: KeyValueStore;
  /** Where used sign-in links are remembered (kept across restarts on the embedded default); the store by default. */
  usedLinks?: UsedMarks;
  secureCookies: boolean;
  logger: Logger;
  /** Starts a Direct Line conversation whose token carries the agent's identity. */
  startConversation(grant: {
    locale?: string;
    agentExternalId: string;
    /** The token dies with this session and never outlives it (`endsAt` in seconds since the epoch). */
    agentSession: { id: string; endsAt: number };
  }): Promise<{ conversationId: string; token: string; expiresIn: number }>;
};

/**
 * The web chat agent console's sign-in: a personal single-use link opens a page whose button signs
 * the agent in (a link scanner's GET consumes nothing); the console session is an HttpOnly,
 * SameSite=Strict cookie limited to /temsilci; the console's Direct Line token carries the agent's
 * identity, which is how the bot recognizes an agent on web chat.
 */
export function mountAgentConsole(server: Server, options: AgentConsoleOptions): { agentOf(req: Request): Promise<string | undefined> } {
  const { signIn, agents, store, logger } = options;

  /** The live console session of a seeded agent that the request's cookie names. */
  const sessionOf = async (req: Request): Promise<AgentSession | undefined> => {
    const session = await signIn.sessionOf(cookieValue(req, COOKIE), store);
    if (!session) return undefined;
    return (await agents.findByIdentity(AGENT_CONSOLE_CHANNEL, session.externalId)) ? session : undefined;
  };
  const agentOf = async (req: Request) => (await sessionOf(req))?.externalId;

  server.get(`${AGENT_SIGN_IN_PATH}/:token`, async (req: Request, res: Response) => {
    const locale = pickLocale(req, undefined);
    const action = `${AGENT_SIGN_IN_PATH}/${encodeURIComponent(String((req.params as { token?: string }).token ?? ''))}?lang=${locale}`;
    const body = `<p>${escapeHtml(translate(locale, 'agentConsole.signIn.body'))}</p>
<form method="post" action="${escapeHtml(action)}"><button type="submit">${escapeHtml(translate(locale, 'agentConsole.signIn.button'))}</button></form>`;
    sendPage(res, 200, linkPage(locale, 'agentConsole.signIn.title', body));
  });

  server.post(`${AGENT_SIGN_IN_PATH}/:token`, async (req: Request, res: Response) => {
    const locale = pickLocale(req, undefined);
    await readBody(req, 1024);
    const externalId = await signIn.redeem(String((req.params as { token?: string }).token ?? ''), options.usedLinks ?? store);
    const agent = externalId ? await agents.findByIdentity(AGENT_CONSOLE_CHANNEL, externalId) : undefined;
    if (!externalId || !agent) {
      logger.warn('agent console sign-in refused', { known: Boolean(externalId) });
      sendPage(res, 410, messagePage(locale, 'agentConsole.signIn.invalid'));
      return;
    }
    logger.info('agent signed in to the console', { agent: agent.id });
    const started = await signIn.startSession(externalId, store);
    res.header('Set-Cookie', cookie(started.cookie, AGENT_SESSION_TTL_MS / 1000, options.secureCookies));
    res.header('Location', `${AGENT_CONSOLE_PATH}?lang=${locale}`);
    res.header('Cache-Control', 'no-store');
    res.send(303);
  });

  server.post(AGENT_TOKEN_PATH, async (req: Request, res: Response) => {
    res.header('Cache-Control', 'no-store');
    const raw = (await readBody(req, 4096)) ?? '';
    const session = await sessionOf(req);
    if (!session) {
      res.send(401, { error: { code: 'Unauthorized', message: 'Sign in to the agent console first.' } });
      return;
    }
    const locale = localeIn(raw);
    const started = await options.startConversation({
      locale,
      agentExternalId: session.externalId,
      agentSession: { id: session.id, endsAt: Math.floor(session.endsAt / 1000) },
    });
    res.send(200, { conversationId: started.conversationId, token: started.token, expires_in: started.expiresIn });
  });

  server.post(SIGN_OUT_PATH, async (req: Request, res: Response) => {
    const locale = pickLocale(req, undefined);
    await readBody(req, 1024);
    // The session's record goes: a copy of the cookie, and the Direct Line tokens issued under it, stop working.
    await signIn.endSession(cookieValue(req, COOKIE), store);
    res.header('Set-Cookie', cookie('', 0, options.secureCookies));
    sendPage(res, 200, messagePage(locale, 'agentConsole.signedOut'));
  });

  return { agentOf };
}

/** The console page for someone not signed in. */
export function sendSignInNeeded(res: Response, locale: Locale): void {
  sendPage(res, 401, messagePage(locale, 'agentConsole.needSignIn'));
}

/** The panel beside the console's chat: what an agent can do, and the sign-out button. */
export function agentGuide(locale: Locale): string {
  const t = (key: MessageKey) => escapeHtml(translate(locale, key));
  return `<aside class="guide" aria-labelledby="guide-heading">
<h2 id="guide-heading">${t('agentConsole.guideHeading')}</h2>
<ul>
<li>${t('agentConsole.guide.lookup')}</li>
<li>${t('agentConsole.guide.handOff')}</li>
<li>${t('agentConsole.guide.audit')}</li>
</ul>
<form method="post" action="${SIGN_OUT_PATH}?lang=${locale}" class="sign-out"><button type="submit">${t('agentConsole.signOut')}</button></form>
</aside>`;
}

function cookie(value: string, maxAgeSeconds: number, secure: boolean): string {
  return `${COOKIE}=${value}; Path=${AGENT_CONSOLE_PATH}; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

function localeIn(raw: string): string | undefined {
  try {
    const locale = (JSON.parse(raw) as { locale?: unknown }).locale;
    return typeof locale === 'string' && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(locale) && locale.length <= 35 ? locale : undefined;
  } catch {
    return undefined;
  }
}
