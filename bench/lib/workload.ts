import { readFileSync } from 'node:fs';
import type { BenchCitizen } from './citizens';
import { Conversation, type CaptureServer, type TurnSample } from './conversation';
import type { Inbox } from './inbox';
import { JOURNEY_TURNS, walkEcho, walkJourney, walkOpening } from './journey';
import { round, summarize, type LatencySummary } from './stats';

/** Hands out each synthetic citizen once (a journey changes the citizen's word and uses a reset link). */
export class CitizenPool {
  private index = 0;

  constructor(private readonly citizens: readonly BenchCitizen[]) {}

  next(): BenchCitizen | undefined {
    return this.citizens[this.index++];
  }

  get used(): number {
    return Math.min(this.index, this.citizens.length);
  }

  get size(): number {
    return this.citizens.length;
  }
}

/** CPU time (user + system, every thread) a process has used so far, in ms, from /proc; undefined elsewhere. */
export function processCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

/** USER_HZ: 100 on Linux on every common architecture. */
const CLOCK_TICKS = 100;

/**
 * A process's resident memory now (VmRSS) and the highest it has been since it started (VmHWM), in
 * MB, from /proc; undefined elsewhere.
 */
export function processMemoryMb(pid: number): { rssMb: number; peakMb: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    const rssMb = round(kb('VmRSS') / 1024);
    const peakMb = round(kb('VmHWM') / 1024);
    return Number.isFinite(rssMb) && Number.isFinite(peakMb) ? { rssMb, peakMb } : undefined;
  } catch {
    return undefined;
  }
}

/** How often a level samples its servers' VmRSS for the peak. */
const RSS_SAMPLE_MS = 100;

/** Hands out the synthetic citizens' IDs over and over: the opening steps change nothing about a citizen. */
export class IdCycle {
  private index = 0;

  constructor(private readonly ids: readonly string[]) {
    if (ids.length === 0) throw new Error('no IDs to cycle through');
  }

  next(): string {
    return this.ids[this.index++ % this.ids.length]!;
  }
}

/** Round robin over one or more instances of a server. */
export function roundRobin(urls: readonly string[]): () => string {
  let next = 0;
  return () => urls[next++ % urls.length]!;
}

export type Workload =
  /** The echo bot: conversations of `turns` turns (the journey's 13 unless given). */
  | { kind: 'echo'; turns?: number }
  /** The assistant's opening steps (journey.ts, walkOpening): nothing hashed, nothing sent. */
  | { kind: 'opening'; ids: IdCycle }
  /** The assistant's full journey (journey.ts, walkJourney). */
  | { kind: 'journey'; pool: CitizenPool; inbox: Inbox };

export type LoadOptions = {
  capture: CaptureServer;
  urls: readonly string[];
  workload: Workload;
  concurrency: number;
  /** Turns started before this are not measured (connections, JIT, first conversations in step). */
  warmupMs: number;
  measureMs: number;
  /** An upper bound on turns, whatever the time. */
  maxTurns?: number;
  /** Every sample, measured or not, also goes here. */
  onSample?: (sample: TurnSample) => void;
  /** Ends the load early when set (the burst run ends its background load this way). */
  stop?: { stopped: boolean };
  /** The server processes: their CPU time over the window is reported per turn, their peak RSS over the whole run. */
  pids?: readonly number[];
  /** The window stretches (up to twice its length) until this many conversations ended inside it (the smoke run). */
  minConversations?: number;
};

export type LoadResult = {
  concurrency: number;
  instances: number;
  windowMs: number;
  /** Turns completed inside the measurement window. */
  turns: number;
  turnsPerSec: number;
  latency: LatencySummary;
  /** Latency of each step of the conversation, over the window. */
  byStep: Record<string, LatencySummary>;
  conversationsCompleted: number;
  conversationsPerSec: number;
  /** The reset page's GET + POST (HTTP requests, not turns), journey only. */
  page?: LatencySummary;
  /** CPU the server process(es) used during the window (every thread, argon2 included; not PostgreSQL's or Redis's). */
  serverCpuMs?: number;
  serverCpuPerTurnMs?: number;
  /** CPU the load generator (this process: the conversations, the capture server, the inbox) used during the window, per turn. */
  loadCpuPerTurnMs: number;
  /** The highest VmRSS of the server process(es) together, sampled every 100 ms through the run (warm-up included), in MB. */
  serverRssPeakMb?: number;
  /** Replies the bot posted to the capture server during the window, per turn completed in it. */
  repliesPerTurn?: number;
  failedTurns: number;
  errors: number;
  firstErrors: string[];
  citizensLeft?: number;
};

/**
 * A closed loop: `concurrency` workers, each walking one conversation after another with no pause
 * between turns, until the window ends. Throughput counts turns completed inside the window;
 * latency covers turns started inside it.
 */
