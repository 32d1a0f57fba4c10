import { importSeed, parseSeed } from '../../src/data/seed';
import { EmulatorClient } from '../support/emulator';
import { FakeClock } from '../support/fakeClock';
import { solveTextChallenge } from '../support/solveChallenge';
import { startTestApp, type TestApp } from '../support/testApp';

/**
 * Blocking accounts en masse (many sources, each under its own limit) shows only as a rate: the
 * operators must see it. account_blocks_total counts blocks; more than BLOCK_ALERT_PER_HOUR blocks
 * in an hour log one warning, not one per block.
 */
jest.setTimeout(120_000);

const VICTIMS = ['ALERT001', 'ALERT002', 'ALERT003', 'ALERT004', 'ALERT005'];
const THRESHOLD = 2;

async function blocksTotal(running: TestApp): Promise<number> {
  const text = await (await fetch(`${running.baseUrl}/metrics`)).text();
  const line = text.split('\n').find((candidate) => candidate.startsWith('account_blocks_total '));
  if (!line) throw new Error('account_blocks_total is not in /metrics');
  return Number(line.split(' ')[1]);
}

describe('when more accounts are blocked in an hour than BLOCK_ALERT_PER_HOUR', () => {
  let running: TestApp;
  const clients: EmulatorClient[] = [];

  beforeAll(async () => {
    // A fixed clock: the test's blocks all fall in one hour.
    running = await startTestApp({ BLOCK_ALERT_PER_HOUR: String(THRESHOLD) }, { clock: new FakeClock() });
    const citizens = VICTIMS.map((nationalId, index) => ({
      idType: 'passport',
      nationalId,
      firstName: 'Kurban',
      lastName: `Vatandaş ${index + 1}`,
      email: `alarm${index + 1}@example.org`,
      phone: `+9053300001${String(index + 10).padStart(2, '0')}`,
      securityWord: 'Dogru.Sozcuk.2026',
    }));
    await importSeed(running.app.db, parseSeed({ citizens }), running.app.vault, running.app.hasher);
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.stop()));
    await running.close();
  });

  test('then /metrics counts every block and the log has one warning, from the block that crossed the threshold', async () => {
    const before = await blocksTotal(running);
    const warnings = () => running.logs.filter((line) => line.includes('BLOCK_ALERT_PER_HOUR'));
    for (const [index, victim] of VICTIMS.entries()) {
      const client = new EmulatorClient(running.baseUrl, `conv-alarm-${index}`);
      clients.push(client);
      await client.start();
      await client.join();
      await client.say('Şifreli Giriş');
      await client.say(solveTextChallenge(await client.sayText(victim)));
      for (const wrong of ['yanlis-1', 'yanlis-2', 'yanlis-3']) await client.say(wrong);
      await running.app.background.drain();
      // Up to the threshold nothing is said; the block past it says so once, and later ones add nothing.
      expect(warnings()).toHaveLength(index + 1 > THRESHOLD ? 1 : 0);
    }
    expect((await blocksTotal(running)) - before).toBe(VICTIMS.length);
    const [warning] = warnings();
    expect(JSON.parse(warning!)).toMatchObject({ level: 'warn', threshold: THRESHOLD, blocksThisHour: THRESHOLD + 1 });
  });
});
