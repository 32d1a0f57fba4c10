import { withLogContext, type Logger } from './logger';
import { newLogId } from './logger';

/** What the bot reports of each turn it runs; the bot knows nothing more of it. */
export interface TurnObserver {
  run(activity: { channelId?: string; type?: string }, turn: () => Promise<void>): Promise<void>;
}

/**
 * Every bot turn: a turn id on each line it logs, its duration in the metrics, and a count of the
 * turns in flight, which shutdown waits for.
 */
export class TurnTracker implements TurnObserver {
  private inFlight = 0;
  private idle: (() => void)[] = [];

  constructor(
    private readonly metrics: { turn(channelId: string | undefined, seconds: number): void },
    private readonly logger: Logger,
  ) {}

  run(activity: { channelId?: string; type?: string }, turn: () => Promise<void>): Promise<void> {
    return withLogContext({ turnId: newLogId() }, async () => {
      this.inFlight += 1;
      const started = process.hrtime.bigint();
      try {
        await turn();
      } finally {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        this.metrics.turn(activity.channelId, seconds);
        this.logger.debug('turn done', { channel: activity.channelId, type: activity.type, ms: Math.round(seconds * 1000) });
        this.inFlight -= 1;
        if (this.inFlight === 0) this.idle.splice(0).forEach((wake) => wake());
      }
    });
  }

  get running(): number {
    return this.inFlight;
  }

  /** Resolves true once no turn is in flight, or false when `timeoutMs` passes first. */
  settled(timeoutMs: number): Promise<boolean> {
    if (this.inFlight === 0) return Promise.resolve(true);
    return new Promise((done) => {
      const timer = setTimeout(() => done(false), timeoutMs);
      this.idle.push(() => {
        clearTimeout(timer);
        done(true);
      });
    });
  }
}
