import type { BenchResults, LevelRow } from './report';
import { ratio } from './stats';
import type { LoadResult } from './workload';

/**
 * Issue 22's targets, each checked against one run (ratios are assistant ÷ echo bot within the run;
 * the machine has 2 cores). Turns/s and p99 of the opening steps at 16 and 64 conversations;
 * the full journey's throughput, its per-step p99 at 64 conversations and its security-word turn;
 * the servers' memory.
 */
export const TARGETS = {
  openingTurnsRatio: 1.0,
  openingP99Ratio: 1.5,
  openingLevels: [16, 64],
  journeysPerSec: { embedded: 40, postgresRedis: 30 },
  /** Every turn of the journey at this level, against the echo bot's p99 at the same level. */
  journeyLevel: 64,
  journeyStepP99Ratio: 3,
  securityWordP99Ms: 500,
  embeddedIdleRssMb: 300,
  embeddedLoadedRssMb: 400,
  postgresRedisRssMb: 250,
} as const;

/** One store's measurement against a target: met is undefined when it was not measured. */
export type TargetCheck = { value?: number; detail?: string; met?: boolean };

export type TargetUnit = '×' | 'ms' | 'MB' | '/s';

/** A target and how each store did; a store is absent where the target does not apply to it. */
export type Target = { text: string; unit: TargetUnit; embedded?: TargetCheck; postgresRedis?: TargetCheck };

type Store = 'embedded' | 'postgresRedis';

function check(value: number | undefined, met: (value: number) => boolean, detail?: string): TargetCheck {
  if (value === undefined || !Number.isFinite(value)) return {};
  return { value, met: met(value), ...(detail ? { detail } : {}) };
}

/** The highest of the values given, ignoring the missing; undefined when none is there. */
function highest(...values: (number | undefined)[]): number | undefined {
  const present = values.filter((value): value is number => value !== undefined && Number.isFinite(value));
  return present.length ? Math.max(...present) : undefined;
}

export function evaluateTargets(results: BenchResults): Target[] {
  const rowsOf = (store: Store, workload: 'opening' | 'levels'): LevelRow[] => results.assistant[store]?.[workload] ?? [];
  const at = (store: Store, workload: 'opening' | 'levels', concurrency: number) =>
    rowsOf(store, workload).find((row) => row.concurrency === concurrency && row.latency.count > 0);
  const both = (measure: (store: Store) => TargetCheck) => ({ embedded: measure('embedded'), postgresRedis: measure('postgresRedis') });
  const targets: Target[] = [];

  for (const concurrency of TARGETS.openingLevels) {
    targets.push({
      text: `Opening steps, ${concurrency} conversations: turns/s ≥ ${TARGETS.openingTurnsRatio.toFixed(1)}× the echo bot's`,
      unit: '×',
      ...both((store) => check(at(store, 'opening', concurrency)?.turnsRatio, (value) => value >= TARGETS.openingTurnsRatio)),
    });
  }
  for (const concurrency of TARGETS.openingLevels) {
    targets.push({
      text: `Opening steps, ${concurrency} conversations: p99 ≤ ${TARGETS.openingP99Ratio}× the echo bot's`,
      unit: '×',
      ...both((store) => check(at(store, 'opening', concurrency)?.p99Ratio, (value) => value <= TARGETS.openingP99Ratio)),
    });
  }

  targets.push({
    text: `Full journey: journeys/s ≥ ${TARGETS.journeysPerSec.embedded} embedded, ≥ ${TARGETS.journeysPerSec.postgresRedis} on PG+Redis (the best level)`,
    unit: '/s',
    ...both((store) => {
      const best = rowsOf(store, 'levels')
        .filter((row) => row.latency.count > 0)
        .sort((a, b) => b.conversationsPerSec - a.conversationsPerSec)[0];
      return check(best?.conversationsPerSec, (value) => value >= TARGETS.journeysPerSec[store], best && `at ${best.concurrency}`);
    }),
  });

  const level = TARGETS.journeyLevel;
  const echoJourney = results.echo.levels.find((row) => row.concurrency === level);
  targets.push({
    text: `Full journey, ${level} conversations: p99 of every turn ≤ ${TARGETS.journeyStepP99Ratio}× the echo bot's p99`,
    unit: '×',
    ...both((store) => {
      const worst = worstStep(at(store, 'levels', level), echoJourney);
      return check(worst?.ratio, (value) => value <= TARGETS.journeyStepP99Ratio, worst?.step);
    }),
  });
  targets.push({
    text: `Full journey, ${level} conversations: the security-word turn (login.word) p99 ≤ ${TARGETS.securityWordP99Ms} ms`,
    unit: 'ms',
    ...both((store) => check(at(store, 'levels', level)?.byStep['login.word']?.p99, (value) => value <= TARGETS.securityWordP99Ms)),
  });

  const memory = results.memory;
  targets.push({
    text: `Memory: embedded default ≤ ${TARGETS.embeddedIdleRssMb} MB RSS idle`,
    unit: 'MB',
    embedded: check(memory.embedded?.idleMb, (value) => value <= TARGETS.embeddedIdleRssMb),
  });
  targets.push({
    text: `Memory: embedded default ≤ ${TARGETS.embeddedLoadedRssMb} MB RSS under the ${level}-conversation load (the peak of both workloads)`,
    unit: 'MB',
    embedded: check(
      highest(at('embedded', 'opening', level)?.serverRssPeakMb, at('embedded', 'levels', level)?.serverRssPeakMb),
      (value) => value <= TARGETS.embeddedLoadedRssMb,
    ),
  });
  const postgresPeaks = [...rowsOf('postgresRedis', 'opening'), ...rowsOf('postgresRedis', 'levels')].map((row) => row.serverRssPeakMb);
  targets.push({
    text: `Memory: PG+Redis ≤ ${TARGETS.postgresRedisRssMb} MB RSS (idle and the peak of every level)`,
    unit: 'MB',
    postgresRedis: check(
      results.assistant.postgresRedis ? highest(memory.postgresRedis?.idleMb, ...postgresPeaks) : undefined,
      (value) => value <= TARGETS.postgresRedisRssMb,
    ),
  });
  return targets;
}

/** The journey step whose p99 is highest against the echo bot's p99 at the same level. */
function worstStep(row: LevelRow | undefined, echo: LoadResult | undefined): { step: string; ratio: number } | undefined {
  if (!row || !echo || !(echo.latency.p99 > 0)) return undefined;
  const steps = Object.entries(row.byStep).map(([step, summary]) => ({ step, ratio: ratio(summary.p99, echo.latency.p99) }));
  return steps.sort((a, b) => b.ratio - a.ratio)[0];
}
