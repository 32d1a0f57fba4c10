import { JOURNEY_STEPS, JOURNEY_TURNS, OPENING_STEPS, OPENING_TURNS } from './journey';
import { ratio, type LatencySummary } from './stats';
import type { Target, TargetCheck, TargetUnit } from './targets';
import type { LoadResult } from './workload';
import type { ProfileSummary } from './profile';
import type { StateBytes } from './services';
import type { RecognitionTiming } from './recognition';

/** The assistant at one level, with its ratios to the echo bot at the same level on the same workload. */
export type LevelRow = LoadResult & { turnsRatio?: number; p50Ratio?: number; p99Ratio?: number; cpuRatio?: number };

/** A server process's RSS outside the levels (each level's peak is in its row), in MB. */
/**
 * `startedMb`: RSS a second after the server answered /healthz (the start's own allocations, seed
 * import included, still in the heap); `idleMb`: after `idleSettleMs` without traffic, once V8 has
 * given back what the start left (its memory reducer runs some seconds after allocation stops).
 */
export type ServerMemory = { startedMb?: number; idleMb?: number; lifetimePeakMb?: number };

export type BurstResult = {
  logins: number;
  backgroundConversations: number;
  /** The burst's own turns: the security word checked with argon2id. */
  loginTurns: LatencySummary;
  burstMs: number;
  othersBefore: LatencySummary;
  othersDuring: LatencySummary;
  /** The same, leaving out the other conversations' own security-word turns (argon2 too). */
  othersDuringWithoutLogins: LatencySummary;
  failedLogins: number;
};

export type SlowRun = {
  delayMs: number;
  result: LoadResult;
  /** Turns other than SMS Onay (the only turn that waits for the SMS API). */
  withoutSmsOnay: LatencySummary;
  smsOnay?: LatencySummary;
  mailsDelivered: number;
  smsSent: number;
};

export type BenchResults = {
  /** 2: the opening steps, RSS and the targets were added. */
  version: 2;
  mode: 'full' | 'smoke';
  generatedAt: string;
  durationSeconds: number;
  machine: { cpus: number; node: string; loadAverageAtStart: number[]; loadAverageAtEnd: number[]; argon2CpuMs: number };
  settings: Record<string, unknown>;
  /** The echo bot: `levels` in conversations as long as the journey, `opening` as long as the opening steps. */
  echo: { levels: LoadResult[]; opening: LoadResult[] };
  /** The assistant: `levels` is the full journey, `opening` the opening steps. */
  assistant: { embedded?: { levels: LevelRow[]; opening: LevelRow[] }; postgresRedis?: { levels: LevelRow[]; opening: LevelRow[] } };
  memory: { echo?: ServerMemory; embedded?: ServerMemory; postgresRedis?: ServerMemory };
  /** Issue 22's targets against this run (targets.ts). */
  targets: Target[];
  burst: { embedded?: BurstResult; postgresRedis?: BurstResult };
  slowServices?: { fast: SlowRun; slow: SlowRun };
  state?: StateBytes;
  instances?: { one: LoadResult; two: LoadResult; ratio: number };
  profile: { echo?: ProfileSummary; embedded?: ProfileSummary; postgresRedis?: ProfileSummary };
  /** Intent recognition alone (issue 20): per utterance, in µs. */
  recognition?: RecognitionTiming;
  skipped: string[];
  notes: string[];
};

const n = (value: number | undefined, digits = 1) =>
  value === undefined || !Number.isFinite(value)
    ? '–'
    : value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
const x = (value: number | undefined) => (value === undefined || !Number.isFinite(value) ? '–' : `${value.toFixed(2)}×`);

