import type { BackgroundTasks } from '../lib/background';
import type { Clock } from '../lib/clock';
import type { KeyValueStore } from '../lib/keyValueStore';
import type { Meter } from '../lib/meter';

const HOUR_MS = 60 * 60_000;

/**
 * Blocks are a citizen forgetting a word a few times a day, or a weapon (SPEC §5): when more
 * accounts are blocked in a clock hour than BLOCK_ALERT_PER_HOUR, a warning is logged, once for
 * that hour, not once per block. Counted in the shared store, so every instance's blocks add up.
 */
export class BlockRateAlarm {
  constructor(
    private readonly store: KeyValueStore,
    private readonly clock: Clock,
    private readonly threshold: number,
    private readonly warn: (message: string, fields: Record<string, unknown>) => void,
  ) {}

  /** Counts one block; the block that takes the hour past the threshold logs the warning. */
  async blocked(): Promise<void> {
    const hour = Math.floor(this.clock.now().getTime() / HOUR_MS);
    const count = await this.store.increment(`block-alarm:${hour}`, 2 * HOUR_MS);
    if (count === this.threshold + 1) {
      this.warn('account blocks above BLOCK_ALERT_PER_HOUR: a script may be blocking citizens it knows the ID of', {
        blocksThisHour: count,
        threshold: this.threshold,
      });
    }
  }

  /** The meter the login service counts into: the same metrics, with each block also counted here. */
  watching(meter: Meter, background: BackgroundTasks): Meter {
    return {
      login: (outcome) => meter.login(outcome),
      accountBlocked: () => {
        meter.accountBlocked();
        background.run('block-alarm', () => this.blocked());
      },
      smsCode: (outcome) => meter.smsCode(outcome),
      mail: (outcome) => meter.mail(outcome),
      expiryReminder: (channel, threshold, outcome) => meter.expiryReminder(channel, threshold, outcome),
    };
  }
}
