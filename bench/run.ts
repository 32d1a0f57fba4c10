/**
 * npm run bench [-- --smoke] [-- --out DIR] [-- --keep] [-- --only echo,embedded,postgres,opening,journey,slow,profile] [-- --levels 1,4,16] [-- --readme]
 *
 * Measures the assistant against a minimal echo bot on the same stack (bench/echoBot.ts), on two
 * workloads: the opening steps (nothing hashed) and the full journey. Every
 * server is compiled first (tsconfig.bench.json) and runs in a child process of its own (`node FILE.js`,
 * the same way for both bots), so
 * the load generator's CPU is never in a server's event loop; everything is on 127.0.0.1 and every
 * phase is bounded in time. Writes DIR/latest.json, DIR/latest.md and DIR/latency.svg
 * (DIR = bench/results unless --out is given) and prints the markdown.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { solveTextChallenge } from '../test/support/solveChallenge';
import { makeCitizens, writeSeed, type BenchCitizen } from './lib/citizens';
import { CaptureServer, Conversation, textOf, type TurnSample } from './lib/conversation';
import { closeHttpPool } from './lib/http';
import { measureRecognition } from './lib/recognition';
import { OutboxInbox, ServicesInbox, type Inbox } from './lib/inbox';
import {
  BUILD,
  buildServers,
  KUBERNETES_NODE_OPTIONS,
  PRODUCTION_NODE_FLAGS,
  startServer,
  ROOT,
  sleep,
  type ServerProcess,
} from './lib/processes';
import { hrtimeUs, summarizeProfile, type ProfileSummary } from './lib/profile';
import {
  latencySvg,
  markdownReport,
  readmeBlock,
  replaceReadmeBlock,
  type BenchResults,
  type BurstResult,
  type LevelRow,
  type ServerMemory,
  type SlowRun,
} from './lib/report';
import { claimRedisDatabase, createBenchDatabase, measureStoredState, redisKeyNames } from './lib/services';
import { ratio, round, summarize } from './lib/stats';
import { JOURNEY_TURNS, OPENING_TURNS } from './lib/journey';
import { evaluateTargets } from './lib/targets';
import { CitizenPool, IdCycle, processMemoryMb, runLoad, type LoadResult, type Workload } from './lib/workload';

type Plan = {
  mode: 'full' | 'smoke';
  levels: number[];
  echo: { warmupMs: number; measureMs: number };
  /** The opening steps on the assistant, at each level. */
  opening: { warmupMs: number; measureMs: number; minConversations: number };
  /** The full journey on the assistant, at each level. */
  assistant: { warmupMs: number; measureMs: number; minConversations: number };
  /** A server's idle RSS is read this long after it answered /healthz, before any load. */
  idleSettleMs: number;
  burst?: { background: number; logins: number; beforeMs: number; afterMs: number };
  postgresRedis: boolean;
  slow?: { concurrency: number; warmupMs: number; measureMs: number; delayMs: number };
  instances?: { concurrency: number; warmupMs: number; measureMs: number };
  profile?: { concurrency: number; warmupMs: number; measureMs: number };
  citizensPerServer: number;
  /** The whole run stops starting sections after this. */
  budgetMs: number;
};

const FULL: Plan = {
  mode: 'full',
  levels: [1, 4, 16, 64],
  echo: { warmupMs: 1_000, measureMs: 5_000 },
  opening: { warmupMs: 1_500, measureMs: 8_000, minConversations: 0 },
  assistant: { warmupMs: 2_000, measureMs: 10_000, minConversations: 0 },
  idleSettleMs: 20_000,
  burst: { background: 8, logins: 32, beforeMs: 5_000, afterMs: 2_000 },
  postgresRedis: true,
  slow: { concurrency: 8, warmupMs: 2_000, measureMs: 15_000, delayMs: 2_000 },
  instances: { concurrency: 32, warmupMs: 2_000, measureMs: 10_000 },
  profile: { concurrency: 16, warmupMs: 1_000, measureMs: 8_000 },
  citizensPerServer: 3_000,
  budgetMs: 9 * 60_000,
};