/** The markdown report: the tables the README quotes. */
export function markdownReport(results: BenchResults): string {
  const out: string[] = [];
  out.push(`# Benchmark results (${results.mode})`, '');
  out.push(
    `${results.generatedAt}, ${results.machine.cpus} CPUs, Node ${results.machine.node}, load average at start ${results.machine.loadAverageAtStart
      .map((v) => v.toFixed(2))
      .join(
        ' / ',
      )}, run took ${results.durationSeconds} s. Latencies in ms; ratios are assistant ÷ echo bot at the same concurrency, on the same workload.`,
    '',
  );

  out.push(...targetsSection(results.targets));
  out.push(...openingSection(results));

  const echoJourney = results.echo.levels;
  const embeddedJourney = results.assistant.embedded?.levels ?? [];
  const pgJourney = results.assistant.postgresRedis?.levels ?? [];
  const journeyLevels = [...new Set([...echoJourney, ...embeddedJourney, ...pgJourney].map((row) => row.concurrency))].sort(
    (a, b) => a - b,
  );
  const journeyRow = <T extends LoadResult>(rows: readonly T[], concurrency: number) => rows.find((row) => row.concurrency === concurrency);
  if (journeyLevels.length) {
    out.push('## Full journey vs the echo bot', '');
    out.push(
      '| conversations | echo turns/s | echo p50 | echo p99 | embedded turns/s | ×echo | p50 | p99 | p99 ×echo | PG+Redis turns/s | ×echo | p50 | p99 | p99 ×echo |',
      '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const concurrency of journeyLevels) {
      const echo = journeyRow(echoJourney, concurrency);
      const embedded = journeyRow(embeddedJourney, concurrency);
      const pg = journeyRow(pgJourney, concurrency);
      out.push(
        `| ${concurrency} | ${n(echo?.turnsPerSec)} | ${n(echo?.latency.p50)} | ${n(echo?.latency.p99)} | ${n(embedded?.turnsPerSec)} | ${x(embedded?.turnsRatio)} | ${n(embedded?.latency.p50)} | ${n(embedded?.latency.p99)} | ${x(embedded?.p99Ratio)} | ${n(pg?.turnsPerSec)} | ${x(pg?.turnsRatio)} | ${n(pg?.latency.p50)} | ${n(pg?.latency.p99)} | ${x(pg?.p99Ratio)} |`,
      );
    }
    // Two argon2id hashes per journey of 13 turns (the new word, the login).
    const argon2PerTurn = (2 * results.machine.argon2CpuMs) / JOURNEY_TURNS;
    out.push(
      '',
      `Server CPU per turn (the whole server process; argon2id costs ${n(results.machine.argon2CpuMs)} ms a hash here, two per journey, ${n(argon2PerTurn, 2)} ms per turn on average):`,
      '',
      '| conversations | echo CPU ms/turn | embedded CPU ms/turn | ×echo | without argon2 | ×echo | PG+Redis CPU ms/turn (app only) | ×echo | without argon2 | ×echo |',
      '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const concurrency of journeyLevels) {
      const echo = journeyRow(echoJourney, concurrency);
      const embedded = journeyRow(embeddedJourney, concurrency);
      const pg = journeyRow(pgJourney, concurrency);
      const cpu = (row?: LoadResult) => row?.serverCpuPerTurnMs ?? NaN;
      const rest = (row?: LoadResult) => cpu(row) - argon2PerTurn;
      out.push(
        `| ${concurrency} | ${n(cpu(echo), 2)} | ${n(cpu(embedded), 2)} | ${x(ratio(cpu(embedded), cpu(echo)))} | ${n(rest(embedded), 2)} | ${x(ratio(rest(embedded), cpu(echo)))} | ${n(cpu(pg), 2)} | ${x(ratio(cpu(pg), cpu(echo)))} | ${n(rest(pg), 2)} | ${x(ratio(rest(pg), cpu(echo)))} |`,
      );
    }
    const journeys = (rows?: LevelRow[]) =>
      rows
        ?.map((row) => `${row.concurrency}: ${n(row.conversationsPerSec, 2)}/s${row.errors ? ` (${row.errors} failed)` : ''}`)
        .join(', ') ?? '–';
    out.push(
      '',
      `Journeys completed per second — embedded: ${journeys(results.assistant.embedded?.levels)}; PG+Redis: ${journeys(results.assistant.postgresRedis?.levels)}.`,
      '',
      loadGeneratorCpu(results),
      '',
    );
    out.push(
      ...stepTable(
        'Turn latency by step',
        JOURNEY_STEPS,
        results.assistant.embedded?.levels,
        results.assistant.postgresRedis?.levels,
        results.echo.levels,
      ),
    );
  }

  out.push(...memorySection(results));

  const bursts = Object.entries(results.burst).filter((entry): entry is [string, BurstResult] => entry[1] !== undefined);
  if (bursts.length) {
    out.push('## A burst of logins (argon2id) and the other conversations', '');
    out.push(
      "| store | logins at once | their turn p50 / p99 | burst lasted | others before p50 / p99 | others during p50 / p99 | others during, own logins left out, p50 / p99 | others' turns during |",
      '|---|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const [store, burst] of bursts) {
      out.push(
        `| ${store === 'embedded' ? 'embedded' : 'PG+Redis'} | ${burst.logins} | ${n(burst.loginTurns.p50)} / ${n(burst.loginTurns.p99)} | ${n(burst.burstMs, 0)} ms | ${n(burst.othersBefore.p50)} / ${n(burst.othersBefore.p99)} | ${n(burst.othersDuring.p50)} / ${n(burst.othersDuring.p99)} | ${n(burst.othersDuringWithoutLogins.p50)} / ${n(burst.othersDuringWithoutLogins.p99)} | ${burst.othersDuring.count} |`,
      );
    }
    out.push('');
  }

  if (results.slowServices) {
    const { fast, slow } = results.slowServices;
    out.push(`## Slow SMTP server and SMS API (${slow.delayMs} ms each), embedded, ${slow.result.concurrency} conversations`, '');
    out.push(
      '| mail and SMS answer after | turns/s | p50 | p99 | p99 without SMS Onay | SMS Onay turn p50 / p99 | journeys done | mails delivered | SMS sent |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const run of [fast, slow]) {
      out.push(
        `| ${run.delayMs} ms | ${n(run.result.turnsPerSec)} | ${n(run.result.latency.p50)} | ${n(run.result.latency.p99)} | ${n(run.withoutSmsOnay.p99)} | ${n(run.smsOnay?.p50)} / ${n(run.smsOnay?.p99)} | ${run.result.conversationsCompleted} | ${run.mailsDelivered} | ${run.smsSent} |`,
      );
    }
    out.push('');
  }

  if (results.state) {
    const state = results.state;
    out.push(`## Stored state per conversation (Redis, ${state.conversations} conversations of the journey)`, '');
    if (state.keysLeftOut)
      out.push(`The ${n(state.keysLeftOut, 0)} keys the opening steps left before the journey began are not counted.`, '');
    out.push(
      `Dialog state (bot state): ${n(state.dialogState.mean, 0)} bytes serialized on average (max ${n(state.dialogState.max, 0)}), ${n(state.dialogState.memoryUsageMean, 0)} bytes by MEMORY USAGE. ` +
        `Every short-lived key together: ${n(state.perConversation.valueBytes, 0)} bytes serialized, ${n(state.perConversation.memoryBytes, 0)} bytes MEMORY USAGE per conversation.`,
      '',
      '| key kind | keys | serialized bytes | MEMORY USAGE bytes |',
      '|---|---:|---:|---:|',
      ...state.byKind.map((kind) => `| ${kind.kind} | ${kind.keys} | ${n(kind.valueBytes, 0)} | ${n(kind.memoryBytes, 0)} |`),
      '',
    );
  }

  if (results.instances) {
    const { one, two } = results.instances;
    out.push(`## One instance vs two (PostgreSQL + Redis, ${one.concurrency} conversations, turns round robin)`, '');
    out.push('| instances | turns/s | p50 | p99 | journeys/s | server CPU ms/turn |', '|---:|---:|---:|---:|---:|---:|');
    for (const row of [one, two]) {
      out.push(
        `| ${row.instances} | ${n(row.turnsPerSec)} | ${n(row.latency.p50)} | ${n(row.latency.p99)} | ${n(row.conversationsPerSec, 2)} | ${n(row.serverCpuPerTurnMs, 2)} |`,
      );
    }
    out.push('', `Two instances give ${x(results.instances.ratio)} the turns/s of one.`, '');
  }

  const profiles = Object.entries(results.profile).filter((entry): entry is [string, ProfileSummary] => entry[1] !== undefined);
  if (profiles.length) {
    out.push("## Where the server's time goes (node --cpu-prof, self time on the main thread)", '');
    for (const [name, profile] of profiles) {
      out.push(`### ${name} (${n(profile.busyMs, 0)} ms busy, ${n(profile.idleMs, 0)} ms idle)`, '');
      out.push(
        '| origin | ms | % |',
        '|---|---:|---:|',
        ...profile.byOrigin.slice(0, 8).map((o) => `| ${o.origin} | ${n(o.ms, 0)} | ${n(o.percent)} |`),
        '',
      );
      out.push(
        '| function (self time) | where | ms | % |',
        '|---|---|---:|---:|',
        ...profile.top.slice(0, 10).map((f) => `| ${f.name} | ${f.where} | ${n(f.ms, 0)} | ${n(f.percent)} |`),
        '',
      );
      if (profile.ourInclusive.length) {
        out.push(
          '| our function (inclusive) | where | ms | % |',
          '|---|---|---:|---:|',
          ...profile.ourInclusive.slice(0, 10).map((f) => `| ${f.name} | ${f.where} | ${n(f.ms, 0)} | ${n(f.percent)} |`),
          '',
        );
      }
    }
  }

  if (results.skipped.length || results.notes.length) out.push('## Notes', '');
  if (results.skipped.length) out.push('Skipped: ' + results.skipped.join('; '), '');
  if (results.notes.length) out.push(...results.notes.map((note) => `- ${note}`), '');
  if (results.recognition) {
    const { utterances, samples, trainMs, perUtteranceUs: t } = results.recognition;
    out.push('', '## Intent recognition (free text, in process)', '');
    out.push(
      `NLP.js trained on the data files in ${n(trainMs, 0)} ms; ${utterances} utterances (training, held-out and bad input) × ${samples / utterances} rounds.`,
      '',
    );
    out.push('| per utterance | p50 | p90 | p99 | max |', '|---|---|---|---|---|');
    out.push(`| µs | ${n(t.p50)} | ${n(t.p90)} | ${n(t.p99)} | ${n(t.max)} |`);
  }
  return out.join('\n');
}

