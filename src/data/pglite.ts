import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { withAmbientTransactions, type SqlDatabase, type SqlExecutor } from './database';

/** Embedded PostgreSQL in a folder (or in memory when `dataDir` is undefined). */
export async function openPglite(dataDir: string | undefined): Promise<SqlDatabase> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
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
