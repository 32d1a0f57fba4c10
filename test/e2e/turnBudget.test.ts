import Redis from 'ioredis';
import { AYSE, codeIn, smsOutbox, textOf, toSmsOnay } from '../support/citizenLogin';
import { EmulatorClient } from '../support/emulator';
import { FakeClock } from '../support/fakeClock';
import { createTestDatabase, describeWithPostgres, describeWithRedis, TEST_REDIS_URL } from '../support/services';
import { startTestApp, type TestApp } from '../support/testApp';

/**
 * What a turn inside the İşlemler Menüsü may cost in round trips (Redis commands sent, a script's
 * own calls not counted; SQL statements the repositories issue), as measured when this guard was
 * written (issue 22): a change that adds one to such a turn fails here, whatever the machine's
 * speed, and the budget is raised only on purpose (or lowered when a change saves one).
 *
 * Each turn is counted at its dearest: the app's clock moves on two seconds before it, so a
 * logged-in turn always records the session's activity (written at most once a second). With the
 * real clock that write came or not with the machine's speed, and so did the count.
 */
const BUDGET = {
  /** "menü": the menu again, nothing read from the database. The Redis commands: the repeat check, the conversation lock, the state read, the message count (a script) and the pause, the hand-off lookup, the session read and its activity write, the state write, the lock release. */
  menu: { sql: 0, redis: 10 },
  /** "Sertifika Listele": the citizen's certificates, one statement; the commands as for the menu (the operation asks for the session the menu step found). */
  list: { sql: 1, redis: 10 },
  /** "yardım" at the menu. */
  help: { sql: 0, redis: 7 },
};

type Counts = { sql: number; redis: number; statements: string[]; commands: string[] };

describeWithPostgres()('the cost of a turn in the İşlemler Menüsü (PostgreSQL and Redis)', () => {
  describeWithRedis()('counted in SQL statements and Redis commands', () => {
    let database: { url: string; drop: () => Promise<void> };
    let running: TestApp;
    let redis: Redis;
    let monitor: Redis;
    let client: EmulatorClient;
    const commands: string[] = [];
    const seen = new Set<string>();
    let prefix = '';
    const clock = new FakeClock(Date.now());
    let fences = 0;
    const statements: string[] = [];

    beforeAll(async () => {
      database = await createTestDatabase();
      running = await startTestApp({ DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, SEED_FILE: 'seed/demo.json' }, { clock });
      // Every statement the repositories issue goes through the app's database.
      const query = running.app.db.query.bind(running.app.db);
      running.app.db.query = (sql: string, params?: readonly unknown[]) => {
        statements.push(sql.replace(/\s+/g, ' ').trim());
        return query(sql, params);
      };
      // Redis tells what it was sent; this suite's keys carry its database's name.
      prefix = `eimza-test:${new URL(database.url).pathname.slice(1)}:`;
      redis = new Redis(TEST_REDIS_URL);
      monitor = await redis.monitor();
      // A script's own calls are reported too, with the source "lua": they are not round trips.
      monitor.on('monitor', (_time: string, args: string[], source: string) => {
        if (args[1]?.includes('budget-fence-')) seen.add(args[1]);
        if (!source.startsWith('lua') && args.some((arg) => arg.includes(prefix))) commands.push(args.join(' ').slice(0, 100));
      });
      client = new EmulatorClient(running.baseUrl);
      await client.start();
      await toSmsOnay(client, AYSE);
      await client.say('Onay');
      expect(textOf(await client.say(codeIn(smsOutbox(running.dataDir).at(-1)!.body)))).toContain('İşlemler Menüsü');
    });
    afterAll(async () => {
      await client?.stop();
      monitor?.disconnect();
      redis?.disconnect();
      await running?.close();
      await database?.drop();
    });

    async function turn(text: string): Promise<Counts> {
      await running.app.background.drain();
      statements.length = 0;
      commands.length = 0;
      clock.advance(2000);
      await client.say(text);
      await running.app.background.drain();
      // MONITOR reports what Redis did asynchronously: a marker read after the turn fences its commands.
      const marker = `${prefix}budget-fence-${++fences}`;
      await redis.get(marker);
      while (!seen.has(marker)) await new Promise((settled) => setTimeout(settled, 5));
      commands.splice(commands.findIndex((command) => command.includes(marker)));
      return { sql: statements.length, redis: commands.length, statements: [...statements], commands: [...commands] };
    }

    test.each<[keyof typeof BUDGET, string]>([
      ['menu', 'menü'],
      ['list', 'Sertifika Listele'],
      ['help', 'yardım'],
    ])('when the citizen says %s, then the turn stays within its recorded budget of statements and commands', async (name, text) => {
      const counts = await turn(text);
      // On failure the lists say what the turn now does.
      const within = counts.sql <= BUDGET[name].sql && counts.redis <= BUDGET[name].redis;
      expect({ name, within, ...counts }).toEqual({ name, within: true, ...counts });
    });
  });
});