const UNIT: Record<TargetUnit, (value: number) => string> = {
  '×': (value) => x(value),
  ms: (value) => `${n(value)} ms`,
  MB: (value) => `${n(value, 0)} MB`,
  '/s': (value) => `${n(value, 1)}/s`,
};

/** The targets, each store's measured value and whether it is met. */
function targetsSection(targets: readonly Target[]): string[] {
  if (targets.length === 0) return [];
  const cell = (unit: TargetUnit, checked?: TargetCheck) => {
    if (!checked) return '';
    if (checked.value === undefined || checked.met === undefined) return 'not measured';
    return `${UNIT[unit](checked.value)}${checked.detail ? ` (${checked.detail})` : ''}: **${checked.met ? 'met' : 'not met'}**`;
  };
  const checks = targets.flatMap((target) => [target.embedded, target.postgresRedis]).filter((c): c is TargetCheck => c !== undefined);
  const measured = checks.filter((c) => c.met !== undefined);
  const met = measured.filter((c) => c.met).length;
  return [
    '## Targets (issue 22)',
    '',
    '| target | embedded | PG+Redis |',
    '|---|---|---|',
    ...targets.map((target) => `| ${target.text} | ${cell(target.unit, target.embedded)} | ${cell(target.unit, target.postgresRedis)} |`),
    '',
    `${met} of ${measured.length} measured targets met${checks.length > measured.length ? `; ${checks.length - measured.length} not measured in this run` : ''}.`,
    '',
  ];
}

