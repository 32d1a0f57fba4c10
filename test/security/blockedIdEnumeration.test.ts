import { EmulatorClient } from '../support/emulator';
import { createTestDatabase, describeWithPostgres } from '../support/services';
import { solveTextChallenge } from '../support/solveChallenge';
import { startTestApp, type TestApp } from '../support/testApp';

/**
 * Attacks on Şifreli Giriş's lockout.
 * 1. Enumeration: a blocked ID answered "bloke" on its very first try, an unknown ID "2 tries
 *    left": one try told whether an ID is registered (and blocked). Now any ID (known, blocked or
 *    unknown) answers a new login the same way: "2 left", "1 left", then "blocked, call".
 * 2. A race: parallel tries of which one is right. A try arriving while three were still being
 *    checked was told "blocked", and a wrong try holding the third reservation was told "blocked"
 *    after the right one had reset the counter; the account was not blocked either time.
 */
const MEHMET = { id: '10000000214', word: 'Kestane.Kebap.7' };
const UNKNOWN_ID = '10000000696';
const CALL_CENTER = '0262 648 18 18';
const BLOCKED_TEXT = 'bloke edilmiştir';

async function atWordPrompt(running: TestApp, nationalId: string, clients: EmulatorClient[]): Promise<EmulatorClient> {
  const client = new EmulatorClient(running.baseUrl);
  clients.push(client);
  await client.start();
  await client.join();
  await client.say('Şifreli Giriş');
  const challenge = await client.sayText(nationalId);
  await client.say(solveTextChallenge(challenge));
  return client;
}

async function citizenRow(running: TestApp, nationalId: string) {
  const [row] = await running.app.db.query<{ failed_attempts: number; blocked_at: Date | null }>(
    'SELECT failed_attempts, blocked_at FROM citizens WHERE national_id = $1',
    [nationalId],
  );
  return row!;
}

function lockoutAttacks(start: () => Promise<TestApp>) {
  let running: TestApp;
  const clients: EmulatorClient[] = [];
  beforeEach(async () => {
    running = await start();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.stop()));
    await running.close();
  });
  const open = (nationalId: string) => atWordPrompt(running, nationalId, clients);

  test('when a blocked ID and a never-tried unknown ID are each tried three times in a new login, then every answer is the same', async () => {
    const blocker = await open(MEHMET.id);
    for (const word of ['yanlis-1', 'yanlis-2', 'yanlis-3']) await blocker.sayText(word);
    expect((await citizenRow(running, MEHMET.id)).blocked_at).not.toBeNull();

    const blocked = await open(MEHMET.id);
    const unknown = await open(UNKNOWN_ID);
    // The right word of the blocked account too: it is refused without being checked.
    for (const [word, other] of [[MEHMET.word, 'baska-1'], ['baska-2', 'baska-2'], ['baska-3', 'baska-3']] as const) {
      expect(await blocked.sayText(word)).toBe(await unknown.sayText(other));
    }
    const last = await open(MEHMET.id);
    await last.sayText('x-yanlis-1');
    await last.sayText('x-yanlis-2');
    const told = await last.sayText(MEHMET.word);
    expect(told).toContain(BLOCKED_TEXT);
    expect(told).toContain(CALL_CENTER);
    expect((await citizenRow(running, MEHMET.id)).blocked_at).not.toBeNull();
  });

  test('when one right and several wrong words arrive at once, round after round, then "blocked" is said only when the account is blocked', async () => {
    for (let round = 0; round < 6; round++) {
      await running.app.db.query('UPDATE citizens SET failed_attempts = 0, blocked_at = NULL WHERE national_id = $1', [MEHMET.id]);
      const parallel = await Promise.all(Array.from({ length: 5 }, () => open(MEHMET.id)));
      const replies = await Promise.all(parallel.map((client, index) => client.sayText(index === round % 5 ? MEHMET.word : `paralel-yanlis-${index}`)));
      const row = await citizenRow(running, MEHMET.id);
      const saidBlocked = replies.filter((reply) => reply.includes(BLOCKED_TEXT)).length;
      // "Blocked" is said when, and only when, the account is blocked (the try that blocked it says so).
      expect({ round, saidBlocked: saidBlocked > 0 }).toEqual({ round, saidBlocked: row.blocked_at !== null });
      await Promise.all(parallel.map((client) => client.stop()));
      clients.splice(0);
    }
  });
}

describe('lockout attacks on the embedded database (PGlite)', () => {
  lockoutAttacks(() => startTestApp());
});

describeWithPostgres()('lockout attacks on PostgreSQL', () => {
  const databases: { drop(): Promise<void> }[] = [];
  afterAll(async () => {
    await Promise.all(databases.map((database) => database.drop()));
  });
  lockoutAttacks(async () => {
    const database = await createTestDatabase();
    databases.push(database);
    return startTestApp({ DATABASE_URL: database.url, SEED_FILE: 'seed/demo.json' });
  });
});
