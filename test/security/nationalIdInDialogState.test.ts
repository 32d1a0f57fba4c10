import { seedAgents, TeamsClient, TEAMS_AGENT } from '../support/agents';
import { EmulatorClient } from '../support/emulator';
import { useOperationsApp } from '../support/operations';
import { AYSE } from '../support/citizenLogin';
import { solveTextChallenge } from '../support/solveChallenge';
import { startTestApp, type TestApp } from '../support/testApp';

/**
 * Attack: whoever reads the store (a Redis dump, a backup, a memory image) finds the full Kimlik No
 * of every citizen who began a login or a reset in the last 24 hours, in their dialog state. Dialog
 * state holds only a reference; the ID itself sits in a short-lived entry that ends with the flow.
 */
type MemoryStore = { entries: Map<string, { json: string; expiresAt: number }> };

describe('when a citizen types their Kimlik No and the dialog state is read from the store', () => {
  let running: TestApp;
  let client: EmulatorClient;
  beforeAll(async () => {
    running = await startTestApp();
  });
  afterAll(async () => {
    await client?.stop();
    await running.close();
  });

  /** Every dialog state the store holds, as stored. */
  const dialogStates = () =>
    [...(running.app.store as unknown as MemoryStore).entries]
      .filter(([key]) => key.startsWith('dialog-state:'))
      .map(([, entry]) => entry.json);

  const expectNoFullId = (id: string) => {
    const states = dialogStates();
    expect(states.length).toBeGreaterThan(0);
    for (const state of states) expect(state).not.toContain(id);
  };

  test('then at every step of Şifreli Giriş the state holds no full ID, and the login still works', async () => {
    client = new EmulatorClient(running.baseUrl);
    await client.start();
    await client.join();
    await client.say('Şifreli Giriş');
    const challenge = await client.sayText(AYSE.id);
    expectNoFullId(AYSE.id);
    await client.say(solveTextChallenge(challenge));
    expectNoFullId(AYSE.id);
    expect(await client.sayText('yanlis-sozcuk-1')).toMatch(/2 deneme hakkınız kaldı/);
    expectNoFullId(AYSE.id);
    expect(await client.sayText(AYSE.word)).toMatch(/SMS Onay/);
    expectNoFullId(AYSE.id);
  });

  /** The short-lived entries that still hold this full ID (the references a flow left behind). */
  const keptIds = (id: string) =>
    [...(running.app.store as unknown as MemoryStore).entries].filter(
      ([key, entry]) => key.startsWith('national-id-ref:') && entry.json.includes(id),
    );

  test('then a login cancelled at the human check, or given up at the security word, leaves no full ID in the short-lived store', async () => {
    const cancelled = new EmulatorClient(running.baseUrl);
    await cancelled.start();
    await cancelled.join();
    await cancelled.say('Şifreli Giriş');
    await cancelled.sayText(AYSE.id);
    expect(keptIds(AYSE.id)).toHaveLength(1);
    expect(await cancelled.sayText('iptal')).toMatch(/iptal ettim/);
    expect(keptIds(AYSE.id)).toHaveLength(0);

    // Three wrong answers to the human check end the login without a word being checked.
    await cancelled.say('Şifreli Giriş');
    await cancelled.sayText(AYSE.id);
    for (let wrong = 0; wrong < 3; wrong += 1) await cancelled.sayText('1');
    expect(keptIds(AYSE.id)).toHaveLength(0);

    // At the security word, the citizen leaves for the start menu.
    await cancelled.say('Şifreli Giriş');
    const challenge = await cancelled.sayText(AYSE.id);
    await cancelled.say(solveTextChallenge(challenge));
    expect(keptIds(AYSE.id)).toHaveLength(1);
    await cancelled.sayText('iptal');
    expect(keptIds(AYSE.id)).toHaveLength(0);
    await cancelled.stop();
  });

  test('then a conversation paused at the human check (its tenth wrong answer) keeps no full ID and no dialog waiting', async () => {
    const conversation = `conv-paused-${Date.now()}`;
    const guesser = new EmulatorClient(running.baseUrl, conversation);
    await guesser.start();
    await guesser.join();
    // Three wrong answers end a login; the guesser starts it again until the conversation is paused.
    let answer = '';
    for (let turn = 0; turn < 40 && !/durduruldu/.test(answer); turn += 1) {
      if (turn === 0 || /baştan başlatabilirsiniz/.test(answer)) {
        await guesser.say('Şifreli Giriş');
        expect(keptIds(AYSE.id)).toHaveLength(0);
        await guesser.sayText(AYSE.id);
        expect(keptIds(AYSE.id)).toHaveLength(1);
      }
      answer = await guesser.sayText('1');
    }
    expect(answer).toMatch(/işlemler güvenliğiniz için \d+ dakika durduruldu/);
    // The pause cancelled every dialog from the human check out to the conversation's root: the
    // login's reference to the ID went with them, and no question waits for an answer.
    expect(keptIds(AYSE.id)).toHaveLength(0);
    const stored = (running.app.store as unknown as MemoryStore).entries.get(`dialog-state:emulator/conversations/${conversation}/`);
    expect((JSON.parse(stored!.json) as { dialogState: unknown }).dialogState).toEqual({ dialogStack: [] });
    await guesser.stop();
  });

  test('then in Güvenlik Sözcüğümü Unuttum the state holds no full ID either', async () => {
    const forgot = new EmulatorClient(running.baseUrl);
    await forgot.start();
    await forgot.join();
    await forgot.say('Güvenlik Sözcüğümü Unuttum');
    const challenge = await forgot.sayText(AYSE.id);
    expectNoFullId(AYSE.id);
    expect(await forgot.sayText(solveTextChallenge(challenge))).toMatch(/bağlantı/);
    expectNoFullId(AYSE.id);
    await forgot.stop();
  });
});

describe("when an agent types a citizen's Kimlik No to lift a block and the dialog state is read from the store", () => {
  // Teams vouches for an agent only through a checked Bot Framework token.
  const world = useOperationsApp('embedded', { signed: true });
  let agent: TeamsClient | undefined;
  beforeAll(async () => {
    await seedAgents(world.running.app, [TEAMS_AGENT]);
  });
  afterAll(async () => {
    await agent?.stop();
  });

  test('then while the reason is asked the state holds no full ID, and the block is lifted', async () => {
    const citizen = await world.newCitizen();
    await world.running.app.db.query('UPDATE citizens SET blocked_at = now(), failed_attempts = 3 WHERE national_id = $1', [citizen.id]);
    agent = new TeamsClient(world.running.baseUrl, TEAMS_AGENT.externalId, 'msteams');
    agent.signer = world.signer;
    await agent.start();
    await agent.join();
    await agent.say('Blokeyi Kaldır');
    expect(await agent.sayText(citizen.id)).toContain(citizen.maskedId);
    const states = [...(world.running.app.store as unknown as MemoryStore).entries]
      .filter(([key]) => key.startsWith('dialog-state:'))
      .map(([, entry]) => entry.json);
    expect(states.length).toBeGreaterThan(0);
    for (const state of states) expect(state).not.toContain(citizen.id);
    expect(await agent.sayText('Vatandaş aradı, kimliği sorularla doğrulandı')).toContain('blokesi kaldırıldı');
  });
});