/**
 * The load generator's own CPU per turn: it shares the 2 cores with the server, so a server near a
 * whole core plus argon2 on the other leaves it little, and every server's figures include that.
 */
function loadGeneratorCpu(results: BenchResults): string {
  const levels = (rows?: readonly LoadResult[]) =>
    rows?.length ? rows.map((row) => `${row.concurrency}: ${n(row.loadCpuPerTurnMs, 2)}`).join(', ') : '–';
  return (
    "The load generator's own CPU per turn, in ms (this process: the conversations, the capture server, the inbox; on the same cores as the server) — " +
    `opening steps: echo ${levels(results.echo.opening)}; embedded ${levels(results.assistant.embedded?.opening)}; PG+Redis ${levels(results.assistant.postgresRedis?.opening)}. ` +
    `Full journey: echo ${levels(results.echo.levels)}; embedded ${levels(results.assistant.embedded?.levels)}; PG+Redis ${levels(results.assistant.postgresRedis?.levels)}.`
  );
}

/** The opening steps: one row per level and server, each beside the echo bot in conversations as long. */
function openingSection(results: BenchResults): string[] {
  const echoRows = results.echo.opening;
  const stores = [
    ['embedded', results.assistant.embedded?.opening],
    ['PG+Redis', results.assistant.postgresRedis?.opening],
  ] as const;
  if (echoRows.length === 0 && stores.every(([, rows]) => !rows?.length)) return [];
  const levels = [...new Set([...echoRows, ...stores.flatMap(([, rows]) => rows ?? [])].map((row) => row.concurrency))].sort(
    (a, b) => a - b,
  );
  const out = [
    '## Opening steps (nothing hashed) vs the echo bot',
    '',
    `Each conversation: the greeting → Şifreli Giriş → Kimlik No (the human check is asked, not answered) → yardım → iptal → Güvenlik Sözcüğümü Unuttum → Kimlik No → menü (${OPENING_TURNS} turns); the echo bot's conversations have ${OPENING_TURNS} turns too. CPU is the whole server process's, per turn. Replies are the activities the bot posted per turn (each an HTTP request the server makes and the load generator answers, on the same cores).`,
    '',
    '| conversations | server | turns/s | ×echo | p50 | p99 | p99 ×echo | CPU ms/turn | CPU ×echo | conversations/s | replies/turn |',
    '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const concurrency of levels) {
    const echo = echoRows.find((row) => row.concurrency === concurrency);
    if (echo) {
      out.push(
        `| ${concurrency} | echo | ${n(echo.turnsPerSec)} | | ${n(echo.latency.p50)} | ${n(echo.latency.p99)} | | ${n(echo.serverCpuPerTurnMs, 2)} | | ${n(echo.conversationsPerSec, 1)} | ${n(echo.repliesPerTurn, 2)} |`,
      );
    }
    for (const [name, rows] of stores) {
      const row = rows?.find((r) => r.concurrency === concurrency);
      if (!row) continue;
      out.push(
        `| ${concurrency} | ${name} | ${n(row.turnsPerSec)} | ${x(row.turnsRatio)} | ${n(row.latency.p50)} | ${n(row.latency.p99)} | ${x(row.p99Ratio)} | ${n(row.serverCpuPerTurnMs, 2)} | ${x(row.cpuRatio)} | ${n(row.conversationsPerSec, 1)}${row.errors ? ` (${row.errors} failed)` : ''} | ${n(row.repliesPerTurn, 2)} |`,
      );
    }
  }
  out.push('');
  out.push(...stepTable('Opening steps: turn latency by step', OPENING_STEPS, stores[0][1], stores[1][1], echoRows));
  return out;
}

