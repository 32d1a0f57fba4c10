import type { Config } from '../config';
import { purgeExpiredRecords } from '../data/retention';
import type { ReminderRun } from '../domain/expiryReminders';
import type { TurnTracker } from '../turns';
import type { Domain } from './domain';
import type { Http } from './http';
import type { Infrastructure } from './infrastructure';

/** Starting, the background work while running, and the graceful stop. */
export type Lifecycle = {
  /** The daily retention job, also run at start. */
  purgeExpiredRecords(): Promise<void>;
  /** The daily expiry reminder job, also run at start (one instance at a time). */
  remindOfExpiry(): Promise<ReminderRun>;
  /** Starts listening; resolves with the port. */
  listen(port?: number): Promise<number>;
  /**
   * Graceful stop: /readyz answers 503, no new connections, turns in flight finish (10 s at most),
   * one last pass of the mail queue (5 s at most), then the stores close.
   */
  close(): Promise<void>;
};

const RETENTION_INTERVAL_MS = 24 * 60 * 60_000;
const REMINDER_INTERVAL_MS = 24 * 60 * 60_000;
/** Reminders' text and chat messages that failed are tried again when due; this often it is looked. */
const REMINDER_DELIVERY_INTERVAL_MS = 5 * 60_000;
/** Shutdown waits this long for turns in flight, then for other requests, then for the last mail pass. */
const TURN_GRACE_MS = 10_000;
const REQUEST_GRACE_MS = 3_000;
const MAIL_FLUSH_MS = 5_000;

/** Starts the background work (retention, mail delivery) and returns the app's start and stop. */
export function startLifecycle(config: Config, infrastructure: Infrastructure, domain: Domain, http: Http, turns: TurnTracker): Lifecycle {
  const { db, store, clock, logger, background, mailWorker } = infrastructure;
  const { server, metricsEndpoint } = http;

  const purge = async () => {
    const summary = await purgeExpiredRecords(db, clock.now(), config.AUDIT_RETENTION_DAYS);
    logger.info('expired records purged', { purged: summary });
  };
  const retentionTimer = setInterval(() => background.run('retention', purge), RETENTION_INTERVAL_MS);
  retentionTimer.unref();
  background.run('retention', purge);
  mailWorker.start();

  const remind = async () => {
    const run = await domain.expiryReminders.run();
    if (run.result === 'busy') logger.info('expiry reminders: another instance is running the job');
    else logger.info('expiry reminders run', { ...run });
    return run;
  };
  const deliverReminders = async () => {
    const delivered = await domain.expiryReminders.deliverDue();
    if (delivered.delivered + delivered.retrying + delivered.failed > 0) logger.info('expiry reminder messages delivered', delivered);
  };
  const reminderTimers =
    config.EXPIRY_REMINDER_DAYS.length === 0
      ? []
      : [
          setInterval(() => background.run('expiry-reminders', async () => void (await remind())), REMINDER_INTERVAL_MS),
          setInterval(() => background.run('expiry-reminder-deliveries', deliverReminders), REMINDER_DELIVERY_INTERVAL_MS),
        ];
  for (const timer of reminderTimers) timer.unref();
  if (reminderTimers.length > 0) background.run('expiry-reminders', async () => void (await remind()));

  return {
    purgeExpiredRecords: purge,
    remindOfExpiry: remind,
    listen: async (port = config.PORT) => {
      await metricsEndpoint.listen();
      return new Promise((done) => {
        server.listen(port, config.HOST, () => done((server.address() as { port: number }).port));
      });
    },
    async close() {
      http.startDraining();
      logger.info('draining: no new connections, finishing the turns in flight', { turns: turns.running });
      clearInterval(retentionTimer);
      for (const timer of reminderTimers) clearInterval(timer);
      http.directLine.close();
      await metricsEndpoint.close();
      const listening = server.server;
      const closed = new Promise<void>((done) => listening.close(() => done()));
      if (!(await turns.settled(TURN_GRACE_MS))) logger.warn('turns still running at shutdown', { turns: turns.running });
      // Connections that answered their last request would otherwise wait seconds for another.
      listening.closeIdleConnections();
      if (!(await within(closed, REQUEST_GRACE_MS))) listening.closeAllConnections();
      mailWorker.flush();
      if (!(await within(background.drain(), MAIL_FLUSH_MS)))
        logger.warn('mail delivery or other background work still running at shutdown');
      await store.close();
      await infrastructure.activityStreams.close();
      await db.close();
      await infrastructure.dataDirLock?.close();
    },
  };
}

/** Waits for `work` at most `ms`; true when it finished in time. */
async function within(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((done) => (timer = setTimeout(() => done(false), ms)));
  const finished = await Promise.race([work.then(() => true as const), timeout]);
  clearTimeout(timer);
  return finished;
}
