import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createApp, type App, type AppOverrides } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';

const TEST_MASTER_KEY = '5eed'.repeat(16);

export type TestApp = {
  app: App;
  port: number;
  baseUrl: string;
  dataDir: string;
  /** Every log line the app wrote. */
  logs: string[];
  close(): Promise<void>;
};

/** The real app on a free port, on the embedded default in a fresh folder. */
export async function startTestApp(env: Record<string, string> = {}, overrides: AppOverrides = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'eimza-test-'));
  if (!env['DATABASE_URL']) copyDatabaseTemplate(dataDir);
  const logs: string[] = [];
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const config = loadConfig({
    // Instances sharing a database share the master key, as in production.
    ...(env['DATABASE_URL'] ? { PINPUK_MASTER_KEY: TEST_MASTER_KEY } : {}),
    DATA_DIR: dataDir,
    PORT: String(port),
    PUBLIC_BASE_URL: baseUrl,
    CHALLENGE_KIND: 'text',
    LOG_LEVEL: 'debug',
    // Every test client is 127.0.0.1: a suite that fails checks on purpose would pause itself.
    // The suites about that limit set it themselves.
    FAILED_CHECKS_PER_SOURCE_PER_HOUR: '100000',
    // The demo seed holds a certificate about to expire: its reminder (an e-mail and an SMS at
    // start) would land in every suite's outboxes. The suites about reminders turn them on.
    EXPIRY_REMINDER_DAYS: 'off',
    ...env,
  });
  let app: App;
  try {
    app = await createApp(config, {
      logger: createLogger('debug', (line) => logs.push(line)),
      redisKeyPrefix: redisKeyPrefixFor(env),
      ...overrides,
    });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  await app.listen(port);
  return {
    app,
    port,
    baseUrl,
    dataDir,
    logs,
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Fills a new data folder's `pgdata` with the run's empty database (test/support/globalSetup.ts),
 * as if it had just been created; nothing when the folder has one, or the run has no template.
 */
export function copyDatabaseTemplate(dataDir: string): void {
  const template = process.env['EIMZA_TEST_PGDATA_TEMPLATE'];
  const target = join(dataDir, 'pgdata');
  if (template && existsSync(template) && !existsSync(target)) cpSync(template, target, { recursive: true });
}

/**
 * Two instances started together (their migrations and seed must not race), as behind a load
 * balancer. When one fails to start, the other is closed again: a suite whose start failed has
 * nothing to close.
 */
export async function startTwoTestApps(env: Record<string, string> = {}, overrides: AppOverrides = {}): Promise<[TestApp, TestApp]> {
  const [a, b] = await Promise.allSettled([startTestApp(env, overrides), startTestApp(env, overrides)]);
  if (a.status === 'fulfilled' && b.status === 'fulfilled') return [a.value, b.value];
  await Promise.all([a, b].filter((started) => started.status === 'fulfilled').map((started) => started.value.close()));
  throw a.status === 'rejected' ? a.reason : (b as PromiseRejectedResult).reason;
}

/**
 * The suites on Redis share one server, and its counters (SMS codes per phone a day, failed checks
 * per source) would add up across suites and runs. Instances on one test database are one
 * deployment and share a prefix; every other deployment gets its own.
 */
function redisKeyPrefixFor(env: Record<string, string>): string | undefined {
  if (!env['REDIS_URL']) return undefined;
  const database = env['DATABASE_URL'] ? new URL(env['DATABASE_URL']).pathname.slice(1) : randomBytes(6).toString('hex');
  return `eimza-test:${database}:`;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