export async function runLoad(options: LoadOptions): Promise<{ result: LoadResult; measured: TurnSample[] }> {
  const samples: TurnSample[] = [];
  const pages: { at: number; ms: number }[] = [];
  const finished: number[] = [];
  const errors: string[] = [];
  let errorCount = 0;
  const started = performance.now();
  const windowStart = started + options.warmupMs;
  let windowEnd = windowStart + options.measureMs;
  const latestEnd = windowStart + 2 * options.measureMs;
  const maxTurns = options.maxTurns ?? Number.POSITIVE_INFINITY;
  const running = () => {
    const now = performance.now();
    if (now >= windowEnd && now < latestEnd && finished.filter((at) => at >= windowStart).length < (options.minConversations ?? 0))
      windowEnd = now + 1;
    return !options.stop?.stopped && now < windowEnd && samples.length < maxTurns && errorCount < 50;
  };
  const record = (sample: TurnSample) => {
    samples.push(sample);
    options.onSample?.(sample);
  };
  const botUrl = roundRobin(options.urls);
  const cpuNow = () => {
    const values = (options.pids ?? []).map(processCpuMs);
    return values.length && values.every((value) => value !== undefined) ? values.reduce((a, b) => a + b, 0) : undefined;
  };
  let cpuAtStart: number | undefined;
  let cpuAtEnd: number | undefined;
  let ownCpuAtStart = process.cpuUsage();
  let ownCpuAtEnd: NodeJS.CpuUsage | undefined;
  let repliesAtStart: number | undefined;
  let repliesAtEnd: number | undefined;
  const cpuStartTimer = setTimeout(() => {
    cpuAtStart = cpuNow();
    ownCpuAtStart = process.cpuUsage();
    repliesAtStart = options.capture.received;
  }, options.warmupMs);
  const cpuEndTimer = setTimeout(() => {
    cpuAtEnd = cpuNow();
    ownCpuAtEnd = process.cpuUsage(ownCpuAtStart);
    repliesAtEnd = options.capture.received;
  }, options.warmupMs + options.measureMs);
  let rssPeakMb: number | undefined;
  const sampleRss = () => {
    const values = (options.pids ?? []).map((pid) => processMemoryMb(pid)?.rssMb);
    if (values.length && values.every((value) => value !== undefined))
      rssPeakMb = Math.max(rssPeakMb ?? 0, round(values.reduce((a, b) => a + b, 0)));
  };
  sampleRss();
  const rssTimer = setInterval(sampleRss, RSS_SAMPLE_MS);

  const worker = async () => {
    while (running()) {
      const workload = options.workload;
      const citizen = workload.kind === 'journey' ? workload.pool.next() : undefined;
      if (workload.kind === 'journey' && !citizen) return;
      const conversation = new Conversation(botUrl, options.capture, record);
      try {
        const done =
          workload.kind === 'echo'
            ? await walkEcho(conversation, running, workload.turns ?? JOURNEY_TURNS)
            : workload.kind === 'opening'
              ? await walkOpening(conversation, workload.ids.next(), running)
              : await walkJourney(conversation, citizen!, workload.inbox, {
                  running,
                  waitMs: () => windowEnd - performance.now() + 2_000,
                  onPage: (ms) => pages.push({ at: performance.now() - ms, ms }),
                });
        if (done) finished.push(performance.now());
      } catch (error) {
        errorCount += 1;
        if (errors.length < 5) errors.push(error instanceof Error ? error.message : String(error));
      } finally {
        conversation.close();
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  clearTimeout(cpuStartTimer);
  clearTimeout(cpuEndTimer);
  clearInterval(rssTimer);
  sampleRss();
  cpuAtEnd ??= cpuNow();
  ownCpuAtEnd ??= process.cpuUsage(ownCpuAtStart);
  repliesAtEnd ??= options.capture.received;

  const windowMs = Math.min(windowEnd - windowStart, Math.max(1, performance.now() - windowStart));
  const measured = samples.filter((sample) => sample.startedAt >= windowStart && sample.startedAt < windowEnd);
  const completedInWindow = samples.filter((sample) => {
    const end = sample.startedAt + sample.ms;
    return sample.ok && end >= windowStart && end < windowEnd;
  }).length;
  const steps = new Map<string, number[]>();
  for (const sample of measured) {
    const list = steps.get(sample.step) ?? [];
    list.push(sample.ms);
    steps.set(sample.step, list);
  }
  const conversationsCompleted = finished.filter((at) => at >= windowStart && at < windowEnd).length;
  const result: LoadResult = {
    concurrency: options.concurrency,
    instances: options.urls.length,
    windowMs: Math.round(windowMs),
    turns: completedInWindow,
    turnsPerSec: round((completedInWindow / windowMs) * 1000),
    latency: summarize(measured.map((sample) => sample.ms)),
    byStep: Object.fromEntries([...steps].map(([step, values]) => [step, summarize(values)])),
    conversationsCompleted,
    conversationsPerSec: round((conversationsCompleted / windowMs) * 1000, 2),
    ...(options.workload.kind === 'journey'
      ? {
          page: summarize(pages.filter((page) => page.at >= windowStart && page.at < windowEnd).map((page) => page.ms)),
          citizensLeft: options.workload.pool.size - options.workload.pool.used,
        }
      : {}),
    ...(cpuAtStart !== undefined && cpuAtEnd !== undefined
      ? {
          serverCpuMs: Math.round(cpuAtEnd - cpuAtStart),
          serverCpuPerTurnMs: round((cpuAtEnd - cpuAtStart) / Math.max(1, completedInWindow), 2),
        }
      : {}),
    loadCpuPerTurnMs: round((ownCpuAtEnd.user + ownCpuAtEnd.system) / 1000 / Math.max(1, completedInWindow), 2),
    ...(rssPeakMb !== undefined ? { serverRssPeakMb: rssPeakMb } : {}),
    ...(repliesAtStart !== undefined ? { repliesPerTurn: round((repliesAtEnd - repliesAtStart) / Math.max(1, completedInWindow), 2) } : {}),
    failedTurns: measured.filter((sample) => !sample.ok).length,
    errors: errorCount,
    firstErrors: errors,
  };
  return { result, measured };
}
