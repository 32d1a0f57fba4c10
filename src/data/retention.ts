import type { SqlDatabase } from './database';

const DAY_MS = 24 * 60 * 60_000;
/**
 * A conversation a citizen last confirmed a login in this long ago is forgotten (its language and,
 * for a Teams chat, where it is): a year of reminders and a little more.
 */
const CONVERSATION_DAYS = 400;

export type PurgeSummary = {
  resetLinks: number;
  emailChangeLinks: number;
  unlockCodes: number;
  unknownIdFailures: number;
  deliveredMail: number;
  usedMarks: number;
  auditRows: number;
  expiryReminders: number;
  citizenConversations: number;
};

/**
 * The daily KVKK clean-up (SPEC §5a): reset and e-mail change links once they no longer count
 * toward the daily limit, unlock codes used or expired, failure counters of unknown IDs that
 * never reached a block, delivered mail (it holds links), expired single-use marks, expiry
 * reminders of certificates past their last day (no reminder is due for them again), conversations
 * not confirmed in for CONVERSATION_DAYS, and audit rows past their retention.
 */
export async function purgeExpiredRecords(db: SqlDatabase, now: Date, auditRetentionDays: number): Promise<PurgeSummary> {
  const dayAgo = new Date(now.getTime() - DAY_MS);
  const resetLinks = await db.query('DELETE FROM reset_links WHERE created_at < $1 RETURNING id', [dayAgo]);
  const emailChangeLinks = await db.query('DELETE FROM email_change_links WHERE created_at < $1 RETURNING id', [dayAgo]);
  const unlockCodes = await db.query('DELETE FROM unlock_codes WHERE expires_at <= $1 OR used_at IS NOT NULL RETURNING card_serial', [now]);
  const unknownIdFailures = await db.query(
    'DELETE FROM unknown_id_failures WHERE blocked_at IS NULL AND updated_at < $1 RETURNING subject_hash',
    [dayAgo],
  );
  // Daily SMS code counts limit only their own day; they go after two.
  await db.query('DELETE FROM sms_codes_per_phone WHERE day < $1', [new Date(now.getTime() - 2 * DAY_MS).toISOString().slice(0, 10)]);
  const deliveredMail = await db.query(
    'DELETE FROM mail_outbox WHERE (sent_at IS NOT NULL OR failed_at IS NOT NULL) AND created_at < $1 RETURNING id',
    [dayAgo],
  );
  const usedMarks = await db.query('DELETE FROM used_marks WHERE expires_at <= $1 RETURNING key', [now]);
  const expiryReminders = await db.query(
    `DELETE FROM expiry_reminders r USING certificates c
     WHERE c.serial = r.certificate_serial AND c.not_after < $1::date RETURNING r.certificate_serial`,
    [new Date(now.getTime() - 2 * DAY_MS).toISOString().slice(0, 10)],
  );
  const citizenConversations = await db.query('DELETE FROM citizen_conversations WHERE updated_at < $1 RETURNING citizen_id', [
    new Date(now.getTime() - CONVERSATION_DAYS * DAY_MS),
  ]);
  const auditRows = await db.transaction(async (tx) => {
    // The append-only trigger lets this transaction, and only it, delete.
    await tx.query("SELECT set_config('audit.retention', 'on', true)");
    return tx.query('DELETE FROM audit_log WHERE at < $1 RETURNING id', [new Date(now.getTime() - auditRetentionDays * DAY_MS)]);
  });
  return {
    resetLinks: resetLinks.length,
    emailChangeLinks: emailChangeLinks.length,
    unlockCodes: unlockCodes.length,
    unknownIdFailures: unknownIdFailures.length,
    deliveredMail: deliveredMail.length,
    usedMarks: usedMarks.length,
    auditRows: auditRows.length,
    expiryReminders: expiryReminders.length,
    citizenConversations: citizenConversations.length,
  };
}
