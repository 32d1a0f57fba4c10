import type { Server } from 'restify';
import type { Config } from '../config';
import { DIRECT_LINE_PATH, type DirectLine } from '../channels/directLine';
import { AGENT_CONSOLE_PATH, AGENT_TOKEN_PATH, agentGuide, mountAgentConsole, sendSignInNeeded } from '../web/agentConsole';
import { AgentSignIn } from '../web/agentSignIn';
import { mountChatPage } from '../web/chatPage';
import { mountEmailChangePage } from '../web/emailChangePage';
import { mountOutboxPage } from '../web/outboxPage';
import { mountResetPage } from '../web/resetPage';
import { mountStaticAssets } from '../web/staticAssets';
import type { Domain } from './domain';
import type { Infrastructure } from './infrastructure';
import type { AppOverrides } from './overrides';

/** Our own pages: the reset and e-mail links, the web chat, the agent console and, in development, the outbox. */
export function mountPages(
  server: Server,
  config: Config,
  infrastructure: Infrastructure,
  domain: Domain,
  directLine: DirectLine,
  overrides: AppOverrides,
): void {
  const { random, clock, logger, store, keyFor } = infrastructure;
  const linkPages = { random, secureCookies: config.PUBLIC_BASE_URL.startsWith('https:'), logger };
  mountResetPage(server, { ...linkPages, resetLinks: domain.resetLinks, csrfKey: keyFor('csrf') });
  mountEmailChangePage(server, { ...linkPages, emailChanges: domain.emailChanges, csrfKey: keyFor('csrf-email-change') });
  mountStaticAssets(server);
  mountChatPage(server, {
    path: '/',
    tokenUrl: `${DIRECT_LINE_PATH}/tokens/generate`,
    directLinePath: DIRECT_LINE_PATH,
    title: 'chatPage.title',
    intro: 'chatPage.intro',
    publicBaseUrl: config.PUBLIC_BASE_URL,
    random,
    topics: true,
  });
  // The web chat agent console: signed in by a personal link (npm run agent:link), recognized by its Direct Line token.
  const agentConsole = mountAgentConsole(server, {
    signIn: new AgentSignIn(keyFor('agent-sign-in'), clock, () => random.bytes(12).toString('base64url')),
    agents: domain.agentDirectory,
    store,
    usedLinks: infrastructure.usedMarks,
    secureCookies: linkPages.secureCookies,
    logger,
    startConversation: (grant) => directLine.startConversation(grant),
  });
  mountChatPage(server, {
    path: AGENT_CONSOLE_PATH,
    tokenUrl: AGENT_TOKEN_PATH,
    directLinePath: DIRECT_LINE_PATH,
    title: 'agentConsole.title',
    intro: 'agentConsole.intro',
    publicBaseUrl: config.PUBLIC_BASE_URL,
    random,
    guard: async (req, res, locale) => {
      if (await agentConsole.agentOf(req)) return true;
      sendSignInNeeded(res, locale);
      return false;
    },
    aside: agentGuide,
  });

  const mailToOutbox = !config.SMTP_URL && !overrides.mailer;
  const smsToOutbox = !usesTwilio(config) && !overrides.sms;
  if ((mailToOutbox || smsToOutbox) && config.NODE_ENV !== 'production') mountOutboxPage(server, infrastructure.outboxDir);
  // The outbox files hold reset links and codes as written: a development set-up, not for production.
  if ((mailToOutbox || smsToOutbox) && config.NODE_ENV === 'production') {
    logger.warn('production without SMTP_URL or Twilio: e-mails or SMS are written to files in DATA_DIR/outbox, links and codes readable', {
      mail: mailToOutbox,
      sms: smsToOutbox,
    });
  }
}

function usesTwilio(config: Config): boolean {
  return Boolean(config.TWILIO_ACCOUNT_SID && config.TWILIO_AUTH_TOKEN && config.TWILIO_SMS_FROM);
}
