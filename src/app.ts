import type { Server } from 'restify';
import type { AssistantBot } from './bot';
import type { Config } from './config';
import type { SqlDatabase } from './data/database';
import type { PinPukVault } from './domain/pinPukVault';
import type { ResetLinkService } from './domain/resetLinks';
import type { SecurityWordHasher } from './domain/securityWords';
import type { UnlockCodeService } from './domain/unlockCodes';
import type { BackgroundTasks } from './lib/background';
import type { KeyValueStore } from './lib/keyValueStore';
import type { Logger } from './logger';
import { createChannels } from './compose/channels';
import { createConversation } from './compose/conversation';
import { createDomain } from './compose/domain';
import { createHttp } from './compose/http';
import { openInfrastructure, type Closable } from './compose/infrastructure';
import { startLifecycle, type Lifecycle } from './compose/lifecycle';
import type { AppOverrides } from './compose/overrides';

export type { AppOverrides } from './compose/overrides';

/** The running app: what the process, the CLIs and the tests reach into. */
export type App = Lifecycle & {
  server: Server;
  bot: AssistantBot;
  db: SqlDatabase;
  store: KeyValueStore;
  logger: Logger;
  background: BackgroundTasks;
  resetLinks: ResetLinkService;
  vault: PinPukVault;
  hasher: SecurityWordHasher;
  unlockCodes: UnlockCodeService;
};

/**
 * The composition root: configuration → stores → channels → rules → dialogs → HTTP routes. When a
 * start fails halfway, what it had opened is closed again: a Redis or database connection left open
 * keeps the process (or a test run) from exiting.
 */
export async function createApp(config: Config, overrides: AppOverrides = {}): Promise<App> {
  const opened: Closable[] = [];
  try {
    const infrastructure = await openInfrastructure(config, overrides, (resource) => (opened.push(resource), resource));
    const channels = createChannels(config, infrastructure, overrides);
    const domain = createDomain(config, infrastructure, channels);
    const conversation = await createConversation(config, infrastructure, domain, channels);
    const http = createHttp(config, infrastructure, domain, channels, conversation, overrides);
    const { db, store, logger, background, vault, hasher } = infrastructure;
    return {
      ...startLifecycle(config, infrastructure, domain, http, conversation.turns),
      server: http.server,
      bot: conversation.bot,
      db,
      store,
      logger,
      background,
      resetLinks: domain.resetLinks,
      vault,
      hasher,
      unlockCodes: domain.unlockCodes,
    };
  } catch (error) {
    for (const resource of opened.reverse()) await resource.close().catch(() => undefined);
    throw error;
  }
}
