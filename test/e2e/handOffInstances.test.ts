import { AGENT_TEXTS, SECOND_TEAMS_AGENT, seedAgents, TeamsClient, TEAMS_AGENT } from '../support/agents';
import { LocalBotFrameworkIssuer } from '../support/botFrameworkTokens';
import { EmulatorClient } from '../support/emulator';
import { SIGNED_APP_ID } from '../support/operations';
import { createTestDatabase, describeWithPostgres, describeWithRedis, TEST_REDIS_URL } from '../support/services';
import { startTwoTestApps, type TestApp } from '../support/testApp';

const texted = (expected: string | RegExp) => (reply: { text?: string }) =>
  typeof expected === 'string' ? reply.text === expected : expected.test(reply.text ?? '');

describeWithPostgres()('the hand-off with two instances on one PostgreSQL', () => {
  describeWithRedis()('and one Redis', () => {
    let a: TestApp;
    let b: TestApp;
    let database: { url: string; drop(): Promise<void> };
    /** Agents on Teams are recognized only on requests with a checked token: every conversation here is signed. */
    let issuer: LocalBotFrameworkIssuer;
    const clients: EmulatorClient[] = [];

    beforeAll(async () => {
      database = await createTestDatabase();
      // A Redis database of its own: the queue is one key, and other suites queue citizens too.
      const redis = new URL(TEST_REDIS_URL);
      redis.pathname = '/3';
      const shared = {
        DATABASE_URL: database.url,
        REDIS_URL: redis.toString(),
        SEED_FILE: 'seed/demo.json',
        MICROSOFT_APP_ID: SIGNED_APP_ID,
      };
      issuer = await new LocalBotFrameworkIssuer().start();
      // Started together: the migrations and the seed must not race.
      [a, b] = await startTwoTestApps(shared, { botFrameworkAuthentication: issuer.authentication(SIGNED_APP_ID) });
      await seedAgents(a.app, [TEAMS_AGENT, SECOND_TEAMS_AGENT]);
      // A queue an earlier run left behind (it lapses after 30 minutes).
      await a.app.store.delete('handoff:queue');
    });
    afterEach(async () => {
      await Promise.all(clients.splice(0).map((client) => client.stop()));
    });
    afterAll(async () => {
      await Promise.all([a?.close(), b?.close()]);
      await database?.drop();
      await issuer?.stop();
    });

    const started = async <T extends EmulatorClient>(client: T) => {
      client.signer = issuer.signerFor(SIGNED_APP_ID);
      await client.start();
      clients.push(client);
      return client;
    };

    test('when the citizen writes to one instance and the agent to the other, then the queue, the relay both ways and the end work across them, and are audited in PostgreSQL', async () => {
      const citizen = await started(new EmulatorClient(a.baseUrl));
      await citizen.join();
      await citizen.via(b.baseUrl).say('Şifreli Giriş');
      const queued = await citizen.via(a.baseUrl).sayText('temsilci');
      expect(queued).toMatch(/Sıranız: \d+/);

      const agent = await started(new TeamsClient(b.baseUrl, TEAMS_AGENT.externalId));
      await agent.join();
      expect(await agent.via(a.baseUrl).sayText('Bekleyen Talepler')).toContain('Bekleyen talepler: 1');
      expect(await agent.via(b.baseUrl).sayText('1')).toContain(AGENT_TEXTS.connected);
      await citizen.waitForReply(texted(/Bir çağrı merkezi temsilcisi bağlandı/));

      expect(await citizen.via(b.baseUrl).say('Kimlik numaramı yazmak zorunda mıyım?')).toEqual([]);
      await agent.waitForReply(texted('Vatandaş: Kimlik numaramı yazmak zorunda mıyım?'));
      expect(await agent.via(a.baseUrl).say('Hayır, ben yardımcı olacağım.')).toEqual([]);
      await citizen.waitForReply(texted('Temsilci: Hayır, ben yardımcı olacağım.'));

      const ended = await citizen.via(a.baseUrl).sayText('bitir');
      expect(ended).toContain('Temsilciyle görüşme sona erdi.');
      expect(ended).toContain('Kimlik No');
      await agent.waitForReply(texted(/Vatandaş görüşmeyi sonlandırdı/));

      const rows = await a.app.db.query<{ actor: string; action: string; details: Record<string, unknown> }>(
        "SELECT actor, action, details FROM audit_log WHERE action LIKE 'handoff.%' ORDER BY id",
      );
      expect(rows.map((row) => [row.actor, row.action, row.details['endedBy']])).toEqual([
        [`agent:${TEAMS_AGENT.id}`, 'handoff.taken', undefined],
        ['citizen', 'handoff.ended', 'citizen'],
      ]);
    });

    test('when agents on both instances take the same request at once, then exactly one is connected', async () => {
      const citizen = await started(new EmulatorClient(b.baseUrl));
      await citizen.join();
      await citizen.say('temsilci');
      const racers = await Promise.all(
        [TEAMS_AGENT, SECOND_TEAMS_AGENT, TEAMS_AGENT, SECOND_TEAMS_AGENT].map(async (who, index) => {
          const racer = await started(new TeamsClient(index % 2 ? a.baseUrl : b.baseUrl, who.externalId));
          await racer.join();
          expect(await racer.sayText('Bekleyen Talepler')).toContain('Bekleyen talepler: 1');
          return racer;
        }),
      );
      const replies = await Promise.all(racers.map((racer) => racer.sayText('1')));
      expect(replies.filter((reply) => reply.includes(AGENT_TEXTS.connected))).toHaveLength(1);
      expect(replies.filter((reply) => reply.includes(AGENT_TEXTS.gone))).toHaveLength(3);
      await citizen.waitForReply(texted(/Bir çağrı merkezi temsilcisi bağlandı/));
      expect(citizen.replies.filter(texted(/Bir çağrı merkezi temsilcisi bağlandı/))).toHaveLength(1);
      await citizen.say('iptal');
    });
  });
});
