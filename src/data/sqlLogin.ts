import type { NationalId } from '../domain/identity';
import type { LoginRepository, ReservedAttempt } from '../domain/login';
import { citizenOf, CITIZEN_COLUMNS, type CitizenRow } from './citizenRows';
import type { SqlExecutor } from './database';

/** The lockout counters; every change is one conditional statement, so parallel tries can't race. */
export class SqlLogin implements LoginRepository {
  constructor(private readonly db: SqlExecutor) {}

  async reserveAttempt(id: NationalId, unknownSubjectHash: string, limit: number, now: Date): Promise<ReservedAttempt | undefined> {
    const [known] = await this.db.query<CitizenRow>(
      `UPDATE citizens c SET failed_attempts = c.failed_attempts + 1, updated_at = $3
       WHERE national_id = $1 AND id_type = $2 AND blocked_at IS NULL AND failed_attempts < $4
       RETURNING ${CITIZEN_COLUMNS}`,
      [id.value, id.type, now, limit],
    );
    if (known) {
      return { kind: 'known', citizen: citizenOf(known), securityWordHash: known.security_word_hash, attempt: known.failed_attempts };
    }
    const [exists] = await this.db.query('SELECT 1 FROM citizens WHERE national_id = $1 AND id_type = $2', [id.value, id.type]);
    if (exists) return undefined;

    const [unknown] = await this.db.query<{ failed_attempts: number }>(
      `INSERT INTO unknown_id_failures (subject_hash, failed_attempts, updated_at) VALUES ($1, 1, $2)
       ON CONFLICT (subject_hash) DO UPDATE SET failed_attempts = unknown_id_failures.failed_attempts + 1, updated_at = $2
       WHERE unknown_id_failures.blocked_at IS NULL AND unknown_id_failures.failed_attempts < $3
       RETURNING failed_attempts`,
      [unknownSubjectHash, now, limit],
    );
    return unknown ? { kind: 'unknown', subjectHash: unknownSubjectHash, attempt: unknown.failed_attempts } : undefined;
  }

  async succeeded(citizenId: string): Promise<boolean> {
    const rows = await this.db.query('UPDATE citizens SET failed_attempts = 0 WHERE id = $1 AND blocked_at IS NULL RETURNING id', [
      citizenId,
    ]);
    return rows.length > 0;
  }

  async countAgain(attempt: ReservedAttempt, limit: number, now: Date): Promise<number | undefined> {
    const [row] =
      attempt.kind === 'known'
        ? await this.db.query<{ failed_attempts: number }>(
            `UPDATE citizens SET failed_attempts = failed_attempts + 1, updated_at = $2
             WHERE id = $1 AND blocked_at IS NULL AND failed_attempts < $3 RETURNING failed_attempts`,
            [attempt.citizen.id, now, limit],
          )
        : await this.db.query<{ failed_attempts: number }>(
            `UPDATE unknown_id_failures SET failed_attempts = failed_attempts + 1, updated_at = $2
             WHERE subject_hash = $1 AND blocked_at IS NULL AND failed_attempts < $3 RETURNING failed_attempts`,
            [attempt.subjectHash, now, limit],
          );
    return row?.failed_attempts;
  }

  async isBlocked(attempt: ReservedAttempt): Promise<boolean> {
    const rows =
      attempt.kind === 'known'
        ? await this.db.query('SELECT 1 FROM citizens WHERE id = $1 AND blocked_at IS NOT NULL', [attempt.citizen.id])
        : await this.db.query('SELECT 1 FROM unknown_id_failures WHERE subject_hash = $1 AND blocked_at IS NOT NULL', [
            attempt.subjectHash,
          ]);
    return rows.length > 0;
  }

  async blockIfLimitReached(attempt: ReservedAttempt, limit: number, now: Date): Promise<boolean> {
    const rows =
      attempt.kind === 'known'
        ? await this.db.query(
            `UPDATE citizens SET blocked_at = $2, updated_at = $2
             WHERE id = $1 AND blocked_at IS NULL AND failed_attempts >= $3 RETURNING id`,
            [attempt.citizen.id, now, limit],
          )
        : await this.db.query(
            `UPDATE unknown_id_failures SET blocked_at = $2, updated_at = $2
             WHERE subject_hash = $1 AND blocked_at IS NULL AND failed_attempts >= $3 RETURNING subject_hash`,
            [attempt.subjectHash, now, limit],
          );
    return rows.length > 0;
  }
}
