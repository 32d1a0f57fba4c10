import type { SqlDatabase } from '../../src/data/database';
import { migrate } from '../../src/data/migrate';
import { openPglite } from '../../src/data/pglite';
import { openPostgres } from '../../src/data/postgres';
import { SqlContactDetails } from '../../src/data/sqlContactDetails';
import { createTestDatabase, describeWithPostgres } from '../support/services';

const NOW = new Date('2026-03-01T10:00:00Z');
const DAY_AGO = new Date(NOW.getTime() - 24 * 3600_000);
const LATER = new Date(NOW.getTime() + 30 * 60_000);

/** A Bot Framework conversation reference as the dialog keeps it: where the chat is, nothing said in it. */
const REFERENCE = {
  channelId: 'emulator',
  serviceUrl: 'http://127.0.0.1:1',
  conversation: { id: 'conv-1' },
  user: { id: 'user-1' },
  bot: { id: 'bot' },
  locale: 'tr-TR',
};

/** The e-mail change links on the shared SQL, on the embedded database and on a PostgreSQL server. */
function contract(open: () => Promise<{ db: SqlDatabase; close(): Promise<void> }>) {
  let opened: { db: SqlDatabase; close(): Promise<void> };
  let citizenId: string;
  let links: SqlContactDetails;
  beforeEach(async () => {
    opened = await open();
    const [row] = await opened.db.query<{ id: string }>(
      `INSERT INTO citizens (id_type, national_id, first_name, last_name, email, phone)
       VALUES ('tckn', '10000000146', 'Deniz', 'Yıldız', 'deniz@example.org', '+905551112233') RETURNING id::text AS id`,
    );
    citizenId = row!.id;
    links = new SqlContactDetails(opened.db);
  });
  afterEach(() => opened.close());

  const issue = (tokenHash: Buffer, conversation: unknown) =>
    links.issue(
      { citizenId, tokenHash, createdAt: NOW, expiresAt: LATER, newEmail: 'deniz.yeni@example.org', locale: 'en', conversation },
      DAY_AGO,
      3,
    );

  test('when a link is issued with the conversation it was asked from, then the same reference is read back with it', async () => {
    expect(await issue(Buffer.from('a'.repeat(32)), REFERENCE)).toBe(true);
    const link = await links.findByTokenHash(Buffer.from('a'.repeat(32)));
    expect(link).toMatchObject({ newEmail: 'deniz.yeni@example.org', locale: 'en', conversation: REFERENCE });
  });

  test('when a link has no conversation (or was issued before the column), then it reads back as null', async () => {
    expect(await issue(Buffer.from('b'.repeat(32)), null)).toBe(true);
    const [stored] = await opened.db.query<{ missing: boolean }>('SELECT conversation IS NULL AS missing FROM email_change_links');
    expect(stored!.missing).toBe(true);
    expect((await links.findByTokenHash(Buffer.from('b'.repeat(32))))!.conversation).toBeNull();
  });
}

describe('e-mail change links in the embedded database (PGlite)', () => {
  contract(async () => {
    const db = await openPglite(undefined);
    await migrate(db);
    return { db, close: () => db.close() };
  });
});

describeWithPostgres()('e-mail change links in PostgreSQL', () => {
  contract(async () => {
    const database = await createTestDatabase();
    const db = openPostgres(database.url);
    await migrate(db);
    return {
      db,
      async close() {
        await db.close();
        await database.drop();
      },
    };
  });
});
