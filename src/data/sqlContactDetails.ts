import type { EmailChangeRepository, EmailCitizen, EmailLinkFields, StoredEmailLink } from '../domain/emailChange';
import type { PhoneRepository } from '../domain/phoneChange';
import type { NewLink } from '../domain/singleUseLinks';
import type { Locale } from '../language/locale';
import type { SqlDatabase } from './database';
import { completeLink, issueLink, lifecycleOf, LINK_COLUMNS, type LinkRow } from './sqlLinks';

type CitizenRow = { id: string; national_id: string; first_name: string; last_name: string; email: string };

const citizenColumns = 'c.id::text AS id, c.national_id, c.first_name, c.last_name, c.email';

function toCitizen(row: CitizenRow): EmailCitizen {
  return { id: row.id, nationalId: row.national_id, firstName: row.first_name, lastName: row.last_name, email: row.email };
}

/** Bilgi Güncelle: the citizen's e-mail address and phone, and the links that confirm a new address. */
export class SqlContactDetails implements PhoneRepository, EmailChangeRepository {
  constructor(private readonly db: SqlDatabase) {}

  async phoneOf(citizenId: string): Promise<string | undefined> {
    const [row] = await this.db.query<{ phone: string }>('SELECT phone FROM citizens WHERE id = $1', [citizenId]);
    return row?.phone;
  }

  async changePhone(citizenId: string, phone: string, now: Date): Promise<string | undefined> {
    const [row] = await this.db.query<{ phone: string }>(
      `UPDATE citizens c SET phone = $2, phone_changed_at = $3, updated_at = $3
       FROM (SELECT id, phone FROM citizens WHERE id = $1 FOR UPDATE) old
       WHERE c.id = old.id RETURNING old.phone`,
      [citizenId, phone, now],
    );
    return row?.phone;
  }

  async citizenOf(citizenId: string): Promise<EmailCitizen | undefined> {
    const [row] = await this.db.query<CitizenRow>(`SELECT ${citizenColumns} FROM citizens c WHERE c.id = $1`, [citizenId]);
    return row ? toCitizen(row) : undefined;
  }

  issue(link: NewLink & EmailLinkFields, since: Date, limit: number): Promise<boolean> {
    const { newEmail, locale, conversation, ...common } = link;
    const columns = { new_email: newEmail, locale, conversation: conversation == null ? null : JSON.stringify(conversation) };
    return issueLink(this.db, 'email_change_links', common, columns, since, limit);
  }

  async findByTokenHash(tokenHash: Buffer): Promise<StoredEmailLink | undefined> {
    const [row] = await this.db.query<CitizenRow & LinkRow & { new_email: string; locale: Locale; conversation: unknown }>(
      `SELECT ${LINK_COLUMNS}, l.new_email, l.locale, l.conversation, ${citizenColumns}
       FROM email_change_links l JOIN citizens c ON c.id = l.citizen_id WHERE l.token_hash = $1`,
      [tokenHash],
    );
    if (!row) return undefined;
    return {
      ...lifecycleOf(row),
      citizen: toCitizen(row),
      newEmail: row.new_email,
      locale: row.locale,
      // Parsed by the driver as jsonb; parsed here should a driver hand it over as text.
      conversation: typeof row.conversation === 'string' ? JSON.parse(row.conversation) : row.conversation,
    };
  }

  complete(linkId: string, citizenId: string, email: string, now: Date): Promise<boolean> {
    return completeLink(this.db, 'email_change_links', linkId, now, (tx) =>
      tx.query('UPDATE citizens SET email = $2, email_changed_at = $3, updated_at = $3 WHERE id = $1', [citizenId, email, now]),
    );
  }
}