/**
 * p50 and p99 of each step at the highest level measured, with each p99 against the echo bot's p99
 * (all turns) at the same level and on the same workload.
 */
function stepTable(
  title: string,
  steps: readonly string[],
  embeddedRows: readonly LevelRow[] | undefined,
  pgRows: readonly LevelRow[] | undefined,
  echoRows: readonly LoadResult[],
): string[] {
  const stepLevel = (rows?: readonly LevelRow[]) => rows?.filter((row) => row.latency.count > 0).at(-1);
  const embedded = stepLevel(embeddedRows);
  const pg = stepLevel(pgRows);
  if (!embedded && !pg) return [];
  const echoP99 = (row?: LevelRow) => echoRows.find((echo) => echo.concurrency === row?.concurrency)?.latency.p99 ?? NaN;
  const levels = [embedded && `embedded at ${embedded.concurrency}`, pg && `PG+Redis at ${pg.concurrency}`].filter(Boolean).join(', ');
  const out = [
    `### ${title} (${levels} conversations; ×echo against the echo bot's p99 at the same level)`,
    '',
    '| step | embedded p50 | embedded p99 | p99 ×echo | PG+Redis p50 | PG+Redis p99 | p99 ×echo |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const step of steps) {
    const one = embedded?.byStep[step];
    const other = pg?.byStep[step];
    if (!one && !other) continue;
    out.push(
      `| ${step} | ${n(one?.p50)} | ${n(one?.p99)} | ${x(ratio(one?.p99 ?? NaN, echoP99(embedded)))} | ${n(other?.p50)} | ${n(other?.p99)} | ${x(ratio(other?.p99 ?? NaN, echoP99(pg)))} |`,
    );
  }
  if (embedded?.page ?? pg?.page) {
    out.push(
      `| reset page (GET + POST, not a turn) | ${n(embedded?.page?.p50)} | ${n(embedded?.page?.p99)} | | ${n(pg?.page?.p50)} | ${n(pg?.page?.p99)} | |`,
    );
  }
  out.push('');
  return out;
}

