import type { NationalId } from '../services/identity';
import type { ResetCitizen, ResetLinkRepository, StoredResetLink } from '../services/resetLinks';
import type { Locale } from '../language/recognize';
import type { SqlDatabase } from './database';

type CitizenRow = {
  id: string;
  national_id: string;
  first_name: string;
  last_name: string;
  email: string;
  security_word_hash: string | null;
};

const citizenColumns = 'c.id::text AS id, c.national_id, c.first_name, c.last_name, c.email, c.security_word_hash';

function toCitizen(row: CitizenRow): ResetCitizen {
  return {
    id: row.id,
    nationalId: row.national_id,
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    securityWordHash: row.security_word_hash,
  };
}

export class SqlResetLinks implements ResetLinkRepository {
  constructor(private readonly db: SqlDatabase) {}

  async findCitizen(id: NationalId): Promise<ResetCitizen | undefined> {
    const [row] = await this.db.query<CitizenRow>(
      `SELECT ${citizenColumns} FROM citizens c WHERE c.national_id = $1 AND c.id_type = $2`,
      [id.value, id.type],
    );
    return row ? toCitizen(row) : undefined;
  }

  issue(
    link: { citizenId: string; tokenHash: Buffer; locale: Locale; conversation: unknown; createdAt: Date; expiresAt: Date },
    since: Date,
    limit: number,
  ): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      // The citizen's row lock makes count-then-insert atomic across parallel requests.
      await tx.query('SELECT id FROM citizens WHERE id = $1 FOR UPDATE', [link.citizenId]);
      const [{ count } = { count: 0 }] = await tx.query<{ count: number }>(
        'SELECT count(*)::int AS count FROM reset_links WHERE citizen_id = $1 AND created_at > $2',
        [link.citizenId, since],
      );
      if (count >= limit) return false;
      await tx.query(
        'UPDATE reset_links SET superseded_at = $2 WHERE citizen_id = $1 AND used_at IS NULL AND superseded_at IS NULL',
        [link.citizenId, link.createdAt],
      );
      await tx.query(
        `INSERT INTO reset_links (citizen_id, token_hash, locale, conversation, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [link.citizenId, link.tokenHash, link.locale, JSON.stringify(link.conversation), link.createdAt, link.expiresAt],
      );
      return true;
    });
  }

  async findByTokenHash(tokenHash: Buffer): Promise<StoredResetLink | undefined> {
    const [row] = await this.db.query<CitizenRow & {
      link_id: string;
      locale: Locale;
      conversation: unknown;
      expires_at: Date;
      used_at: Date | null;
      superseded_at: Date | null;
    }>(
      `SELECT l.id::text AS link_id, l.locale, l.conversation, l.expires_at, l.used_at, l.superseded_at, ${citizenColumns}
       FROM reset_links l JOIN citizens c ON c.id = l.citizen_id WHERE l.token_hash = $1`,
      [tokenHash],
    );
    if (!row) return undefined;
    return {
      id: row.link_id,
      citizen: toCitizen(row),
      locale: row.locale,
      conversation: typeof row.conversation === 'string' ? JSON.parse(row.conversation) : row.conversation,
      expiresAt: new Date(row.expires_at),
      usedAt: row.used_at ? new Date(row.used_at) : null,
      supersededAt: row.superseded_at ? new Date(row.superseded_at) : null,
    };
  }

  complete(linkId: string, citizenId: string, securityWordHash: string, now: Date): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const used = await tx.query(
        `UPDATE reset_links SET used_at = $2
         WHERE id = $1 AND used_at IS NULL AND superseded_at IS NULL AND expires_at > $2 RETURNING id`,
        [linkId, now],
      );
      if (used.length === 0) return false;
      await tx.query(
        'UPDATE citizens SET security_word_hash = $2, failed_attempts = 0, updated_at = $3 WHERE id = $1',
        [citizenId, securityWordHash, now],
      );
      return true;
    });
  }
}
