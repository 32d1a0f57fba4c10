import { createApp, type App, type AppOverrides } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { copyDatabaseTemplate, freePort } from './testApp';

/** The master key the suites that restart an app give it, so links made before a restart stay valid after. */
export const RESTART_MASTER_KEY = '5eed'.repeat(16);

export type RunningOn = { app: App; baseUrl: string; logs: string[]; close(): Promise<void> };

/**
 * The real app on a free port, on the embedded default in `dataDir`, which it leaves in place when
 * closed: for suites that stop an app and start another on the same folder.
 */
export async function startOn(dataDir: string, env: Record<string, string> = {}, overrides: AppOverrides = {}): Promise<RunningOn> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const logs: string[] = [];
  if (!env['DATABASE_URL']) copyDatabaseTemplate(dataDir);
  const config = loadConfig({
    DATA_DIR: dataDir,
    PORT: String(port),
    PUBLIC_BASE_URL: baseUrl,
    PINPUK_MASTER_KEY: RESTART_MASTER_KEY,
    CHALLENGE_KIND: 'text',
    LOG_LEVEL: 'debug',
    // As in startTestApp: the suites about reminders turn them on.
    EXPIRY_REMINDER_DAYS: 'off',
    ...env,
  });
  const app = await createApp(config, { logger: createLogger('debug', (line) => logs.push(line)), ...overrides });
  await app.listen(port);
  return { app, baseUrl, logs, close: () => app.close() };
}
