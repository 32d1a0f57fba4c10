import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, type Sessions } from '../../src/domain/sessions';
import { MemoryStore } from '../../src/data/memoryStore';
import { fakeWorld, sessions, type FakeWorld } from '../support/domainFakes';
import { FakeClock } from '../support/fakeClock';

const citizen = { citizenId: 'citizen-1', nationalId: '10000000146', firstName: 'Ayşe', lastName: 'Yılmaz', phone: '+905321234567' };
const MINUTE = 60_000;

describe('authenticated sessions: 5 minutes idle, 15 minutes at most (SPEC §1.7)', () => {
  let world: FakeWorld;
  let store: Sessions;
  /** A store whose entries never expire, as a Redis key whose expiry lags: the timeouts must hold without it. */
  let lasting: MemoryStore;

  beforeEach(() => {
    world = fakeWorld();
    store = sessions(world);
    lasting = new MemoryStore(new FakeClock());
  });
  afterEach(async () => {
    await world.close();
    await lasting.close();
  });

  const confirmedSession = async (): Promise<string> => {
    const id = await store.start(citizen);
    await store.confirm(id);
    return id;
  };

  test('when a session starts, then it is active and waits for the SMS code', async () => {
    const id = await store.start(citizen);
    expect(await store.touch(id)).toEqual({ state: 'active', session: expect.objectContaining({ ...citizen, confirmed: false }) });
    await store.confirm(id);
    expect(await store.touch(id)).toMatchObject({ state: 'active', session: { confirmed: true } });
  });

  test.each(['expiring', 'lasting'])(
    'when a confirmed session is idle for 5 minutes, then it has expired, and stays so (%s store)',
    async (kind) => {
      if (kind === 'lasting') store = sessions(world, lasting);
      const id = await confirmedSession();
      world.clock.advance(SESSION_IDLE_MS - 1000);
      expect((await store.touch(id)).state).toBe('active');
      world.clock.advance(SESSION_IDLE_MS);
      expect(await store.touch(id)).toEqual({ state: 'expired' });
      world.clock.advance(-SESSION_IDLE_MS);
      expect(await store.touch(id)).toEqual({ state: 'expired' });
    },
  );

  test('when the citizen keeps acting, then the idle timeout starts again at each turn', async () => {
    const id = await confirmedSession();
    for (let minute = 4; minute <= 12; minute += 4) {
      world.clock.advance(4 * MINUTE);
      expect((await store.touch(id)).state).toBe('active');
    }
  });

  test.each(['expiring', 'lasting'])(
    'when 15 minutes have passed since the start, then the session has expired however active it was (%s store)',
    async (kind) => {
      if (kind === 'lasting') store = sessions(world, lasting);
      const id = await confirmedSession();
      for (let elapsed = 0; elapsed < SESSION_ABSOLUTE_MS - 4 * MINUTE; elapsed += 4 * MINUTE) {
        world.clock.advance(4 * MINUTE);
        expect((await store.touch(id)).state).toBe('active');
      }
      world.clock.advance(SESSION_ABSOLUTE_MS - 12 * MINUTE);
      expect(await store.touch(id)).toEqual({ state: 'expired' });
    },
  );

  test.each(['expiring', 'lasting'])(
    'when the SMS code has not been entered yet, then the idle timeout does not apply but the absolute one does (%s store)',
    async (kind) => {
      if (kind === 'lasting') store = sessions(world, lasting);
      const id = await store.start(citizen);
      world.clock.advance(SESSION_IDLE_MS + MINUTE);
      expect((await store.touch(id)).state).toBe('active');
      world.clock.advance(SESSION_ABSOLUTE_MS);
      expect(await store.touch(id)).toEqual({ state: 'expired' });
    },
  );

  test('when the citizen logs out, or never logged in, then there is no session', async () => {
    const id = await confirmedSession();
    await store.end(id);
    expect(await store.touch(id)).toEqual({ state: 'expired' });
    expect(await store.touch(undefined)).toEqual({ state: 'none' });
  });
});