/** Each server process's RSS: idle after start, the peak of each level of each workload, and its lifetime peak. */
function memorySection(results: BenchResults): string[] {
  const servers = [
    ['echo', results.memory.echo, results.echo.opening, results.echo.levels],
    ['embedded', results.memory.embedded, results.assistant.embedded?.opening, results.assistant.embedded?.levels],
    ['PG+Redis', results.memory.postgresRedis, results.assistant.postgresRedis?.opening, results.assistant.postgresRedis?.levels],
  ] as const;
  if (servers.every(([, memory]) => !memory)) return [];
  const mb = (value?: number) => n(value, 0);
  const out = [
    '## Memory (RSS of each server process, MB)',
    '',
    `| | ${servers.map(([name]) => name).join(' | ')} |`,
    `|---|${servers.map(() => '---:').join('|')}|`,
    `| a second after start | ${servers.map(([, memory]) => mb(memory?.startedMb)).join(' | ')} |`,
    `| idle, ${n((results.settings['idleSettleMs'] as number) / 1000, 0)} s after start without traffic | ${servers.map(([, memory]) => mb(memory?.idleMb)).join(' | ')} |`,
  ];
  const levelRows = (label: string, pick: (server: (typeof servers)[number]) => readonly LoadResult[] | undefined) => {
    const levels = [...new Set(servers.flatMap((server) => pick(server) ?? []).map((row) => row.concurrency))].sort((a, b) => a - b);
    for (const concurrency of levels) {
      const cells = servers.map((server) => mb(pick(server)?.find((row) => row.concurrency === concurrency)?.serverRssPeakMb));
      out.push(`| ${label}, ${concurrency} conversation${concurrency === 1 ? '' : 's'}: peak | ${cells.join(' | ')} |`);
    }
  };
  levelRows('opening steps', (server) => server[2]);
  levelRows('full journey', (server) => server[3]);
  out.push(`| lifetime peak (VmHWM, read at stop) | ${servers.map(([, memory]) => mb(memory?.lifetimePeakMb)).join(' | ')} |`, '');
  const flags = results.settings['nodeFlags'];
  const heap = results.settings['postgresRedisNodeOptions'];
  if (typeof flags === 'string' && flags) out.push(`Every server runs with \`${flags}\` (\`npm run start:prod\`, the image's CMD).`, '');
  if (results.assistant.postgresRedis?.levels.length) {
    out.push(
      "The PG+Redis server's lifetime peak also covers the login burst and the one-instance run, which follow its levels; PostgreSQL's and Redis's own memory is not in it.",
      '',
    );
    if (typeof heap === 'string' && heap)
      out.push(
        `The PG+Redis servers run as the Kubernetes Deployment runs them, with NODE_OPTIONS \`${heap}\` (V8's heap sized for the pod's 512Mi).`,
        '',
      );
  }
  return out;
}