const SMOKE: Plan = {
  mode: 'smoke',
  levels: [4],
  echo: { warmupMs: 300, measureMs: 1_500 },
  opening: { warmupMs: 300, measureMs: 1_500, minConversations: 1 },
  assistant: { warmupMs: 500, measureMs: 3_000, minConversations: 1 },
  idleSettleMs: 1_000,
  postgresRedis: false,
  citizensPerServer: 60,
  budgetMs: 60_000,
};

const MASTER_KEY = randomBytes(32).toString('hex');
/** The first memory reading after start (before V8 gives back the start's garbage). */
const STARTED_AFTER_MS = 1_000;

/** What `--only` can name: servers, workloads, and the extra sections. */
const SECTIONS = ['echo', 'embedded', 'postgres', 'opening', 'journey', 'slow', 'profile'] as const;
type Section = (typeof SECTIONS)[number];
const SERVERS: readonly Section[] = ['echo', 'embedded', 'postgres'];
const WORKLOADS: readonly Section[] = ['opening', 'journey'];

/**
 * Whether `--only` asks for a section. Without it, everything runs. Servers named run; none named
 * means all of them when a workload is named, none otherwise (`--only slow`). Workloads named run on
 * those servers; none named means both. The slow services and the profiles run only when named.
 */
function sectionWanted(section: Section, only: ReadonlySet<string> | undefined): boolean {
  if (!only || only.has(section)) return true;
  const names = (group: readonly Section[]) => group.some((name) => only.has(name));
  if (SERVERS.includes(section)) return !names(SERVERS) && names(WORKLOADS);
  if (WORKLOADS.includes(section)) return !names(WORKLOADS);
  return false;
}

function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

