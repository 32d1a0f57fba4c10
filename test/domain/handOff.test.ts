import { MemoryStore } from '../../src/data/memoryStore';
import { RedisStore } from '../../src/data/redisStore';
import type { AuditEntry } from '../../src/domain/audit';
import { DEFAULT_MINUTES_PER_REQUEST, HandOffService, REQUEST_TTL_MS, type HandOffParty } from '../../src/domain/handOff';
import type { KeyValueStore } from '../../src/lib/keyValueStore';
import { cryptoRandom } from '../../src/lib/random';
import { FakeClock } from '../support/fakeClock';
import { describeWithRedis, TEST_REDIS_URL } from '../support/services';

const party = (key: string): HandOffParty => ({
  conversationKey: key,
  reference: { conversation: { id: key } },
  locale: 'tr',
  channel: 'emulator',
});

/** The queue's rules on one store, many callers at the same instant. */
function queueContract(open: () => Promise<KeyValueStore>) {
  let store: KeyValueStore;
  const clock = new FakeClock(Date.now());
  let audit: AuditEntry[];
  let handOffs: HandOffService;
  const run = `${Date.now()}-${Math.random().toString(36).slice(2)}`;

  beforeEach(async () => {
    store = await open();
    audit = [];
    handOffs = new HandOffService(store, { record: async (entry) => void audit.push(entry) }, clock, cryptoRandom);
    // Requests of an earlier test (the Redis store is shared) have lapsed.
    clock.advance(REQUEST_TTL_MS + 1);
  });
  afterEach(async () => {
    await store.close();
  });

  test('when twenty agents take the same request in the same instant, then exactly one wins and one take is audited', async () => {
    await handOffs.request(party(`citizen-${run}-race`));
    const [request] = await handOffs.waiting();
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        handOffs.take(request!.id, { id: `agent-${index}`, name: 'Agent' }, party(`agent-${run}-${index}`)),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.result === 'taken')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.result === 'gone')).toHaveLength(19);
    expect(audit.filter((entry) => entry.action === 'handoff.taken')).toHaveLength(1);
    expect(await handOffs.stateOf(`citizen-${run}-race`)).toMatchObject({ state: 'connected', side: 'citizen' });
  });

  test('when thirty citizens ask in the same instant, then none is lost and each has a place of its own', async () => {
    const outcomes = await Promise.all(Array.from({ length: 30 }, (_, index) => handOffs.request(party(`citizen-${run}-${index}`))));
    expect(outcomes.map((outcome) => (outcome.result === 'queued' ? outcome.position : 0)).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 30 }, (_, index) => index + 1),
    );
    expect(await handOffs.waiting()).toHaveLength(30);
  });

  test('when a citizen leaves while an agent takes the request, then either the agent is connected or the citizen has left, never both', async () => {
    await handOffs.request(party(`citizen-${run}-leave`));
    const [request] = await handOffs.waiting();
    const [taken, left] = await Promise.all([
      handOffs.take(request!.id, { id: 'agent-1', name: 'Agent' }, party(`agent-${run}-leave`)),
      handOffs.leave(`citizen-${run}-leave`),
    ]);
    expect(taken.result === 'taken').not.toBe(left);
    expect(await handOffs.waiting()).toHaveLength(0);
  });

  test('when a request has waited 30 minutes, then it has lapsed: no agent sees it and the citizen is no longer waiting', async () => {
    await handOffs.request(party(`citizen-${run}-lapse`));
    clock.advance(REQUEST_TTL_MS - 1000);
    expect(await handOffs.waiting()).toHaveLength(1);
    expect(await handOffs.stateOf(`citizen-${run}-lapse`)).toMatchObject({ state: 'queued', position: 1 });
    clock.advance(1000);
    expect(await handOffs.waiting()).toHaveLength(0);
    expect(await handOffs.stateOf(`citizen-${run}-lapse`)).toEqual({ state: 'none' });
  });

  test('when no agent took a request in the past hour, then the wait is estimated at the default pace, and once agents take requests, at theirs', async () => {
    clock.advance(2 * REQUEST_TTL_MS);
    await handOffs.request(party(`citizen-${run}-pace-0`));
    const second = await handOffs.request(party(`citizen-${run}-pace-1`));
    expect(second).toEqual({ result: 'queued', position: 2, waitMinutes: 2 * DEFAULT_MINUTES_PER_REQUEST });
    // Three takes two minutes apart: a pace of two minutes a citizen.
    for (let index = 0; index < 3; index++) {
      if (index > 0) clock.advance(2 * 60_000);
      if (index === 2) await handOffs.request(party(`citizen-${run}-pace-2`));
      const [request] = await handOffs.waiting();
      await handOffs.take(request!.id, { id: `agent-${index}`, name: 'Agent' }, party(`agent-${run}-pace-${index}`));
    }
    await handOffs.request(party(`citizen-${run}-pace-3`));
    await handOffs.request(party(`citizen-${run}-pace-4`));
    expect(await handOffs.stateOf(`citizen-${run}-pace-4`)).toEqual({ state: 'queued', position: 2, waitMinutes: 4 });
  });

  test('when both sides end a connection at once, then it ends once', async () => {
    await handOffs.request(party(`citizen-${run}-end`));
    const [request] = await handOffs.waiting();
    const taken = await handOffs.take(request!.id, { id: 'agent-1', name: 'Agent' }, party(`agent-${run}-end`));
    if (taken.result !== 'taken') throw new Error('not taken');
    const ends = await Promise.all([handOffs.end(taken.connection, 'citizen'), handOffs.end(taken.connection, 'agent')]);
    expect(ends.filter(Boolean)).toHaveLength(1);
    expect(audit.filter((entry) => entry.action === 'handoff.ended')).toHaveLength(1);
    expect(await handOffs.stateOf(`citizen-${run}-end`)).toEqual({ state: 'none' });
    expect(await handOffs.stateOf(`agent-${run}-end`)).toEqual({ state: 'none' });
  });
}

describe('the hand-off queue in the in-process store', () => {
  // The store's own expiry follows real time here; the queue's 30 minutes follow the service's clock.
  queueContract(async () => new MemoryStore(new FakeClock(Date.now())));
});

describeWithRedis()('the hand-off queue in Redis', () => {
  const prefix = `eimza-test-handoff-${process.pid}-${Date.now()}:`;
  queueContract(() => RedisStore.connect(TEST_REDIS_URL, prefix));
});
