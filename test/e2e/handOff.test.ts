import { AGENT_TEXTS, everything, SECOND_TEAMS_AGENT, seedAgents, TeamsClient, TEAMS_AGENT, withActions } from '../support/agents';
import { codeIn } from '../support/citizenLogin';
import { solveTextChallenge } from '../support/solveChallenge';
import { translate } from '../../src/language/messages';
import type { EmulatorClient } from '../support/emulator';
import { MINUTE, useOperationsApp, type Backend } from '../support/operations';
import { describeWithPostgres, describeWithRedis } from '../support/services';

type AuditRow = { actor: string; action: string; channel: string; details: Record<string, unknown> };

const CONNECTED = /Bir çağrı merkezi temsilcisi bağlandı/;
const ENDED_FOR_CITIZEN = /Temsilciyle görüşme sona erdi/;

function handOffTests(backend: Backend) {
  // Agents on Teams are recognized only on requests with a checked token: every conversation here is signed.
  const world = useOperationsApp(backend, { signed: true });
  const agents: EmulatorClient[] = [];
  let auditBefore = 0;

  beforeAll(async () => {
    await seedAgents(world.running.app, [TEAMS_AGENT, SECOND_TEAMS_AGENT]);
    // On Redis, a queue an earlier run left behind, written on another fake clock.
    await world.running.app.store.delete('handoff:queue');
    await world.running.app.store.delete('handoff:takes');
  });
  beforeEach(async () => {
    // Whatever an earlier test left in the queue has lapsed (30 minutes).
    world.clock.advance(31 * MINUTE);
    const [row] = await world.running.app.db.query<{ id: number }>('SELECT coalesce(max(id), 0)::int AS id FROM audit_log');
    auditBefore = row!.id;
  });
  afterEach(async () => {
    await Promise.all(agents.splice(0).map((client) => client.stop()));
  });

  /** An agent's Teams conversation at the agent menu. */
  const agentAtMenu = async (who: { externalId: string } = TEAMS_AGENT) => {
    const agent = new TeamsClient(world.running.baseUrl, who.externalId);
    agent.signer = world.signer;
    await agent.start();
    agents.push(agent);
    await agent.join();
    return agent;
  };

  /** The hand-off rows written during this test. */
  const handOffAudit = () =>
    world.running.app.db.query<AuditRow>(
      "SELECT actor, action, channel, details FROM audit_log WHERE id > $1 AND action LIKE 'handoff.%' ORDER BY id",
      [auditBefore],
    );

  const texted = (expected: string | RegExp) => (reply: { text?: string }) =>
    typeof expected === 'string' ? reply.text === expected : expected.test(reply.text ?? '');
  /** A reply matching `predicate` among those that arrived after the first `count`. */
  const laterThan = (client: EmulatorClient, count: number, predicate: (reply: { text?: string }) => boolean) =>
    client.waitForReply((reply) => client.replies.indexOf(reply) >= count && predicate(reply));

  test('when a logged-in citizen asks for an agent and one takes the request, then messages are relayed both ways until the agent ends it, and nothing else crosses', async () => {
    const citizen = await world.newCitizen();
    const waiting = await world.atMenu(citizen);
    const code = codeIn(world.smsTo(citizen.phone).at(-1)!.body);

    const queued = await waiting.sayText('temsilci');
    expect(queued).toContain('Sıranız: 1.');
    expect(queued).not.toContain('Sıradaki yeriniz');
    // No request was taken in the past hour: five minutes for each citizen up to and including this one.
    expect(queued).toContain('Tahmini bekleme: yaklaşık 5 dakika.');
    expect(queued).toContain(`Çağrı Merkezi'ni ${translate('tr', 'callCenter.hours')} 0262 648 18 18 numarasından`);
    const other = await world.open();
    await other.join();
    expect(await other.sayText('temsilci')).toContain('Sıranız: 2. Tahmini bekleme: yaklaşık 10 dakika.');
    // While waiting, messages are not dialog input.
    expect(await waiting.sayText('Sertifika Listele')).toContain('Sıranız: 1.');

    world.clock.advance(3 * MINUTE);
    const agent = await agentAtMenu();
    const list = withActions(await agent.say('Bekleyen Talepler'));
    expect(list).toContain('Bekleyen talepler: 2');
    expect(list).toContain('3 dakikadır bekliyor (emulator, Türkçe)');
    expect(await agent.sayText('1')).toContain(AGENT_TEXTS.connected);
    await waiting.waitForReply(texted(CONNECTED));

    expect(await waiting.say('Merhaba, hesabımla ilgili yardım istiyorum')).toEqual([]);
    await agent.waitForReply(texted('Vatandaş: Merhaba, hesabımla ilgili yardım istiyorum'));
    expect(await agent.say('Size yardımcı olacağım.')).toEqual([]);
    await waiting.waitForReply(texted('Temsilci: Size yardımcı olacağım.'));
    // The citizen's global commands are relayed, not interpreted.
    expect(await waiting.say('menü')).toEqual([]);
    await agent.waitForReply(texted('Vatandaş: menü'));
    // Something that looks like a PIN or a code is not passed on.
    expect(await waiting.sayText('482 915')).toContain('temsilciye iletilmedi');
    // … nor a code inside a sentence, however it is spaced or dashed.
    for (const sentence of ['pinim 482915 mi?', 'kodum 48-29-15', 'PUK 7392 0481 doğru mu']) {
      expect(await waiting.sayText(sentence)).toBe(translate('tr', 'handOff.withheld'));
    }
    // Numbers of five digits or fewer in a sentence still go through.
    expect(await waiting.say('2 kartım var, 12345 numaralı başvuru')).toEqual([]);
    await agent.waitForReply(texted('Vatandaş: 2 kartım var, 12345 numaralı başvuru'));
    // The agent's look-up is the agent's alone.
    expect(await agent.sayText(`ara ${citizen.id}`)).toContain(`Vatandaş ${citizen.maskedId}`);

    const beforeEnd = waiting.replies.length;
    const ended = await agent.sayText('bitir');
    expect(ended).toContain('Vatandaşla görüşme sona erdi.');
    expect(ended).toContain(AGENT_TEXTS.again);
    await waiting.waitForReply(texted(ENDED_FOR_CITIZEN));
    // The question the citizen was at comes again, without their having to ask.
    await laterThan(waiting, beforeEnd, texted(/İşlemler Menüsü'nden yapmak istediğiniz işlemi seçin/));
    // The citizen carries on where they were, at the İşlemler Menüsü; nothing goes to the agent any more.
    expect(await waiting.sayText('Sertifika Listele')).toContain(citizen.certificates[0]!);
    expect(agent.replies.some((reply) => reply.text?.includes('Sertifika Listele'))).toBe(false);

    const agentSaw = everything(agent);
    for (const secret of [citizen.word, code, '482 915', '482915', '48-29-15', '0481', citizen.id, citizen.phone, citizen.email]) {
      expect(agentSaw).not.toContain(secret);
    }
    const citizenSaw = everything(waiting);
    for (const internal of ['Ad Soyad', 'Hatalı deneme', 'Son güvenlik olayları', citizen.maskedId, AGENT_TEXTS.connected, 'Vatandaş:']) {
      expect(citizenSaw).not.toContain(internal);
    }

    expect(await other.sayText('iptal')).toContain('Temsilci sırasından çıktınız.');
    expect(withActions(other.replies.slice(-1))).toContain('Şifreli Giriş');
    expect(await handOffAudit()).toEqual([
      {
        actor: `agent:${TEAMS_AGENT.id}`,
        action: 'handoff.taken',
        channel: 'msteams',
        details: { request: expect.any(String), citizenChannel: 'emulator', waitedSeconds: 180 },
      },
      {
        actor: `agent:${TEAMS_AGENT.id}`,
        action: 'handoff.ended',
        channel: 'msteams',
        details: { request: expect.any(String), agent: TEAMS_AGENT.id, endedBy: 'agent' },
      },
    ]);
  });

  test('when the citizen types "iptal" during the hand-off, then it ends for both, the citizen gets the question again and the agent the menu', async () => {
    const citizen = await world.open();
    await citizen.join();
    await citizen.say('Güvenlik Sözcüğümü Unuttum');
    expect(await citizen.sayText('temsilci')).toContain('Sıranız: 1.');
    const agent = await agentAtMenu(SECOND_TEAMS_AGENT);
    // Under a minute of waiting reads "az önce", never "0 dakikadır".
    const list = withActions(await agent.say('Bekleyen Talepler'));
    expect(list).toContain('az önce geldi (emulator, Türkçe)');
    expect(list).not.toContain('0 dakikadır');
    await agent.say('1');
    await citizen.waitForReply(texted(CONNECTED));

    const ended = await citizen.sayText('iptal');
    expect(ended).toMatch(ENDED_FOR_CITIZEN);
    expect(ended).toContain('Kimlik No');
    await agent.waitForReply(texted('Vatandaş görüşmeyi sonlandırdı. Temsilci menüsü için "menü" yazın.'));
    const menu = withActions(await agent.say('menü'));
    for (const label of AGENT_TEXTS.menu) expect(menu).toContain(label);
    expect(await citizen.sayText('10000000146')).toContain('Güvenlik kontrolü');
    expect(agent.replies.some((reply) => reply.text?.includes('10000000146'))).toBe(false);

    expect((await handOffAudit()).map((row) => [row.actor, row.action, row.details['endedBy']])).toEqual([
      [`agent:${SECOND_TEAMS_AGENT.id}`, 'handoff.taken', undefined],
      ['citizen', 'handoff.ended', 'citizen'],
    ]);
  });

  test('when a citizen asks for an agent at the security-word prompt, then the word typed in the agent conversation is withheld, and the word prompt comes again when the agent ends', async () => {
    const citizen = await world.newCitizen();
    const client = await world.open();
    await client.join();
    await client.say('Şifreli Giriş');
    const challenge = await client.sayText(citizen.id);
    expect(await client.sayText(solveTextChallenge(challenge))).toContain('Güvenlik Sözcüğü');
    expect(await client.sayText('temsilci')).toContain('Sıranız: 1.');
    const agent = await agentAtMenu();
    await agent.say('Bekleyen Talepler');
    await agent.say('1');
    await client.waitForReply(texted(CONNECTED));

    // Out of habit, the word itself, and a word-like secret at any time.
    expect(await client.sayText(citizen.word)).toBe(translate('tr', 'handOff.withheld'));
    expect(await client.sayText('Lale.Bahce.42')).toBe(translate('tr', 'handOff.withheld'));
    // At the word prompt, a single word of a security word's length is withheld even without digits.
    expect(await client.sayText('gokkusagimavi')).toBe(translate('tr', 'handOff.withheld'));
    expect(await client.say('Merhaba, giriş yapamıyorum')).toEqual([]);
    await agent.waitForReply(texted('Vatandaş: Merhaba, giriş yapamıyorum'));

    const beforeEnd = client.replies.length;
    await agent.say('bitir');
    await client.waitForReply(texted(ENDED_FOR_CITIZEN));
    await laterThan(client, beforeEnd, (reply) => JSON.stringify(reply).includes(translate('tr', 'login.wordPrompt')));
    expect(everything(agent)).not.toContain(citizen.word);
    expect(everything(agent)).not.toContain('Lale.Bahce.42');
    expect(everything(agent)).not.toContain('gokkusagimavi');
  });

  test('when six agent conversations take the same request at once, then exactly one is connected and the others are told it is gone', async () => {
    const citizen = await world.open();
    await citizen.join();
    await citizen.say('temsilci');
    const racers = await Promise.all(
      [TEAMS_AGENT, SECOND_TEAMS_AGENT, TEAMS_AGENT, SECOND_TEAMS_AGENT, TEAMS_AGENT, SECOND_TEAMS_AGENT].map((who) => agentAtMenu(who)),
    );
    for (const racer of racers) expect(await racer.sayText('Bekleyen Talepler')).toContain('Bekleyen talepler: 1');

    const replies = await Promise.all(racers.map((racer) => racer.sayText('1')));
    expect(replies.filter((reply) => reply.includes(AGENT_TEXTS.connected))).toHaveLength(1);
    const losers = replies.filter((reply) => reply.includes(AGENT_TEXTS.gone));
    expect(losers).toHaveLength(5);
    for (const reply of losers) expect(reply).toContain('Bekleyen talep yok.');
    expect(citizen.replies.filter(texted(CONNECTED))).toHaveLength(1);
    expect((await handOffAudit()).filter((row) => row.action === 'handoff.taken')).toHaveLength(1);

    const winner = racers[replies.findIndex((reply) => reply.includes(AGENT_TEXTS.connected))]!;
    expect(await citizen.say('Teşekkürler')).toEqual([]);
    await winner.waitForReply(texted('Vatandaş: Teşekkürler'));
    for (const loser of racers.filter((racer) => racer !== winner)) expect(everything(loser)).not.toContain('Teşekkürler');
    await winner.say('bitir');
    await citizen.waitForReply(texted(ENDED_FOR_CITIZEN));
  });

  test('when twenty citizens ask for an agent at the same moment, then each gets a place of their own and the agent sees all twenty', async () => {
    const citizens = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const citizen = await world.open();
        await citizen.join();
        return citizen;
      }),
    );
    const replies = await Promise.all(citizens.map((citizen) => citizen.sayText('temsilci')));
    const places = replies.map((reply) => Number(reply.match(/Sıranız: (\d+)/)?.[1])).sort((a, b) => a - b);
    expect(places).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
    const agent = await agentAtMenu();
    expect(await agent.sayText('Bekleyen Talepler')).toContain('Bekleyen talepler: 20');
  });

  test('when the citizen writes in English, then the queue, the relay and the end are in English, and the agent reads Turkish', async () => {
    const citizen = await world.open('en-US');
    await citizen.join();
    const queued = await citizen.sayText('agent');
    expect(queued).toContain('Your place in the queue: 1');
    expect(queued).toContain('+90 262 648 18 18');
    const agent = await agentAtMenu();
    expect(withActions(await agent.say('Bekleyen Talepler'))).toContain('(emulator, İngilizce)');
    await agent.say('1');
    await citizen.waitForReply(texted(/A call-center agent has joined/));
    await agent.say('Nasıl yardımcı olabilirim?');
    await citizen.waitForReply(texted('Agent: Nasıl yardımcı olabilirim?'));
    await citizen.say('I cannot log in');
    await agent.waitForReply(texted('Vatandaş: I cannot log in'));
    expect(await citizen.sayText('end')).toContain('The conversation with the agent has ended.');
    await agent.waitForReply(texted(/Vatandaş görüşmeyi sonlandırdı/));
  });
}

describe('the hand-off to an agent on the embedded default', () => {
  handOffTests('embedded');
});

describeWithPostgres()('the hand-off to an agent on PostgreSQL', () => {
  describeWithRedis()('and Redis', () => {
    handOffTests('postgres');
  });
});