function describe(result: LoadResult): string {
  const cpu =
    result.serverCpuPerTurnMs === undefined
      ? ''
      : `, server CPU ${result.serverCpuPerTurnMs} ms/turn, load generator CPU ${result.loadCpuPerTurnMs} ms/turn`;
  return `${result.turnsPerSec} turns/s${cpu}${result.repliesPerTurn === undefined ? '' : `, ${result.repliesPerTurn} replies/turn`}, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${result.conversationsCompleted} conversations done${result.errors ? `, ${result.errors} failed: ${result.firstErrors[0]}` : ''}`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const levelsIndex = args.indexOf('--levels');
  const plan: Plan = {
    ...(args.includes('--smoke') ? SMOKE : FULL),
    ...(levelsIndex >= 0
      ? {
          levels: (args[levelsIndex + 1] ?? '')
            .split(',')
            .map(Number)
            .filter((level) => level > 0),
        }
      : {}),
  };
  const outIndex = args.indexOf('--out');
  const outDir = resolve(outIndex >= 0 && args[outIndex + 1] ? args[outIndex + 1]! : join(ROOT, 'bench', 'results'));
  const keep = args.includes('--keep');
  const onlyIndex = args.indexOf('--only');
  const only = onlyIndex >= 0 ? new Set((args[onlyIndex + 1] ?? '').split(',')) : undefined;
  const unknown = [...(only ?? [])].filter((name) => !(SECTIONS as readonly string[]).includes(name));
  if (unknown.length) throw new Error(`--only takes ${SECTIONS.join(', ')}; not ${unknown.join(', ')}`);
  const wanted = (section: Section) => sectionWanted(section, only);
  // Both servers run compiled, as the production image runs the assistant (before the clock: not part of the run's budget).
  log('compiling the servers (tsconfig.bench.json)');
  buildServers();
  const startedAt = Date.now();
  const deadline = startedAt + plan.budgetMs;
  const timeLeft = () => deadline - Date.now();
  const workDir = mkdtempSync(join(tmpdir(), 'eimza-bench-'));
  const cleanups: (() => Promise<unknown>)[] = [];
  const cleanUp = async () => {
    for (const step of cleanups.splice(0).reverse()) await step().catch((error: unknown) => log(`cleanup: ${String(error)}`));
    closeHttpPool();
    if (!keep) rmSync(workDir, { recursive: true, force: true });
  };
  const interrupted = () => {
    log('interrupted: cleaning up');
    void cleanUp().then(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);

  const results: BenchResults = {
    version: 2,
    mode: plan.mode,
    generatedAt: new Date().toISOString(),
    durationSeconds: 0,
    machine: {
      cpus: cpus().length,
      node: process.versions.node,
      loadAverageAtStart: loadavg(),
      loadAverageAtEnd: [],
      argon2CpuMs: argon2CpuMs(),
    },
    settings: { ...plan, nodeFlags: PRODUCTION_NODE_FLAGS.join(' '), postgresRedisNodeOptions: KUBERNETES_NODE_OPTIONS },
    echo: { levels: [], opening: [] },
    assistant: {},
    memory: {},
    targets: [],
    burst: {},
    profile: {},
    skipped: [],
    notes: [],
  };

  try {
    // Recognition alone first, before any server loads the machine (issue 20: p99 under 1 ms).
    results.recognition = await measureRecognition(plan.mode === 'smoke' ? 3 : 20);
    const recognition = results.recognition.perUtteranceUs;
    log(`intent recognition: p50 ${recognition.p50} µs, p99 ${recognition.p99} µs per utterance (${results.recognition.samples} samples)`);

    const capture = new CaptureServer();
    await capture.start();
    cleanups.push(() => capture.stop());

    // Synthetic citizens: valid TCKNs, one address and number each. Every server imports the same file.
    const groups = makeCitizens(plan.citizensPerServer, plan.burst?.logins ?? 0);
    const seedFile = join(workDir, 'seed.json');
    writeSeed(seedFile, groups);
    log(`seed file: ${groups.journey.length} journey citizens, ${groups.burst.length} with a word for the login burst`);

    /** Starts a server child and registers its stop. */
    const started: ServerProcess[] = [];
    const start = async (
      name: string,
      entry: string,
      env: Record<string, string> | ((port: number) => Record<string, string>),
      cpuProfile = false,
    ) => {
      const server = await startServer({ name, entry, env, workDir, cpuProfile });
      started.push(server);
      cleanups.push(async () => {
        if (started.includes(server)) await server.stop();
      });
      return server;
    };
    /** Stops a server; for one whose memory is reported, its lifetime peak RSS (VmHWM) is read first. */
    const stop = async (server: ServerProcess, memory?: ServerMemory) => {
      if (memory) {
        const peakMb = processMemoryMb(server.pid)?.peakMb;
        if (peakMb !== undefined) memory.lifetimePeakMb = peakMb;
      }
      started.splice(started.indexOf(server), 1);
      return server.stop();
    };
    /** A server's RSS a second after start, and idle: after `idleSettleMs` without traffic. */
    const idleMemory = async (server: ServerProcess): Promise<ServerMemory> => {
      await sleep(STARTED_AFTER_MS);
      const startedMb = processMemoryMb(server.pid)?.rssMb;
      await sleep(Math.max(plan.idleSettleMs - STARTED_AFTER_MS, 0));
      const idleMb = processMemoryMb(server.pid)?.rssMb;
      return { ...(startedMb === undefined ? {} : { startedMb }), ...(idleMb === undefined ? {} : { idleMb }) };
    };
    const assistantEnv =
      (dataDir: string, extra: Record<string, string> = {}) =>
      (port: number) => ({
        // The load generator speaks to /api/messages as the Emulator does, unsigned, which production refuses
        // without MICROSOFT_APP_ID; everything else is set as in production (master key, seed file, no demo data).
        NODE_ENV: 'development',
        PINPUK_MASTER_KEY: MASTER_KEY,
        DATA_DIR: dataDir,
        SEED_FILE: seedFile,
        // The written human check, read by the load generator as a person reads it (see README).
        CHALLENGE_KIND: 'text',
        PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
        ...extra,
      });
    const echoEnv = { NODE_ENV: 'production' };

    // The smoke run boots the assistant while the echo bot is measured (a sanity check, not a comparison);
    // the full run starts each server alone, so no start-up competes with a measurement.
    const embeddedDir = join(workDir, 'embedded');
    const startEmbedded = () => start('assistant-embedded', 'src/index.ts', assistantEnv(embeddedDir));
    const earlyEmbedded = plan.mode === 'smoke' && wanted('embedded') ? startEmbedded() : undefined;
    earlyEmbedded?.catch(() => undefined);

    // 1. The echo bot: conversations as long as the opening steps, then as long as the journey.
    if (wanted('echo')) {
      const echo = await start('echo', 'bench/echoBot.ts', echoEnv);
      const memory = (results.memory.echo = await idleMemory(echo));
      const echoLevels = async (turns: number, rows: LoadResult[]) => {
        for (const concurrency of plan.levels) {
          const workload: Workload = { kind: 'echo', turns };
          const { result } = await runLoad({ capture, urls: [echo.url], pids: [echo.pid], workload, concurrency, ...plan.echo });
          rows.push(result);
          log(`echo, ${turns} turns a conversation, ${concurrency} conversations: ${describe(result)}`);
        }
      };
      if (wanted('opening')) await echoLevels(OPENING_TURNS, results.echo.opening);
      if (wanted('journey')) await echoLevels(JOURNEY_TURNS, results.echo.levels);
      await stop(echo, memory);
    }

    /** The assistant's row beside the echo bot's at the same concurrency, on the same workload. */
    const compare = (result: LoadResult, echoRows: readonly LoadResult[]): LevelRow => {
      const base = echoRows.find((row) => row.concurrency === result.concurrency);
      return base
        ? {
            ...result,
            turnsRatio: ratio(result.turnsPerSec, base.turnsPerSec),
            p50Ratio: ratio(result.latency.p50, base.latency.p50),
            p99Ratio: ratio(result.latency.p99, base.latency.p99),
            cpuRatio: ratio(result.serverCpuPerTurnMs ?? NaN, base.serverCpuPerTurnMs ?? NaN),
          }
        : result;
    };

    /**
     * Against one running assistant: its idle RSS, the opening steps at every level, then the full
     * journey at every level and (optionally) the login burst.
     */
    const measureAssistant = async (
      label: 'embedded' | 'postgresRedis',
      server: ServerProcess,
      inbox: Inbox,
      pool: CitizenPool,
      beforeJourney?: () => Promise<void>,
    ) => {
      const memory = (results.memory[label] = await idleMemory(server));
      const rows = { opening: [] as LevelRow[], levels: [] as LevelRow[] };
      results.assistant[label] = rows;
      if (wanted('opening')) {
        const workload: Workload = { kind: 'opening', ids: new IdCycle(groups.journey.map((citizen) => citizen.id)) };
        for (const concurrency of plan.levels) {
          const { result } = await runLoad({ capture, urls: [server.url], pids: [server.pid], workload, concurrency, ...plan.opening });
          rows.opening.push(compare(result, results.echo.opening));
          log(`${label}, opening steps, ${concurrency} conversations: ${describe(result)}`);
        }
      }
      if (!wanted('journey')) return memory;
      await beforeJourney?.();
      for (const concurrency of plan.levels) {
        const workload: Workload = { kind: 'journey', pool, inbox };
        const { result } = await runLoad({ capture, urls: [server.url], pids: [server.pid], workload, concurrency, ...plan.assistant });
        rows.levels.push(compare(result, results.echo.levels));
        log(`${label}, journey, ${concurrency} conversations: ${describe(result)}`);
      }
      if (plan.burst) {
        results.burst[label] = await loginBurst(capture, server.url, pool, groups.burst, inbox, plan.burst);
        const burst = results.burst[label];
        log(
          `${label}, burst of ${burst.logins} logins: others p99 ${burst.othersBefore.p99} → ${burst.othersDuring.p99} ms, logins p99 ${burst.loginTurns.p99} ms`,
        );
      }
      return memory;
    };

    // 2. The assistant on the embedded default: PGlite and the in-process store, mail and SMS to the outbox.
    if (wanted('embedded')) {
      const server = await (earlyEmbedded ?? startEmbedded());
      const inbox = new OutboxInbox(embeddedDir);
      const memory = await measureAssistant('embedded', server, inbox, new CitizenPool(groups.journey));
      await inbox.close();
      await stop(server, memory);
    }

    // 3. PostgreSQL + Redis: a database and a Redis index of the run's own, dropped and emptied after.
    if (plan.postgresRedis && wanted('postgres')) {
      if (timeLeft() < 180_000) results.skipped.push('PostgreSQL + Redis: out of time');
      else {
        const database = await createBenchDatabase();
        cleanups.push(() => database.drop());
        const redis = await claimRedisDatabase();
        cleanups.push(() => redis.clear());
        const dataDir = join(workDir, 'pg');
        // As the Kubernetes Deployment runs it: its NODE_OPTIONS size V8's heap for the pod.
        const env = (extra: Record<string, string> = {}) =>
          assistantEnv(dataDir, { DATABASE_URL: database.url, REDIS_URL: redis.url, NODE_OPTIONS: KUBERNETES_NODE_OPTIONS, ...extra });
        const pool = new CitizenPool(groups.journey);
        const first = await start('assistant-pg-1', 'src/index.ts', env());
        const inbox = new OutboxInbox(dataDir);
        // The stored state is the journey's: the keys the opening steps left are not counted.
        let openingKeys = new Set<string>();
        const memory = await measureAssistant('postgresRedis', first, inbox, pool, async () => {
          openingKeys = await redisKeyNames(redis.redis);
        });

        if (wanted('journey')) {
          results.state = await measureStoredState(redis.redis, openingKeys);
          log(
            `stored state: dialog state ${results.state.dialogState.mean} bytes, all keys ${results.state.perConversation.memoryBytes} bytes per conversation`,
          );
        }

        if (plan.instances && wanted('journey') && timeLeft() > 60_000) {
          const workload: Workload = { kind: 'journey', pool, inbox };
          const one = (await runLoad({ capture, urls: [first.url], pids: [first.pid], workload, ...plan.instances })).result;
          log(`one instance: ${describe(one)}`);
          const second = await start('assistant-pg-2', 'src/index.ts', env());
          const two = (
            await runLoad({ capture, urls: [first.url, second.url], pids: [first.pid, second.pid], workload, ...plan.instances })
          ).result;
          log(`two instances: ${describe(two)}`);
          // Each synthetic citizen walks the journey once: a run that found none left measured nothing.
          if (pool.used >= pool.size) results.skipped.push('two instances: the synthetic citizens ran out');
          else results.instances = { one, two, ratio: ratio(two.turnsPerSec, one.turnsPerSec) };
          await stop(second);
        } else if (plan.instances && wanted('journey')) results.skipped.push('two instances: out of time');
        await stop(first, memory);

        await inbox.close();

        // Where a production-shaped server's time goes (its own run: profiling slows it). A database and
        // a Redis index of its own: each synthetic citizen walks the journey once, and the levels above
        // have used them (the profile of the full run had no journey to profile).
        if (plan.profile && wanted('profile')) {
          if (timeLeft() > 90_000) {
            const profiledDatabase = await createBenchDatabase();
            cleanups.push(() => profiledDatabase.drop());
            const profiledRedis = await claimRedisDatabase();
            cleanups.push(() => profiledRedis.clear());
            const profiledDir = join(workDir, 'pg-profiled');
            const profiledInbox = new OutboxInbox(profiledDir);
            results.profile.postgresRedis = await profiled(
              'assistant-pg-profiled',
              assistantEnv(profiledDir, { DATABASE_URL: profiledDatabase.url, REDIS_URL: profiledRedis.url }),
              // As on the embedded default: the journey's profile, the opening steps' when only they were asked for.
              wanted('journey')
                ? { kind: 'journey', pool: new CitizenPool(groups.journey), inbox: profiledInbox }
                : { kind: 'opening', ids: new IdCycle(groups.journey.map((citizen) => citizen.id)) },
              plan.profile,
            );
            await profiledInbox.close();
          } else results.skipped.push('profile of the PostgreSQL + Redis assistant: out of time');
        }
      }
    }

    // 4. Slow SMTP server and slow SMS API, against fast ones, on the embedded default: one assistant
    // whose mail and SMS go to local servers that answer at once, then after the delay.
    if (plan.slow && wanted('slow')) {
      if (timeLeft() < 90_000) results.skipped.push('slow SMTP/SMS: out of time');
      else {
        const inbox = new ServicesInbox(0);
        await inbox.start();
        cleanups.push(() => inbox.close());
        const server = await start('assistant-services', 'src/index.ts', assistantEnv(join(workDir, 'services'), inbox.env()));
        const pool = new CitizenPool(groups.journey);
        const runs: SlowRun[] = [];
        for (const delayMs of [0, plan.slow.delayMs]) {
          inbox.setDelay(delayMs);
          const mailsBefore = inbox.mailCount;
          const smsBefore = inbox.smsCount;
          const { result, measured } = await runLoad({
            capture,
            urls: [server.url],
            pids: [server.pid],
            workload: { kind: 'journey', pool, inbox },
            concurrency: plan.slow.concurrency,
            warmupMs: plan.slow.warmupMs,
            measureMs: plan.slow.measureMs,
          });
          runs.push({
            delayMs,
            result,
            withoutSmsOnay: summarize(measured.filter((sample) => sample.step !== 'sms.onay').map((sample) => sample.ms)),
            smsOnay: result.byStep['sms.onay'],
            mailsDelivered: inbox.mailCount - mailsBefore,
            smsSent: inbox.smsCount - smsBefore,
          });
          log(`mail and SMS after ${delayMs} ms: ${describe(result)}`);
        }
        await stop(server);
        results.slowServices = { fast: runs[0]!, slow: runs[1]! };
      }
    }

    // 5. Profiles of the server processes (a run of their own: profiling slows them).
    if (plan.profile && wanted('profile')) {
      if (timeLeft() > 60_000) {
        const dataDir = join(workDir, 'embedded-profiled');
        const inbox = new OutboxInbox(dataDir);
        results.profile.embedded = await profiled(
          'assistant-embedded-profiled',
          assistantEnv(dataDir),
          // The journey's profile; the opening steps' when only they were asked for (--only opening,profile).
          wanted('journey')
            ? { kind: 'journey', pool: new CitizenPool(groups.journey), inbox }
            : { kind: 'opening', ids: new IdCycle(groups.journey.map((citizen) => citizen.id)) },
          plan.profile,
        );
        await inbox.close();
      } else results.skipped.push('profile of the embedded assistant: out of time');
      if (timeLeft() > 30_000) {
        results.profile.echo = await profiled(
          'echo-profiled',
          echoEnv,
          { kind: 'echo', turns: wanted('journey') ? 13 : 8 },
          { ...plan.profile, measureMs: Math.min(plan.profile.measureMs, 5_000) },
        );
      } else results.skipped.push('profile of the echo bot: out of time');
    }

    async function profiled(
      name: string,
      env: Record<string, string> | ((port: number) => Record<string, string>),
      workload: Workload,
      settings: { concurrency: number; warmupMs: number; measureMs: number },
    ): Promise<ProfileSummary | undefined> {
      const server = await start(name, workload.kind === 'echo' ? 'bench/echoBot.ts' : 'src/index.ts', env, true);
      const from = hrtimeUs() + settings.warmupMs * 1000;
      const { result } = await runLoad({ capture, urls: [server.url], pids: [server.pid], workload, ...settings });
      const window = { fromUs: from, toUs: hrtimeUs() };
      log(`${name}: ${describe(result)}`);
      const file = await stop(server);
      if (!file) {
        results.notes.push(`${name}: no CPU profile was written`);
        return undefined;
      }
      // Kept with --keep, for a closer look at the profile's load window.
      writeFileSync(`${file}.window.json`, JSON.stringify(window));
      return summarizeProfile(file, window);
    }

    results.targets = evaluateTargets(results);
    results.notes.push(...notesFor(results));
  } finally {
    await cleanUp();
  }

  results.durationSeconds = Math.round((Date.now() - startedAt) / 1000);
  results.machine.loadAverageAtEnd = loadavg();
  mkdirSync(outDir, { recursive: true });
  const markdown = markdownReport(results);
  writeFileSync(join(outDir, 'latest.json'), JSON.stringify(results, null, 2) + '\n');
  writeFileSync(join(outDir, 'latest.md'), markdown + '\n');
  writeFileSync(join(outDir, 'latency.svg'), latencySvg(results) + '\n');
  if (args.includes('--readme')) {
    const readmeFile = join(ROOT, 'bench', 'README.md');
    const readme = readFileSync(readmeFile, 'utf8');
    const updated = replaceReadmeBlock(readme, readmeBlock(results));
    if (updated === readme) log('bench/README.md has no benchmark block to replace');
    else writeFileSync(readmeFile, updated);
  }
  process.stdout.write(markdown + '\n');
  log(`wrote ${join(outDir, 'latest.json')}, latest.md and latency.svg in ${results.durationSeconds} s`);
}

/**
 * A burst of logins at once while `background` other conversations walk the journey: the burst's
 * conversations are first brought to the security-word prompt, then all send their word together
 * (one argon2id verification each). Reports the other conversations' turns before and during it.
 */
async function loginBurst(
  capture: CaptureServer,
  url: string,
  pool: CitizenPool,
  citizens: readonly BenchCitizen[],
  inbox: Inbox,
  settings: { background: number; logins: number; beforeMs: number; afterMs: number },
): Promise<BurstResult> {
  const loginSamples: TurnSample[] = [];
  const ignore = () => undefined;
  const ready = await Promise.all(
    citizens.slice(0, settings.logins).map(async (citizen) => {
      const conversation = new Conversation(url, capture, (sample) =>
        sample.step === 'burst.word' ? loginSamples.push(sample) : ignore(),
      );
      await conversation.join('burst.prepare');
      await conversation.say('Şifreli Giriş', 'burst.prepare');
      const challenge = await conversation.sayText(citizen.id, 'burst.prepare');
      await conversation.say(solveTextChallenge(challenge), 'burst.prepare');
      return { conversation, citizen };
    }),
  );

  const background: TurnSample[] = [];
  const stopSignal = { stopped: false };
  const backgroundStart = performance.now();
  const load = runLoad({
    capture,
    urls: [url],
    workload: { kind: 'journey', pool, inbox },
    concurrency: settings.background,
    warmupMs: 0,
    measureMs: 120_000,
    onSample: (sample) => background.push(sample),
    stop: stopSignal,
  });
  await sleep(settings.beforeMs);
  const burstStart = performance.now();
  const outcomes = await Promise.all(
    ready.map(({ conversation, citizen }) =>
      conversation
        .post({ type: 'message', value: { securityWord: citizen.word } }, 'burst.word')
        .then(
          (replies) => /SMS Onay/.test(textOf(replies)),
          () => false,
        )
        .finally(() => conversation.close()),
    ),
  );
  const burstEnd = performance.now();
  await sleep(settings.afterMs);
  stopSignal.stopped = true;
  await load;

  // "Before" leaves out the first second, when the background conversations all start at once.
  const before = background.filter((s) => s.startedAt >= backgroundStart + 1_000 && s.startedAt + s.ms < burstStart);
  const during = background.filter((s) => s.startedAt < burstEnd && s.startedAt + s.ms > burstStart);
  return {
    logins: ready.length,
    backgroundConversations: settings.background,
    loginTurns: summarize(loginSamples.map((s) => s.ms)),
    burstMs: Math.round(burstEnd - burstStart),
    othersBefore: summarize(before.map((s) => s.ms)),
    othersDuring: summarize(during.map((s) => s.ms)),
    // Another conversation's own login waits for the CPU like the burst's; its other turns should not.
    othersDuringWithoutLogins: summarize(during.filter((s) => s.step !== 'login.word').map((s) => s.ms)),
    failedLogins: outcomes.filter((ok) => !ok).length,
  };
}

/**
 * CPU one argon2id hash costs on this machine, with the assistant's own hasher (compiled, in a
 * process of its own before any server starts: this one's collector threads, still busy with the
 * compile and the recognition run, would be counted too): the median of 8 hashes. The journey does
 * two (the new word, then the login), which the report takes out of the CPU per turn to show what
 * the rest costs.
 */
function argon2CpuMs(): number {
  const script = `
const { argon2Hasher } = require(${JSON.stringify(join(BUILD, 'src', 'domain', 'securityWords.js'))});
(async () => {
  await argon2Hasher.hash('warm-up-word');
  const samples = [];
  for (let i = 0; i < 8; i += 1) {
    const before = process.cpuUsage();
    await argon2Hasher.hash('bench-word-' + i);
    const used = process.cpuUsage(before);
    samples.push((used.user + used.system) / 1000);
  }
  samples.sort((a, b) => a - b);
  process.stdout.write(String(samples[samples.length / 2]));
})();`;
  const run = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  const ms = Number(run.stdout);
  if (run.status !== 0 || !(ms > 0)) throw new Error(`argon2id could not be measured:\n${run.stderr}`);
  return round(ms);
}

/** What a reader of the table must know to read it right. */
function notesFor(results: BenchResults): string[] {
  const notes = [
    "A turn is one POST /api/messages, timed until its response, which the adapter sends after the bot's replies were delivered to the capture server.",
    `Closed loop: each conversation sends its next turn as soon as the previous one answered (no think time). The opening steps are ${OPENING_TURNS} turns that hash nothing and send nothing (the human check is asked, never answered). The journey's ${JOURNEY_TURNS} turns also wait for the mail, the reset page (two HTTP requests, not counted as turns) and the proactive reply. The echo bot's conversations have as many turns as the workload they are compared with (${OPENING_TURNS}, then ${JOURNEY_TURNS}), without waits.`,
    'The synthetic citizens have no security word before the journey, so the reset page skips the "not the current word" argon2 check that a citizen with a word pays.',
    "argon2id runs on libuv's thread pool, so it does not show in the main-thread CPU profile (only the call into it does); it does compete for the cores. The assistant runs at most one hash per core beyond the event loop's (one at a time on 2 cores): a burst of logins queues, its own turns wait, the other conversations' other turns do not.",
    "Server CPU per turn is read from /proc for the server process (every thread, argon2 included); PostgreSQL's and Redis's own CPU is not in it.",
    "RSS is the server process's VmRSS from /proc (PostgreSQL's and Redis's memory is not in it): idle is read a moment after it answered /healthz, before any load; a level's peak is the highest of samples taken every 100 ms through the level, warm-up included; the lifetime peak is VmHWM, read just before the server stops. Each server runs compiled (`node FILE.js`, no loader), as the production image runs the assistant.",
    'SMS Onay waits for the SMS API on purpose: its reply says whether the code was sent. A slow API makes that one turn slow; mail is delivered by a background worker (4 deliveries at once), so a slow SMTP server delays the link, not the turns.',
    'Two instances share the same 2 cores with PostgreSQL, Redis and the load generator here: the comparison shows what sharing state across instances costs, not what a second machine would add.',
  ];
  const failed = (rows: 'levels' | 'opening') =>
    [...(results.assistant.embedded?.[rows] ?? []), ...(results.assistant.postgresRedis?.[rows] ?? [])].reduce(
      (sum, row) => sum + row.errors,
      0,
    );
  if (failed('levels') > 0) notes.push(`${failed('levels')} journeys failed during the levels; see firstErrors in latest.json.`);
  if (failed('opening') > 0) notes.push(`${failed('opening')} walks of the opening steps failed; see firstErrors in latest.json.`);
  const load = results.machine.loadAverageAtStart[0] ?? 0;
  if (load > 0.5)
    notes.push(
      `The machine was not idle at the start (load average ${load.toFixed(2)}): other work shares the cores, so the numbers are noisy.`,
    );
  return notes;
}

main().catch((error: unknown) => {
  process.stderr.write(`the benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
