import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite } from '../../src/data/pglite';

/**
 * Creating an embedded database folder (PostgreSQL's initdb, in a child process) takes 2–4 s here,
 * and the suites start a few hundred apps on fresh folders. One empty folder is created for the
 * run, and startTestApp copies it (the migrations, the seed and everything else still run on each
 * copy as on a first start). The suites about the first start itself create their own.
 */
export default async function createDatabaseTemplate(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'eimza-pgdata-template-'));
  const db = await openPglite(join(folder, 'pgdata'));
  await db.close();
  process.env['EIMZA_TEST_PGDATA_TEMPLATE'] = join(folder, 'pgdata');
}
