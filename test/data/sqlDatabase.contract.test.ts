import { openPglite } from '../../src/data/pglite';
import { openPostgres } from '../../src/data/postgres';
import { migrate } from '../../src/data/migrate';
import type { SqlDatabase } from '../../src/data/database';
import { createTestDatabase, describeWithPostgres } from '../support/services';

/** What every repository relies on, whether the database is embedded or a server. */
function contract(open: () => Promise<{ db: SqlDatabase; drop(): Promise<void> }>) {
  let subject: Awaited<ReturnType<typeof open>>;
  let db: SqlDatabase;

  beforeAll(async () => {
    subject = await open();
    db = subject.db;
    await migrate(db);
    await db.query('CREATE TABLE IF NOT EXISTS contract_probe (id serial PRIMARY KEY, note text NOT NULL)');
  });
  afterAll(async () => {
    await db.close();
    await subject.drop();
  });
  beforeEach(() => db.query('DELETE FROM contract_probe'));

  const notes = async () => (await db.query<{ note: string }>('SELECT note FROM contract_probe ORDER BY id')).map((row) => row.note);

  test('when migrations run again, then nothing is applied twice', async () => {
    expect(await migrate(db)).toEqual([]);
  });

  test('when work inside a transaction fails, then none of it is written, including what repositories wrote through the database', async () => {
    await expect(
      db.atomically(async () => {
        await db.query("INSERT INTO contract_probe (note) VALUES ('first')");
        await db.transaction((tx) => tx.query("INSERT INTO contract_probe (note) VALUES ('nested')"));
        throw new Error('fault');
      }),
    ).rejects.toThrow('fault');
    expect(await notes()).toEqual([]);
  });

  test('when a transaction commits, then its after-commit callbacks run once, after the rows are visible', async () => {
    const seen: string[][] = [];
    await db.atomically(async () => {
      await db.query("INSERT INTO contract_probe (note) VALUES ('queued')");
      db.afterCommit(() => void notes().then((rows) => seen.push(rows)));
    });
    await new Promise((done) => setTimeout(done, 100));
    expect(seen).toEqual([['queued']]);
  });

  test('when a transaction rolls back, then its after-commit callbacks never run', async () => {
    let ran = false;
    await db
      .atomically(async () => {
        db.afterCommit(() => {
          ran = true;
        });
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    expect(ran).toBe(false);
  });

  test('when work started inside a transaction runs after it, then it does not reuse the finished transaction', async () => {
    let later: Promise<unknown> = Promise.resolve();
    await db.atomically(async () => {
      later = new Promise((done) => setTimeout(done, 20)).then(() => db.query("INSERT INTO contract_probe (note) VALUES ('later')"));
    });
    await later;
    expect(await notes()).toEqual(['later']);
  });
}

describe('the embedded database (PGlite)', () => {
  contract(async () => {
    const db = await openPglite(undefined);
    return { db, drop: async () => undefined };
  });
});

describeWithPostgres()('PostgreSQL', () => {
  contract(async () => {
    const database = await createTestDatabase();
    return { db: openPostgres(database.url), drop: () => database.drop() };
  });

  test('when two instances migrate the same empty database at once, then each migration is applied exactly once', async () => {
    const database = await createTestDatabase();
    const [first, second] = [openPostgres(database.url), openPostgres(database.url)];
    try {
      const [a, b] = await Promise.all([migrate(first), migrate(second)]);
      expect([...a, ...b].sort()).toEqual([...new Set([...a, ...b])].sort());
      expect(a.length === 0 || b.length === 0).toBe(true);
      const rows = await first.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
      expect(rows[0]!.n).toBe(a.length + b.length);
    } finally {
      await first.close();
      await second.close();
      await database.drop();
    }
  });
});