/** Latency by load: p50 and p99 against the number of conversations, both on log scales. Hand-written SVG. */
export function latencySvg(results: BenchResults): string {
  const series: { name: string; color: string; rows: LoadResult[] }[] = [
    { name: 'echo bot', color: '#7f7f7f', rows: results.echo.levels },
    { name: 'assistant, embedded', color: '#1f77b4', rows: results.assistant.embedded?.levels ?? [] },
    { name: 'assistant, PG + Redis', color: '#d62728', rows: results.assistant.postgresRedis?.levels ?? [] },
  ].filter((entry) => entry.rows.some((row) => row.latency.count > 0));
  const width = 800;
  const height = 440;
  const margin = { left: 70, right: 230, top: 40, bottom: 60 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const levels = [...new Set(series.flatMap((entry) => entry.rows.map((row) => row.concurrency)))].sort((a, b) => a - b);
  const values = series
    .flatMap((entry) => entry.rows.flatMap((row) => [row.latency.p50, row.latency.p99]))
    .filter((v) => Number.isFinite(v) && v > 0);
  const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${margin.left}" y="22" font-size="15" font-weight="bold">Turn latency by load (${esc(results.mode)} run, ${esc(results.generatedAt.slice(0, 10))})</text>`,
  ];
  if (levels.length === 0 || values.length === 0) {
    parts.push(`<text x="${margin.left}" y="${margin.top + 20}">no data</text>`, '</svg>');
    return parts.join('\n');
  }
  const logMin = Math.floor(Math.log10(Math.min(...values)));
  const logMax = Math.ceil(Math.log10(Math.max(...values)));
  const xLog = (c: number) => Math.log2(c);
  const xMin = xLog(levels[0]!);
  const xMax = Math.max(xLog(levels.at(-1)!), xMin + 1);
  const px = (c: number) => margin.left + ((xLog(c) - xMin) / (xMax - xMin)) * plotW;
  const py = (ms: number) => margin.top + plotH - ((Math.log10(ms) - logMin) / Math.max(1, logMax - logMin)) * plotH;

  parts.push(`<rect x="${margin.left}" y="${margin.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#333"/>`);
  for (let power = logMin; power <= logMax; power += 1) {
    for (const step of [1, 2, 5]) {
      const ms = step * 10 ** power;
      if (Math.log10(ms) > logMax + 1e-9) continue;
      const y = py(ms).toFixed(1);
      parts.push(
        `<line x1="${margin.left}" x2="${margin.left + plotW}" y1="${y}" y2="${y}" stroke="#e5e5e5"${step === 1 ? '' : ' stroke-dasharray="2,3"'}/>`,
      );
      parts.push(
        `<text x="${margin.left - 6}" y="${y}" text-anchor="end" dominant-baseline="middle">${ms >= 1 ? ms : ms.toFixed(1)}</text>`,
      );
    }
  }
  for (const c of levels) {
    const xPos = px(c).toFixed(1);
    parts.push(`<line x1="${xPos}" x2="${xPos}" y1="${margin.top}" y2="${margin.top + plotH}" stroke="#eeeeee"/>`);
    parts.push(`<text x="${xPos}" y="${margin.top + plotH + 18}" text-anchor="middle">${c}</text>`);
  }
  parts.push(`<text x="${margin.left + plotW / 2}" y="${height - 18}" text-anchor="middle">concurrent conversations</text>`);
  parts.push(
    `<text transform="translate(18 ${margin.top + plotH / 2}) rotate(-90)" text-anchor="middle">turn latency (ms, log scale)</text>`,
  );

  let legendY = margin.top + 10;
  for (const entry of series) {
    const rows = entry.rows.filter((row) => row.latency.count > 0).sort((a, b) => a.concurrency - b.concurrency);
    for (const [key, dash] of [
      ['p99', ''],
      ['p50', ' stroke-dasharray="6,4"'],
    ] as const) {
      const points = rows.map((row) => `${px(row.concurrency).toFixed(1)},${py(row.latency[key]).toFixed(1)}`);
      parts.push(`<polyline fill="none" stroke="${entry.color}" stroke-width="2"${dash} points="${points.join(' ')}"/>`);
      for (const point of points) {
        const [cx, cy] = point.split(',');
        parts.push(`<circle cx="${cx}" cy="${cy}" r="3" fill="${key === 'p99' ? entry.color : '#ffffff'}" stroke="${entry.color}"/>`);
      }
      const lx = margin.left + plotW + 16;
      parts.push(`<line x1="${lx}" x2="${lx + 26}" y1="${legendY}" y2="${legendY}" stroke="${entry.color}" stroke-width="2"${dash}/>`);
      parts.push(`<text x="${lx + 32}" y="${legendY}" dominant-baseline="middle">${esc(entry.name)} ${key}</text>`);
      legendY += 20;
    }
  }
  parts.push('</svg>');
  return parts.join('\n');
}

