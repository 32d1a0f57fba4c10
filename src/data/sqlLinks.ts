import type { LinkLifecycle, NewLink } from '../domain/singleUseLinks';
import type { SqlDatabase, SqlExecutor } from './database';

/** The tables that hold single-use links; each has the columns below besides its own. */
export type LinkTable = 'reset_links' | 'email_change_links';

/** The lifecycle columns of a link aliased `l`, as `LinkRow` reads them. */
export const LINK_COLUMNS = 'l.id::text AS link_id, l.expires_at, l.used_at, l.superseded_at';

export type LinkRow = { link_id: string; expires_at: Date; used_at: Date | null; superseded_at: Date | null };

export function lifecycleOf(row: LinkRow): LinkLifecycle {
  return {
    id: row.link_id,
    expiresAt: new Date(row.expires_at),
    usedAt: row.used_at ? new Date(row.used_at) : null,
    supersededAt: row.superseded_at ? new Date(row.superseded_at) : null,
  };
}

/**
 * In one transaction: counts the citizen's links created since `since`; when fewer than `limit`,
 * supersedes the live ones and stores the new one with its own `columns`. False at the limit.
 */
export function issueLink(
  db: SqlDatabase,
  table: LinkTable,
  link: NewLink,
  columns: Record<string, unknown>,
  since: Date,
  limit: number,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    // The citizen's row lock makes count-then-insert atomic across parallel requests.
    await tx.query('SELECT id FROM citizens WHERE id = $1 FOR UPDATE', [link.citizenId]);
    const [{ count } = { count: 0 }] = await tx.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM ${table} WHERE citizen_id = $1 AND created_at > $2`,
      [link.citizenId, since],
    );
    if (count >= limit) return false;
    await tx.query(`UPDATE ${table} SET superseded_at = $2 WHERE citizen_id = $1 AND used_at IS NULL AND superseded_at IS NULL`, [
      link.citizenId,
      link.createdAt,
    ]);
    const names = Object.keys(columns);
    const placeholders = names.map((_, index) => `$${index + 5}`);
    await tx.query(
      `INSERT INTO ${table} (citizen_id, token_hash, created_at, expires_at, ${names.join(', ')})
       VALUES ($1, $2, $3, $4, ${placeholders.join(', ')})`,
      [link.citizenId, link.tokenHash, link.createdAt, link.expiresAt, ...Object.values(columns)],
    );
    return true;
  });
}

/**
 * In one transaction: marks a link used if it is still live at `now`, then applies what it was
 * for. False when it was no longer live (a parallel submit won), and then nothing is applied.
 */
export function completeLink(
  db: SqlDatabase,
  table: LinkTable,
  linkId: string,
  now: Date,
  apply: (tx: SqlExecutor) => Promise<unknown>,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const used = await tx.query(
      `UPDATE ${table} SET used_at = $2
       WHERE id = $1 AND used_at IS NULL AND superseded_at IS NULL AND expires_at > $2 RETURNING id`,
      [linkId, now],
    );
    if (used.length === 0) return false;
    await apply(tx);
    return true;
  });
}
