import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SqlDatabase } from './database';

const migrationsDir = join(__dirname, 'migrations');
/** Any fixed number: instances starting together wait for each other on it. */
const MIGRATION_LOCK = 7_263_481_818;

/**
 * Applies, in order, the migrations not yet applied, all in one transaction under an advisory
 * lock, so two instances starting at once never race. Returns their names.
 */
export async function migrate(db: SqlDatabase): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const applied = new Set((await tx.query<{ version: string }>('SELECT version FROM schema_migrations')).map((row) => row.version));
    const pending = readdirSync(migrationsDir)
      .filter((file) => file.endsWith('.sql'))
      .sort()
      .filter((file) => !applied.has(file));
    for (const file of pending) {
      for (const statement of splitStatements(readFileSync(join(migrationsDir, file), 'utf8'))) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [file]);
    }
    return pending;
  });
}

/** Splits a migration into statements on `;` at line ends, keeping `$$ … $$` function bodies whole. */
function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let current = '';
  let inDollarQuote = false;
  for (const line of sql.split('\n')) {
    if (line.trim().startsWith('--') && !inDollarQuote) continue;
    current += line + '\n';
    const dollarQuotes = line.match(/\$\$/g)?.length ?? 0;
    if (dollarQuotes % 2 === 1) inDollarQuote = !inDollarQuote;
    if (!inDollarQuote && line.trimEnd().endsWith(';')) {
      statements.push(current.trim());
      current = '';
    }
  }
  if (current.trim()) statements.push(current.trim());
  return statements;
}
