import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../../test/support/testApp';

export { freePort };

export const ROOT = join(__dirname, '..', '..');

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
  /** The TypeScript entry point, relative to the project root. */
  entry: string;
  /** Its environment; a function when it depends on the port chosen (PUBLIC_BASE_URL). */
  env: Record<string, string> | ((port: number) => Record<string, string>);
  /** Folder for its stdout/stderr and, when profiling, its .cpuprofile. */
  workDir: string;
  cpuProfile?: boolean;
  startTimeoutMs?: number;
};

/**
 * Starts `node --import tsx ENTRY` with the given environment (PORT is chosen here) and waits until
 * GET /healthz answers. Both the echo bot and the assistant are started this way. The child's output
 * goes to a file, not through a pipe to this process.
 */
export async function startServer(options: StartOptions): Promise<ServerProcess> {
  const port = await freePort();
  const logFile = join(options.workDir, `${options.name}.log`);
  const profileDir = join(options.workDir, `${options.name}-profile`);
  const fd = openSync(logFile, 'a');
  const args = ['--import', 'tsx', ...(options.cpuProfile ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []), join(ROOT, options.entry)];
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
        // One profile per thread: the main thread is thread 0 (tsx's loader runs in another).
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
