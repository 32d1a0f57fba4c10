import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { LoginMeasure, Meter, ReminderChannel } from './lib/meter';

/** A count of open things that goes up and down (Direct Line connections); by 1 unless told otherwise. */
export interface ConnectionGauge {
  inc(by?: number): void;
  dec(by?: number): void;
}

/** Channels named in the labels; any other channel id counts as `other`, so a client cannot grow the label set. */
const KNOWN_CHANNELS = new Set(['emulator', 'webchat', 'directline', 'msteams', 'sms', 'whatsapp', 'test']);
const LOGIN_OUTCOMES: LoginMeasure[] = ['success', 'wrong_word', 'blocked', 'refused_blocked'];
/** From 5 ms (an echo) to 10 s (a slow SMTP or SMS API inside a turn). */
const TURN_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The process's own metrics (CPU, memory, event loop lag, GC), collected once per process however
 * many apps run in it (tests start dozens): prom-client's collectors, a GC observer among them,
 * cannot be stopped, so one per app would pile up.
 */
const PROCESS_METRICS = Symbol.for('e-imza-yardimcisi.processMetrics');

function processMetrics(): Registry {
  const holder = globalThis as { [PROCESS_METRICS]?: Registry };
  if (!holder[PROCESS_METRICS]) {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    replaceCpuCounters(registry);
    holder[PROCESS_METRICS] = registry;
  }
  return holder[PROCESS_METRICS];
}

/**
 * prom-client counts CPU time from when its collector was registered (here: the first scrape), so a
 * first scrape could read 0; a Prometheus counter is the process's whole CPU time, read at each scrape.
 */
function replaceCpuCounters(registry: Registry): void {
  const cpuSeconds: Array<[name: string, help: string, seconds: (usage: NodeJS.CpuUsage) => number]> = [
    ['process_cpu_user_seconds_total', 'Total user CPU time spent in seconds.', (usage) => usage.user / 1e6],
    ['process_cpu_system_seconds_total', 'Total system CPU time spent in seconds.', (usage) => usage.system / 1e6],
    ['process_cpu_seconds_total', 'Total user and system CPU time spent in seconds.', (usage) => (usage.user + usage.system) / 1e6],
  ];
  for (const [name, help, seconds] of cpuSeconds) {
    registry.removeSingleMetric(name);
    new Counter({
      name,
      help,
      registers: [registry],
      collect() {
        // A counter only goes up; the process's CPU time does too, so reset and add is a set.
        this.reset();
        this.inc(seconds(process.cpuUsage()));
      },
    });
  }
}

export function channelLabel(channelId: string | undefined): string {
  return channelId !== undefined && KNOWN_CHANNELS.has(channelId) ? channelId : 'other';
}

/**
 * The Prometheus metrics of one app instance (GET /metrics), in a registry of its own so several
 * apps in one process (tests) count apart; the process metrics are shown with them. Services see
 * it only as a Meter.
 */
export class Metrics implements Meter {
  readonly registry = new Registry();
  /** Direct Line connections open on this instance (streams and conversations being polled). */
  readonly directLineConnections: ConnectionGauge;
  private readonly turns: Counter<'channel'>;
  private readonly turnSeconds: Histogram<'channel'>;
  private readonly logins: Counter<'outcome'>;
  private readonly blocks: Counter;
  private readonly smsCodes: Counter<'outcome'>;
  private readonly mails: Counter<'outcome'>;
  private readonly reminders: Counter<'channel' | 'threshold' | 'outcome'>;

  /** `mailBacklog` is asked on every scrape; when it fails, the last value stays. */
  constructor(mailBacklog: () => Promise<number>) {
    const registers = [this.registry];
    this.turns = new Counter({ name: 'turns_total', help: 'Bot turns handled, by channel.', labelNames: ['channel'], registers });
    this.turnSeconds = new Histogram({
      name: 'turn_duration_seconds',
      help: 'Time from an activity reaching the bot to its turn being done (replies sent, state saved), by channel.',
      labelNames: ['channel'],
      buckets: TURN_BUCKETS,
      registers,
    });
    this.logins = new Counter({
      name: 'logins_total',
      help: 'Şifreli Giriş security-word tries by outcome: success, wrong_word, blocked (the try that blocked), refused_blocked (already blocked).',
      labelNames: ['outcome'],
      registers,
    });
    this.blocks = new Counter({ name: 'account_blocks_total', help: 'Accounts blocked after three wrong security words.', registers });
    this.smsCodes = new Counter({
      name: 'sms_codes_total',
      help: 'SMS one-time codes by outcome: sent or failed.',
      labelNames: ['outcome'],
      registers,
    });
    this.mails = new Counter({
      name: 'mails_total',
      help: 'E-mail delivery attempts by outcome: sent, failed (retried later) or given_up.',
      labelNames: ['outcome'],
      registers,
    });
    this.reminders = new Counter({
      name: 'expiry_reminders_total',
      help: 'Certificate expiry reminders by channel (email, sms, teams), threshold (days before expiry) and outcome: queued (an e-mail handed to the mail outbox), sent, failed (tried again later), given_up.',
      labelNames: ['channel', 'threshold', 'outcome'],
      registers,
    });
    new Gauge({
      name: 'mail_outbox_backlog',
      help: 'E-mails in the queue not yet delivered nor given up (all instances).',
      registers,
      async collect() {
        try {
          this.set(await mailBacklog());
        } catch {
          // The database is away: /readyz says so; the scrape still answers.
        }
      },
    });
    this.directLineConnections = new Gauge({
      name: 'directline_connections',
      help: 'Direct Line connections open on this instance.',
      registers,
    });

    // Every outcome shows from the start, at zero, so rates and alerts work before the first event.
    for (const outcome of LOGIN_OUTCOMES) this.logins.inc({ outcome }, 0);
    for (const outcome of ['sent', 'failed']) this.smsCodes.inc({ outcome }, 0);
    for (const outcome of ['sent', 'failed', 'given_up']) this.mails.inc({ outcome }, 0);
    this.blocks.inc(0);
  }

  turn(channelId: string | undefined, seconds: number): void {
    const channel = channelLabel(channelId);
    this.turns.inc({ channel });
    this.turnSeconds.observe({ channel }, seconds);
  }

  login(outcome: LoginMeasure): void {
    this.logins.inc({ outcome });
  }

  accountBlocked(): void {
    this.blocks.inc();
  }

  smsCode(outcome: 'sent' | 'failed'): void {
    this.smsCodes.inc({ outcome });
  }

  mail(outcome: 'sent' | 'failed' | 'given_up'): void {
    this.mails.inc({ outcome });
  }

  expiryReminder(channel: ReminderChannel, threshold: number, outcome: 'queued' | 'sent' | 'failed' | 'given_up'): void {
    this.reminders.inc({ channel, threshold: String(threshold), outcome });
  }

  /** The text exposition format and its content type: the process's metrics, then the app's. */
  async exposition(): Promise<{ contentType: string; text: string }> {
    const [process, app] = await Promise.all([processMetrics().metrics(), this.registry.metrics()]);
    return {
      contentType: this.registry.contentType,
      text: `${process}
${app}`,
    };
  }
}
