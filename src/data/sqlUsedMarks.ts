import type { Clock } from '../lib/clock';
import type { UsedMarks } from '../web/agentSignIn';
import type { SqlExecutor } from './database';

/**
 * Single-use marks in the database, for the embedded default: the in-process store forgets them
 * at a restart, and a used sign-in link or a handled Twilio message must stay used. With Redis
 * (several instances) the store keeps them instead.
 */
export class SqlUsedMarks implements UsedMarks {
  constructor(
    private readonly db: SqlExecutor,
    private readonly clock: Clock,
  ) {}

  /** Marks `key` as used for `ttlMs`; true when it was not marked (or its mark had expired). The value is not kept. */
  async setIfAbsent(key: string, _value: unknown, ttlMs: number): Promise<boolean> {
    const now = this.clock.now();
    const rows = await this.db.query(
      `INSERT INTO used_marks (key, expires_at) VALUES ($1, $2)
       ON CONFLICT (key) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE used_marks.expires_at <= $3
       RETURNING key`,
      [key, new Date(now.getTime() + ttlMs), now],
    );
    return rows.length > 0;
  }
}
