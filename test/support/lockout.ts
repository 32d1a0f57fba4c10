import { EmulatorClient } from './emulator';
import { createTestDatabase, describeWithPostgres } from './services';
import { solveTextChallenge } from './solveChallenge';
import { startTestApp, type TestApp } from './testApp';

/** A valid T.C. Kimlik No that no citizen of seed/demo.json has. */
export const UNKNOWN_ID = '10000000696';
export const CALL_CENTER = '0262 648 18 18';

/** A citizen at the security-word prompt of Şifreli Giriş, in a conversation of their own, kept in `clients` to be stopped. */
export async function atWordPrompt(running: TestApp, nationalId: string, clients: EmulatorClient[]): Promise<EmulatorClient> {
  const client = new EmulatorClient(running.baseUrl);
  clients.push(client);
  await client.start();
  await client.join();
  await client.say('Şifreli Giriş');
  const challenge = await client.sayText(nationalId);
  await client.say(solveTextChallenge(challenge));
  return client;
}

/** The lockout columns of a citizen's row. */
export async function citizenRow(running: TestApp, nationalId: string) {
  const [row] = await running.app.db.query<{ failed_attempts: number; blocked_at: Date | null }>(
    'SELECT failed_attempts, blocked_at FROM citizens WHERE national_id = $1',
    [nationalId],
  );
  return row!;
}

/**
 * A fresh app for every test (the lockout leaves accounts blocked) and the conversations opened on
 * it, all stopped after the test.
 */
export function appPerTest(start: () => Promise<TestApp>): {
  running: TestApp;
  clients: EmulatorClient[];
  open: (nationalId: string) => Promise<EmulatorClient>;
} {
  const app = {
    running: undefined as unknown as TestApp,
    clients: [] as EmulatorClient[],
    open: (nationalId: string) => atWordPrompt(app.running, nationalId, app.clients),
  };
  beforeEach(async () => {
    app.running = await start();
  });
  afterEach(async () => {
    await Promise.all(app.clients.splice(0).map((client) => client.stop()));
    await app.running.close();
  });
  return app;
}

/**
 * Declares `suite` twice: on the embedded database (PGlite), and on PostgreSQL with the demo seed
 * where one answers; the counters must be atomic on both.
 */
export function onBothDatabases(subject: string, suite: (start: () => Promise<TestApp>) => void): void {
  describe(`${subject} on the embedded database (PGlite)`, () => {
    suite(() => startTestApp());
  });

  describeWithPostgres()(`${subject} on PostgreSQL`, () => {
    const databases: { drop(): Promise<void> }[] = [];
    afterAll(async () => {
      await Promise.all(databases.map((database) => database.drop()));
    });
    suite(async () => {
      const database = await createTestDatabase();
      databases.push(database);
      return startTestApp({ DATABASE_URL: database.url, SEED_FILE: 'seed/demo.json' });
    });
  });
}
