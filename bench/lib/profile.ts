import { readFileSync } from 'node:fs';
import { BUILD, ROOT } from './processes';
import { round } from './stats';

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
};
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

export type SelfTime = { name: string; where: string; ms: number; percent: number };
export type ProfileSummary = {
  /** Sampled time, idle excluded. */
  busyMs: number;
  idleMs: number;
  /** Self time per function, highest first. */
  top: SelfTime[];
  /** Self time per origin: our code (src/…), each package, Node itself, the garbage collector, … */
  byOrigin: { origin: string; ms: number; percent: number }[];
  /** Our own functions (src/) by inclusive time: what they and everything they call cost. */
  ourInclusive: SelfTime[];
};

/** A window in the clock of process.hrtime (CLOCK_MONOTONIC), which V8's profile timestamps share on Linux. */
export type ProfileWindow = { fromUs: number; toUs: number };

export function hrtimeUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

/** Where a function lives: src/…, the package it comes from, node: internals, or V8's own entries. */
function originOf(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  // wasm://wasm/<hash>: compiled WebAssembly (PGlite's PostgreSQL on the embedded default), one origin whatever its hash.
  if (url.startsWith('wasm://')) return '(WebAssembly)';
  const path = url.replace(/^file:\/\//, '');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (pkg) return pkg[1]!;
  if (path.startsWith('node:')) return 'node (internals)';
  const project = path.startsWith(`${BUILD}/`)
    ? path.slice(BUILD.length + 1)
    : path.startsWith(`${ROOT}/`)
      ? path.slice(ROOT.length + 1)
      : undefined;
  return project === undefined ? path : project.split('/').slice(0, 2).join('/');
}

/** Our compiled code: the bench's build of src/ (see processes.ts). */
function isOurs(url: string): boolean {
  return url.includes(`${BUILD}/src/`);
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes a source map's mappings into, per generated line, [generated column, original line] pairs. */
function decodeMappings(mappings: string): [number, number][][] {
  const lines: [number, number][][] = [];
  let sourceLine = 0;
  for (const line of mappings.split(';')) {
    const segments: [number, number][] = [];
    let column = 0;
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const values: number[] = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = BASE64.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0] ?? 0;
      if (values.length >= 4) {
        sourceLine += values[2]!;
        segments.push([column, sourceLine]);
      }
    }
    lines.push(segments);
  }
  return lines;
}

/** The source map tsc wrote beside a compiled file of ours, decoded (none when it cannot be read). */
function sourceMapOf(path: string): [number, number][][] | undefined {
  try {
    const map = JSON.parse(readFileSync(`${path}.map`, 'utf8')) as { mappings?: string };
    return map.mappings ? decodeMappings(map.mappings) : undefined;
  } catch {
    return undefined;
  }
}

const sourceMaps = new Map<string, [number, number][][] | undefined>();

export function shortWhere(url: string, line: number, column: number): string {
  if (!url) return '';
  // wasm://wasm/<hash>: compiled WebAssembly (PGlite's PostgreSQL on the embedded default), one origin whatever its hash.
  if (url.startsWith('wasm://')) return '(WebAssembly)';
  const path = url.replace(/^file:\/\//, '');
  if (!isOurs(path)) return `${path.replace(`${ROOT}/`, '').replace(/^.*node_modules\//, '')}:${line + 1}`;
  // A compiled file of ours, named and numbered as its TypeScript source.
  const short = path.slice(BUILD.length + 1).replace(/\.js$/, '.ts');
  if (!sourceMaps.has(path)) sourceMaps.set(path, sourceMapOf(path));
  const segments = sourceMaps.get(path)?.[line];
  const segment = segments?.filter(([generated]) => generated <= column).at(-1) ?? segments?.[0];
  return segment ? `${short}:${segment[1] + 1}` : short;
}

/**
 * Self time of every function in a .cpuprofile written by node --cpu-prof, counting only the samples
 * taken inside `window` (the load, not the start-up) when given.
 */
export function summarizeProfile(file: string, window?: ProfileWindow, topCount = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const selfUs = new Map<number, number>();
  const inclusive = new Map<string, { name: string; where: string; us: number }>();
  let at = profile.startTime;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    at += delta;
    if (window && (at < window.fromUs || at > window.toUs)) return;
    selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
    // Each of our functions on the stack once, however deep the recursion.
    const seen = new Set<string>();
    for (let node: number | undefined = id; node !== undefined; node = parent.get(node)) {
      const { functionName, url, lineNumber, columnNumber } = byId.get(node)!.callFrame;
      if (!isOurs(url)) continue;
      const key = `${functionName} ${url}:${lineNumber}:${columnNumber}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = inclusive.get(key) ?? { name: functionName || '(anonymous)', where: shortWhere(url, lineNumber, columnNumber), us: 0 };
      entry.us += delta;
      inclusive.set(key, entry);
    }
  });

  const functions = new Map<string, { name: string; where: string; us: number }>();
  const origins = new Map<string, number>();
  let idleUs = 0;
  let busyUs = 0;
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber, columnNumber } = byId.get(id)!.callFrame;
    const name = functionName || '(anonymous)';
    if (name === '(idle)') {
      idleUs += us;
      continue;
    }
    busyUs += us;
    const key = `${name} ${url}:${lineNumber}:${columnNumber}`;
    const entry = functions.get(key) ?? { name, where: shortWhere(url, lineNumber, columnNumber), us: 0 };
    entry.us += us;
    functions.set(key, entry);
    const origin = originOf(url, name);
    origins.set(origin, (origins.get(origin) ?? 0) + us);
  }
  const percent = (us: number) => round((us / Math.max(1, busyUs)) * 100);
  return {
    busyMs: Math.round(busyUs / 1000),
    idleMs: Math.round(idleUs / 1000),
    top: [...functions.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, topCount)
      .map((entry) => ({ name: entry.name, where: entry.where, ms: round(entry.us / 1000), percent: percent(entry.us) })),
    byOrigin: [...origins]
      .sort((a, b) => b[1] - a[1])
      .slice(0, topCount)
      .map(([origin, us]) => ({ origin, ms: round(us / 1000), percent: percent(us) })),
    ourInclusive: [...inclusive.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, topCount)
      .map((entry) => ({ name: entry.name, where: entry.where, ms: round(entry.us / 1000), percent: percent(entry.us) })),
  };
}
