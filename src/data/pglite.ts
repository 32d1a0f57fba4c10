import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { PGlite } from '@electric-sql/pglite';
import { withAmbientTransactions, type SqlDatabase, type SqlExecutor } from './database';

/**
 * PostgreSQL's memory settings for the embedded database, which holds one deployment's citizens:
 * PGlite starts with PostgreSQL's defaults (128 MB of shared buffers in a WebAssembly heap that
 * only grows). Measured on this machine: an existing data folder opened with the defaults idles at
 * 354 MB RSS (tsx's loader included), with these at 209 MB.
 */
const POSTGRESQL_CONF = ['shared_buffers=16MB', 'work_mem=1MB', 'maintenance_work_mem=8MB', 'wal_buffers=1MB'];

/**
 * Creating a data folder (initdb) runs a second WebAssembly module whose memory the process never
 * gives back: a first start idled at 843 MB RSS against 209 MB for the same folder opened again. So
 * a new folder is created by a short-lived child process, and this one only opens it.
 */
const INITDB_SCRIPT = `
const [moduleUrl, dataDir, conf] = process.argv.slice(1);
const { PGlite } = await import(moduleUrl);
const db = await PGlite.create(dataDir, { postgresqlconf: JSON.parse(conf) });
await db.close();
`;

/** Embedded PostgreSQL in a folder (or in memory when `dataDir` is undefined). */
export async function openPglite(dataDir: string | undefined): Promise<SqlDatabase> {
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    if (!existsSync(join(dataDir, 'PG_VERSION'))) await createDataFolder(dataDir);
  }
  // Loaded here, not with the module: a server on PostgreSQL never needs it.
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create(dataDir, { postgresqlconf: POSTGRESQL_CONF });
  const executor = (target: Pick<PGlite, 'query'>): SqlExecutor => ({
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await target.query<Row>(sql, params as unknown[]);
      return result.rows;
    },
  });
  return withAmbientTransactions({
    ...executor(db),
    transaction: (work) => db.transaction((tx) => work(executor(tx))),
    exec: async (sql) => {
      await db.exec(sql);
    },
    close: () => db.close(),
  });
}

async function createDataFolder(dataDir: string): Promise<void> {
  const moduleUrl = pathToFileURL(require.resolve('@electric-sql/pglite')).href;
  await promisify(execFile)(
    process.execPath,
    ['--input-type=module', '-e', INITDB_SCRIPT, moduleUrl, dataDir, JSON.stringify(POSTGRESQL_CONF)],
    { timeout: 120_000 },
  );
}