export const README_START = '<!-- bench:latest:start (written by npm run bench -- --readme) -->';
export const README_END = '<!-- bench:latest:end -->';

/** The README's "latest run" block: the main tables of the markdown report, cut from it. */
export function readmeBlock(results: BenchResults): string {
  const markdown = markdownReport(results);
  const cut = (from: string, to: string) => {
    const start = markdown.indexOf(from);
    if (start < 0) return '';
    const end = markdown.indexOf(to, start);
    return markdown.slice(start, end < 0 ? undefined : end).trim();
  };
  /** A section's text after its heading, up to the next heading. */
  const section = (heading: string) => {
    const start = markdown.indexOf(`\n${heading}\n`);
    if (start < 0) return '';
    const body = markdown.slice(start + heading.length + 2);
    const end = body.search(/^#{2,3} /m);
    return body.slice(0, end < 0 ? undefined : end).trim();
  };
  const load = results.machine.loadAverageAtStart[0] ?? 0;
  const parts = [
    `Latest run (${results.generatedAt.slice(0, 16).replace('T', ' ')} UTC, ${results.mode}, ${results.durationSeconds} s, ${results.machine.cpus} cores, load average ${load.toFixed(1)} at the start${load >= results.machine.cpus ? ', shared with other work, so the numbers are noisy' : ''}; ratios are assistant ÷ echo bot on the same workload, within this run):`,
  ];
  const targets = section('## Targets (issue 22)');
  if (targets) parts.push('Targets:', targets);
  const opening = section('## Opening steps (nothing hashed) vs the echo bot');
  if (opening) parts.push('Opening steps (nothing hashed):', opening.slice(opening.indexOf('|')));
  const journey = section('## Full journey vs the echo bot');
  if (journey) parts.push('Full journey:', journey);
  const memory = section('## Memory (RSS of each server process, MB)');
  if (memory) parts.push('Memory (RSS of each server process, MB):', memory);
  const burst = cut('| store | logins at once', '\n## ');
  if (burst) {
    parts.push(
      'Login burst (other conversations\' turns before and during it; "own logins left out" leaves out their own security-word turns, which queue for argon2id like the burst\'s):',
      burst,
    );
  }
  const slow = cut('| mail and SMS answer after', '\n## ');
  if (slow)
    parts.push(`Slow SMTP server and SMS API (embedded, ${results.slowServices?.slow.result.concurrency ?? ''} conversations):`, slow);
  const facts: string[] = [];
  if (results.state) {
    const state = results.state;
    facts.push(
      `Stored state (PostgreSQL + Redis): dialog state ${n(state.dialogState.mean, 0)} bytes serialized per conversation (${n(state.dialogState.memoryUsageMean, 0)} by MEMORY USAGE); every short-lived key together ${n(state.perConversation.memoryBytes, 0)} bytes MEMORY USAGE per conversation.`,
    );
  }
  if (results.instances) {
    facts.push(
      `One instance against two (${results.instances.one.concurrency} conversations, both instances on the same cores as PostgreSQL, Redis and the load generator): ${x(results.instances.ratio)} the turns/s.`,
    );
  }
  if (facts.length) parts.push(facts.join(' '));
  const profiles = Object.entries(results.profile).filter((entry): entry is [string, ProfileSummary] => entry[1] !== undefined);
  if (profiles.length) {
    parts.push(
      'Where the time goes (CPU profile of the full journey, self time on the main thread by origin; the full tables are in `results/latest.md`):',
      profiles
        .map(
          ([name, profile]) =>
            `- ${name === 'postgresRedis' ? 'PG+Redis' : name}, ${n(profile.busyMs, 0)} ms busy: ${profile.byOrigin
              .slice(0, 5)
              .map((origin) => `${origin.origin} ${n(origin.percent, 0)}%`)
              .join(', ')}`,
        )
        .join('\n'),
    );
  }
  return [README_START, ...parts, README_END].join('\n\n');
}

/** `readme` with its block between the markers replaced; unchanged when the markers are missing. */
export function replaceReadmeBlock(readme: string, block: string): string {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) return readme;
  return readme.slice(0, start) + block + readme.slice(end + README_END.length);
}
