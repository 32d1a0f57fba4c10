import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { freePort } from '../../test/support/testApp';

export { freePort };

export const ROOT = join(__dirname, '..', '..');
/**
 * Where the bench compiles the servers it runs (`tsconfig.bench.json`: src/ and the echo bot, with
 * source maps), inside the project so their packages resolve from its node_modules.
 */
export const BUILD = join(ROOT, 'bench', '.build');

/** A server under test, running in a child process of its own (so the load generator's CPU is not in its event loop). */
export type ServerProcess = {
  name: string;
  port: number;
  url: string;
  pid: number;
  /** Asks it to stop (SIGTERM), waits for it; returns the CPU profile written, if it was profiled. */
  stop(): Promise<string | undefined>;
  /** The last lines it wrote, for error messages. */
  tail(lines?: number): string;
};

export type StartOptions = {
  name: string;
  /** The TypeScript entry point, relative to the project root; its compiled file in BUILD is run. */
  entry: string;
  /** Its environment; a function when it depends on the port chosen (PUBLIC_BASE_URL). */
  env: Record<string, string> | ((port: number) => Record<string, string>);
  /** Folder for its stdout/stderr and, when profiling, its .cpuprofile. */
  workDir: string;
  cpuProfile?: boolean;
  /** Node.js and V8 options before the entry point; those of `npm run start:prod` unless given. */
  nodeFlags?: readonly string[];
  startTimeoutMs?: number;
};

/**
 * The Node.js options `npm run start:prod` runs the assistant with (the image's CMD has the same,
 * test/deployment.test.ts checks it): both servers of the bench run with them.
 */
export const PRODUCTION_NODE_FLAGS: readonly string[] = (() => {
  const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  return (scripts['start:prod'] ?? '').split(/\s+/).filter((word) => word.startsWith('--'));
})();

/**
 * NODE_OPTIONS of the Kubernetes Deployment (deployment/kubernetes/assistant.yaml), which runs the
 * assistant on PostgreSQL + Redis: V8's heap sized for the pod's memory limit. The bench's
 * PostgreSQL + Redis servers run with it, as deployed.
 */
export const KUBERNETES_NODE_OPTIONS: string = (() => {
  const documents = parseAllDocuments(readFileSync(join(ROOT, 'deployment', 'kubernetes', 'assistant.yaml'), 'utf8')).map(
    (document) =>
      document.toJS() as {
        kind?: string;
        spec?: { template?: { spec?: { containers?: { env?: { name: string; value?: string }[] }[] } } };
      },
  );
  const deployment = documents.find((document) => document.kind === 'Deployment');
  const env = deployment?.spec?.template?.spec?.containers?.[0]?.env ?? [];
  return env.find((entry) => entry.name === 'NODE_OPTIONS')?.value ?? '';
})();

/**
 * Compiles the servers into BUILD as `npm run build` compiles the assistant into dist/ (tsc, then
 * the assets it reads), so both run as the production image runs them: `node FILE.js`, no loader.
 */
export function buildServers(): void {
  rmSync(BUILD, { recursive: true, force: true });
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.bench.json')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'copyAssets.mjs'), BUILD], { cwd: ROOT, stdio: 'ignore' });
}

/**
 * Starts `node FLAGS ENTRY.js` (its compiled file in BUILD) with the given environment (PORT is chosen
 * here) and waits until GET /healthz answers. Both the echo bot and the assistant are started this
 * way. The child's output goes to a file, not through a pipe to this process.
 */
export async function startServer(options: StartOptions): Promise<ServerProcess> {
  const port = await freePort();
  const logFile = join(options.workDir, `${options.name}.log`);
  const profileDir = join(options.workDir, `${options.name}-profile`);
  const fd = openSync(logFile, 'a');
  const entry = join(BUILD, options.entry.replace(/\.ts$/, '.js'));
  const args = [
    ...(options.nodeFlags ?? PRODUCTION_NODE_FLAGS),
    ...(options.cpuProfile ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []),
    entry,
  ];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '',
      ...(typeof options.env === 'function' ? options.env(port) : options.env),
      PORT: String(port),
    },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  let exited = false;
  const exit = new Promise<number | null>((done) =>
    child.once('exit', (code) => {
      exited = true;
      done(code);
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  const tail = (lines = 20) => {
    try {
      return readFileSync(logFile, 'utf8').trim().split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  };

  const deadline = Date.now() + (options.startTimeoutMs ?? 90_000);
  for (;;) {
    if (exited) throw new Error(`${options.name} exited while starting:\n${tail()}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${options.name} did not answer /healthz in time:\n${tail()}`);
    }
    const healthy = await fetch(`${url}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) break;
    await sleep(100);
  }

  return {
    name: options.name,
    port,
    url,
    pid: child.pid!,
    tail,
    async stop() {
      if (!exited) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        await exit;
        clearTimeout(timer);
      }
      if (!options.cpuProfile) return undefined;
      try {
        // One profile per thread: the main thread is thread 0.
        const files = readdirSync(profileDir).filter((name) => name.endsWith('.cpuprofile'));
        const file = files.find((name) => /\.0\.\d+\.cpuprofile$/.test(name)) ?? files[0];
        return file ? join(profileDir, file) : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
