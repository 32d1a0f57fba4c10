import type { AuditEntry, AuditLog } from '../domain/audit';
import type { Clock } from '../lib/clock';
import type { SqlExecutor } from './database';

export class SqlAuditLog implements AuditLog {
  constructor(
    private readonly db: SqlExecutor,
    private readonly clock: Clock,
  ) {}

  record(entry: AuditEntry): Promise<void> {
    return insertAudit(this.db, entry, this.clock.now());
  }
}

export async function insertAudit(db: SqlExecutor, entry: AuditEntry, at: Date): Promise<void> {
  await db.query(
    `INSERT INTO audit_log (at, actor, action, subject_hash, subject_masked, channel, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      at,
      entry.actor,
      entry.action,
      entry.subject?.hash ?? null,
      entry.subject?.masked ?? null,
      entry.channel ?? null,
      JSON.stringify(entry.details ?? {}),
    ],
  );
}
