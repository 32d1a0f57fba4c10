import type { Agent, AgentCitizenRecord, AgentDeskRepository, AgentDirectory, SecurityEvent } from '../domain/agents';
import type { NationalId } from '../domain/identity';
import { citizenOf, CITIZEN_COLUMNS, type CitizenRow } from './citizenRows';
import type { SqlExecutor } from './database';

/** The agents of the seed file, by the channel identity that recognizes them. */
export class SqlAgents implements AgentDirectory {
  constructor(private readonly db: SqlExecutor) {}

  async findByIdentity(channel: string, externalId: string): Promise<Agent | undefined> {
    const [row] = await this.db.query<Agent>('SELECT id, name FROM agents WHERE channel = $1 AND external_id = $2', [channel, externalId]);
    return row;
  }

  async anyAgents(): Promise<boolean> {
    return (await this.db.query('SELECT 1 FROM agents LIMIT 1')).length > 0;
  }
}

/** What the call center reads and changes of a citizen; never the security word's hash. */
export class SqlAgentDesk implements AgentDeskRepository {
  constructor(private readonly db: SqlExecutor) {}

  async findCitizen(id: NationalId): Promise<AgentCitizenRecord | undefined> {
    const [row] = await this.db.query<CitizenRow & { blocked_at: Date | string | null }>(
      `SELECT ${CITIZEN_COLUMNS}, c.blocked_at FROM citizens c WHERE c.national_id = $1 AND c.id_type = $2`,
      [id.value, id.type],
    );
    if (!row) return undefined;
    return { ...citizenOf(row), failedAttempts: row.failed_attempts, blockedAt: row.blocked_at === null ? null : new Date(row.blocked_at) };
  }

  async unblock(citizenId: string, now: Date): Promise<boolean> {
    const rows = await this.db.query(
      'UPDATE citizens SET blocked_at = NULL, failed_attempts = 0, updated_at = $2 WHERE id = $1 AND blocked_at IS NOT NULL RETURNING id',
      [citizenId, now],
    );
    return rows.length > 0;
  }

  async recentEvents(subjectHash: string, limit: number): Promise<SecurityEvent[]> {
    const rows = await this.db.query<{ at: Date | string; action: string; actor: string; channel: string | null }>(
      'SELECT at, action, actor, channel FROM audit_log WHERE subject_hash = $1 ORDER BY at DESC, id DESC LIMIT $2',
      [subjectHash, limit],
    );
    return rows.map((row) => ({ at: new Date(row.at), action: row.action, actor: row.actor, channel: row.channel }));
  }
}
