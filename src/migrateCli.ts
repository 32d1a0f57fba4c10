import { loadConfig, ConfigError } from './config';
import { openPglite } from './data/pglite';
import { openPostgres } from './data/postgres';
import { migrate } from './data/migrate';
import { DataDirLock, DataDirLockedError } from './data/dataDirLock';
import { join, resolve } from 'node:path';

/** npm run migrate: applies pending migrations to the configured database and exits. */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  // The embedded database has one owner at a time: not while the assistant runs on it.
  const lock = config.DATABASE_URL ? undefined : DataDirLock.acquire(resolve(config.DATA_DIR));
  try {
    const db = config.DATABASE_URL ? openPostgres(config.DATABASE_URL) : await openPglite(join(resolve(config.DATA_DIR), 'pgdata'));
    try {
      const applied = await migrate(db);
      process.stdout.write(applied.length ? `Applied ${applied.join(', ')}\n` : 'The database is up to date.\n');
    } finally {
      await db.close();
    }
  } finally {
    await lock?.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError || error instanceof DataDirLockedError ? error.message : String(error)}\n`);
  process.exit(1);
});
