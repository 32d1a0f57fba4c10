import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OPENING_STEPS } from '../bench/lib/journey';
import type { BenchResults } from '../bench/lib/report';

const ROOT = join(__dirname, '..');

/** Runs `npm run bench -- --smoke --out DIR` as a user would (through tsx), and resolves with its exit code and output. */
function runSmoke(outDir: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'run.ts'), '--smoke', '--out', outDir], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('when the benchmark runs in smoke mode', () => {
  let outDir: string;
  let run: { code: number | null; output: string };
  let results: BenchResults;

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'eimza-bench-smoke-'));
    run = await runSmoke(outDir);
    if (existsSync(join(outDir, 'latest.json'))) results = JSON.parse(readFileSync(join(outDir, 'latest.json'), 'utf8')) as BenchResults;
  }, 120_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  test('then it exits cleanly and writes the JSON, the markdown table and the chart', () => {
    expect({ code: run.code, tail: run.code === 0 ? '' : run.output.slice(-2000) }).toEqual({ code: 0, tail: '' });
    expect(results.mode).toBe('smoke');
    const markdown = readFileSync(join(outDir, 'latest.md'), 'utf8');
    expect(markdown).toContain('| conversations | echo turns/s |');
    expect(run.output).toContain('| conversations | echo turns/s |');
    expect(readFileSync(join(outDir, 'latency.svg'), 'utf8')).toMatch(
      /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"[\s\S]*<polyline[\s\S]*<\/svg>\s*$/,
    );
  });

  test('then the echo bot and the assistant both completed conversations, with sane numbers and no failures', () => {
    const echo = results.echo.levels[0]!;
    const assistant = results.assistant.embedded!.levels[0]!;
    for (const level of [echo, assistant]) {
      expect(level.errors).toBe(0);
      expect(level.failedTurns).toBe(0);
      expect(level.turns).toBeGreaterThan(0);
      expect(level.turnsPerSec).toBeGreaterThan(0);
      expect(level.conversationsCompleted).toBeGreaterThan(0);
      expect(level.latency.p50).toBeGreaterThan(0);
      expect(level.latency.p99).toBeGreaterThanOrEqual(level.latency.p50);
      expect(level.latency.max).toBeGreaterThanOrEqual(level.latency.p99);
    }
    // Every turn of the journey was walked, the reset page included.
    expect(Object.keys(assistant.byStep)).toEqual(
      expect.arrayContaining(['greeting', 'forgot.check', 'login.word', 'sms.code', 'pinpuk.saved']),
    );
    expect(assistant.page!.count).toBeGreaterThan(0);
    expect(assistant.turnsRatio).toBeCloseTo(assistant.turnsPerSec / echo.turnsPerSec, 1);
  });

  test('then the opening steps were walked on both bots, every step of them, with ratios and CPU per turn in their own table', () => {
    const echo = results.echo.opening[0]!;
    const assistant = results.assistant.embedded!.opening[0]!;
    for (const level of [echo, assistant]) {
      expect(level.errors).toBe(0);
      expect(level.failedTurns).toBe(0);
      expect(level.turns).toBeGreaterThan(0);
      expect(level.conversationsCompleted).toBeGreaterThan(0);
      expect(level.latency.p99).toBeGreaterThanOrEqual(level.latency.p50);
      expect(level.serverCpuPerTurnMs).toBeGreaterThan(0);
    }
    expect(Object.keys(assistant.byStep).sort()).toEqual([...OPENING_STEPS].sort());
    expect(assistant.turnsRatio).toBeCloseTo(assistant.turnsPerSec / echo.turnsPerSec, 1);
    expect(assistant.cpuRatio).toBeCloseTo(assistant.serverCpuPerTurnMs! / echo.serverCpuPerTurnMs!, 1);
    // The echo bot answers each turn with one message; some of the assistant's answers come in two.
    expect(echo.repliesPerTurn).toBeCloseTo(1, 1);
    expect(assistant.repliesPerTurn).toBeGreaterThan(1);

    const markdown = readFileSync(join(outDir, 'latest.md'), 'utf8');
    expect(markdown).toContain('## Opening steps (nothing hashed) vs the echo bot');
    const number = String.raw`[\d,.]+`;
    // conversations | server | turns/s | ×echo | p50 | p99 | p99 ×echo | CPU ms/turn | CPU ×echo | conversations/s | replies/turn
    expect(markdown).toMatch(
      new RegExp(
        String.raw`\n\| 4 \| embedded \| ${number} \| ${number}× \| ${number} \| ${number} \| ${number}× \| ${number} \| ${number}× \| ${number} \| ${number} \|\n`,
      ),
    );
    expect(markdown).toMatch(new RegExp(String.raw`\n\| menu \| ${number} \| ${number} \| ${number}× \|`));
  });

  test('then the RSS of each server is reported idle and at its peak in each level, and the memory targets are judged', () => {
    for (const memory of [results.memory.echo!, results.memory.embedded!]) {
      expect(memory.startedMb).toBeGreaterThan(10);
      expect(memory.idleMb).toBeGreaterThan(10);
      expect(memory.lifetimePeakMb).toBeGreaterThanOrEqual(memory.idleMb!);
    }
    for (const level of [results.echo.levels[0]!, results.echo.opening[0]!, results.assistant.embedded!.levels[0]!]) {
      expect(level.serverRssPeakMb).toBeGreaterThan(10);
    }
    const markdown = readFileSync(join(outDir, 'latest.md'), 'utf8');
    expect(markdown).toMatch(/\n\| a second after start \| [\d,]+ \| [\d,]+ \| – \|\n/);
    expect(markdown).toMatch(/\n\| idle, [\d.]+ s after start without traffic \| [\d,]+ \| [\d,]+ \| – \|\n/);
    expect(markdown).toMatch(/\n\| full journey, 4 conversations: peak \| [\d,]+ \| [\d,]+ \| – \|\n/);

    const idle = results.targets.find((target) => target.text.startsWith('Memory: embedded default ≤ 300 MB RSS idle'))!;
    expect(idle.embedded).toEqual({ value: results.memory.embedded!.idleMb, met: results.memory.embedded!.idleMb! <= 300 });
    expect(markdown).toContain('## Targets (issue 22)');
    expect(markdown).toMatch(/\n\| Memory: embedded default ≤ 300 MB RSS idle \| [\d,]+ MB: \*\*(met|not met)\*\* \| {2}\|\n/);
    // The smoke run has one level (4 conversations): the targets at 16 and 64 say they were not measured.
    expect(markdown).toMatch(/\n\| Opening steps, 64 conversations: p99 ≤ 1\.5× the echo bot's \| not measured \| not measured \|\n/);
  });

  test('then the intent recognition time per utterance is reported (p50, p99)', () => {
    const timing = results.recognition!.perUtteranceUs;
    expect(timing.count).toBeGreaterThan(150);
    expect(timing.p50).toBeGreaterThan(0);
    expect(timing.p99).toBeGreaterThanOrEqual(timing.p50);
    expect(readFileSync(join(outDir, 'latest.md'), 'utf8')).toContain('## Intent recognition (free text, in process)');
  });
});
