import type { NationalId } from '../domain/identity';
import type { ResetCitizen, ResetLinkFields, ResetLinkRepository, StoredResetLink } from '../domain/resetLinks';
import type { NewLink } from '../domain/singleUseLinks';
import type { Locale } from '../language/locale';
import type { SqlDatabase } from './database';
import { citizenOf, CITIZEN_COLUMNS, type CitizenRow } from './citizenRows';
import { completeLink, issueLink, lifecycleOf, LINK_COLUMNS, type LinkRow } from './sqlLinks';

/** The citizen columns and whether the account is blocked, from a query that names the table `c`. */
const RESET_CITIZEN_COLUMNS = `${CITIZEN_COLUMNS}, c.blocked_at IS NOT NULL AS blocked`;

function toCitizen(row: CitizenRow & { blocked: boolean }): ResetCitizen {
  return { ...citizenOf(row), securityWordHash: row.security_word_hash, blocked: row.blocked === true };
}

export class SqlResetLinks implements ResetLinkRepository {
  constructor(private readonly db: SqlDatabase) {}

  async findCitizen(id: NationalId): Promise<ResetCitizen | undefined> {
    const [row] = await this.db.query<CitizenRow & { blocked: boolean }>(
      `SELECT ${RESET_CITIZEN_COLUMNS} FROM citizens c WHERE c.national_id = $1 AND c.id_type = $2`,
      [id.value, id.type],
    );
    return row ? toCitizen(row) : undefined;
  }

  issue(link: NewLink & ResetLinkFields, since: Date, limit: number): Promise<boolean> {
    const { locale, conversation, ...common } = link;
    return issueLink(this.db, 'reset_links', common, { locale, conversation: JSON.stringify(conversation) }, since, limit);
  }

  async findByTokenHash(tokenHash: Buffer): Promise<StoredResetLink | undefined> {
    const [row] = await this.db.query<CitizenRow & LinkRow & { locale: Locale; conversation: unknown; blocked: boolean }>(
      `SELECT ${LINK_COLUMNS}, l.locale, l.conversation, ${RESET_CITIZEN_COLUMNS}
       FROM reset_links l JOIN citizens c ON c.id = l.citizen_id WHERE l.token_hash = $1`,
      [tokenHash],
    );
    if (!row) return undefined;
    return {
      ...lifecycleOf(row),
      citizen: toCitizen(row),
      locale: row.locale,
      conversation: typeof row.conversation === 'string' ? JSON.parse(row.conversation) : row.conversation,
    };
  }

  complete(linkId: string, citizenId: string, securityWordHash: string, now: Date): Promise<boolean> {
    return completeLink(this.db, 'reset_links', linkId, now, (tx) =>
      tx.query('UPDATE citizens SET security_word_hash = $2, failed_attempts = 0, updated_at = $3 WHERE id = $1', [
        citizenId,
        securityWordHash,
        now,
      ]),
    );
  }

  async recordRefusal(linkId: string, limit: number, now: Date): Promise<number | undefined> {
    const [row] = await this.db.query<{ refusals: number }>(
      `UPDATE reset_links SET refusals = refusals + 1, used_at = CASE WHEN refusals + 1 >= $2 THEN $3 ELSE used_at END
       WHERE id = $1 AND used_at IS NULL RETURNING refusals`,
      [linkId, limit, now],
    );
    return row?.refusals;
  }
}
