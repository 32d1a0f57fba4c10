import { MemoryStore } from '../../src/data/memoryStore';
import { migrate } from '../../src/data/migrate';
import { openPglite } from '../../src/data/pglite';
import { openPostgres } from '../../src/data/postgres';
import { SqlUsedMarks } from '../../src/data/sqlUsedMarks';
import type { UsedMarks } from '../../src/web/agentSignIn';
import { FakeClock } from '../support/fakeClock';
import { createTestDatabase, describeWithPostgres } from '../support/services';

/** The rules every keeper of single-use marks follows: the in-process store, and the database of the embedded default. */
function contract(open: (clock: FakeClock) => Promise<{ marks: UsedMarks; close(): Promise<void> }>) {
  const clock = new FakeClock();
  let opened: { marks: UsedMarks; close(): Promise<void> };
  beforeEach(async () => {
    opened = await open(clock);
  });
  afterEach(() => opened.close());

  test('when a key is marked, then marking it again is refused until the mark expires, then taken again', async () => {
    expect(await opened.marks.setIfAbsent('twilio:message:SM1', true, 60_000)).toBe(true);
    expect(await opened.marks.setIfAbsent('twilio:message:SM1', true, 60_000)).toBe(false);
    expect(await opened.marks.setIfAbsent('twilio:message:SM2', true, 60_000)).toBe(true);
    clock.advance(60_001);
    expect(await opened.marks.setIfAbsent('twilio:message:SM1', true, 60_000)).toBe(true);
    expect(await opened.marks.setIfAbsent('twilio:message:SM1', true, 60_000)).toBe(false);
  });

  test('when ten callers race for one key, then exactly one wins', async () => {
    const won = await Promise.all(Array.from({ length: 10 }, () => opened.marks.setIfAbsent('agent-link-used:race', true, 60_000)));
    expect(won.filter(Boolean)).toHaveLength(1);
  });
}

describe('single-use marks in the in-process store', () => {
  contract(async (clock) => {
    const store = new MemoryStore(clock);
    return { marks: store, close: () => store.close() };
  });
});

describe('single-use marks in the embedded database (PGlite)', () => {
  contract(async (clock) => {
    const db = await openPglite(undefined);
    await migrate(db);
    return { marks: new SqlUsedMarks(db, clock), close: () => db.close() };
  });
});

describeWithPostgres()('single-use marks in PostgreSQL', () => {
  contract(async (clock) => {
    const database = await createTestDatabase();
    const db = openPostgres(database.url);
    await migrate(db);
    return {
      marks: new SqlUsedMarks(db, clock),
      async close() {
        await db.close();
        await database.drop();
      },
    };
  });
});
