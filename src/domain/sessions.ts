import type { Clock } from '../lib/clock';
import type { KeyValueStore } from '../lib/keyValueStore';
import type { RandomSource } from '../lib/random';

export const SESSION_IDLE_MS = 5 * 60_000;
export const SESSION_ABSOLUTE_MS = 15 * 60_000;
/**
 * A turn checks its session at several steps; activity within this long of the last recorded one
 * is not written again (the idle timeout counts in minutes).
 */
const ACTIVITY_RESOLUTION_MS = 1000;

/** Who is logged in. Kept server-side; the conversation holds only the session's random id. */
export type Session = {
  citizenId: string;
  nationalId: string;
  firstName: string;
  lastName: string;
  phone: string;
  /** False until the SMS Onay code has been entered. */
  confirmed: boolean;
  startedAt: number;
  lastSeenAt: number;
};

export type SessionCheck = { state: 'active'; session: Session } | { state: 'expired' } | { state: 'none' };

/** Authenticated sessions: 5 minutes idle, 15 minutes at most (SPEC §1.7). */
export class Sessions {
  constructor(
    private readonly store: KeyValueStore,
    private readonly clock: Clock,
    private readonly random: RandomSource,
  ) {}

  async start(citizen: Omit<Session, 'confirmed' | 'startedAt' | 'lastSeenAt'>): Promise<string> {
    const id = this.random.bytes(18).toString('base64url');
    const now = this.clock.now().getTime();
    await this.save(id, { ...citizen, confirmed: false, startedAt: now, lastSeenAt: now });
    return id;
  }

  async confirm(id: string): Promise<void> {
    const check = await this.touch(id);
    if (check.state === 'active') await this.save(id, { ...check.session, confirmed: true });
  }

  /** Checks both timeouts and, when the session is still alive, counts this as activity. */
  async touch(id: string | undefined): Promise<SessionCheck> {
    if (!id) return { state: 'none' };
    const session = await this.store.get<Session>(this.key(id));
    if (!session) return { state: 'expired' };
    const now = this.clock.now().getTime();
    // Before the SMS code, the code's own 300 s rule applies; the idle timeout starts with the session (SPEC §1.7).
    const idle = session.confirmed && now - session.lastSeenAt >= SESSION_IDLE_MS;
    if (idle || now - session.startedAt >= SESSION_ABSOLUTE_MS) {
      await this.store.delete(this.key(id));
      return { state: 'expired' };
    }
    if (now - session.lastSeenAt < ACTIVITY_RESOLUTION_MS) return { state: 'active', session };
    const touched = { ...session, lastSeenAt: now };
    await this.save(id, touched);
    return { state: 'active', session: touched };
  }

  async end(id: string | undefined): Promise<void> {
    if (id) await this.store.delete(this.key(id));
  }

  private async save(id: string, session: Session): Promise<void> {
    const now = this.clock.now().getTime();
    // The record disappears by itself when either timeout has passed.
    const absoluteLeft = session.startedAt + SESSION_ABSOLUTE_MS - now;
    const ttl = session.confirmed ? Math.min(SESSION_IDLE_MS, absoluteLeft) : absoluteLeft;
    await this.store.set(this.key(id), session, Math.max(ttl, 1));
  }

  private key(id: string): string {
    return `session:${id}`;
  }
}
