import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../support/testApp';
import { RESTART_MASTER_KEY, startOn, type RunningOn } from '../support/sameDataDir';

const ROOT = join(__dirname, '..', '..');
const LOCK_FILE = 'e-imza.lock';
/** What a lock file holds: the owner's pid and its host name (a container's own name). */
const lockOf = (pid: number, host = hostname()) => `${pid}\n${host}\n`;
const OTHER_HOST = 'eimza-7f9c-other-container';

/** `src/index.ts` started as a process on `dataDir`; resolves with its exit code and what it wrote to stderr. */
async function startProcess(dataDir: string): Promise<{ code: number | null; stderr: string }> {
  const port = await freePort();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'index.ts')], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'development',
        DATA_DIR: dataDir,
        PORT: String(port),
        PINPUK_MASTER_KEY: RESTART_MASTER_KEY,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    // A process that did start is stopped, so the test fails on its assertion instead of hanging.
    const timer = setTimeout(() => child.kill('SIGTERM'), 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

/** The pid of a process that has exited. */
function deadPid(): number {
  const done = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(done.stdout.toString());
}

describe('when two assistants are started on one DATA_DIR (embedded database)', () => {
  let dataDir: string;
  const running: RunningOn[] = [];

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'eimza-lock-'));
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((app) => app.close()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('then the second start is refused, naming the lock file and the pid that holds it', async () => {
    running.push(await startOn(dataDir));
    const lockFile = join(dataDir, LOCK_FILE);
    expect(readFileSync(lockFile, 'utf8')).toBe(lockOf(process.pid));

    const second = startOn(dataDir);
    await expect(second).rejects.toThrow(lockFile);
    await expect(second).rejects.toThrow(String(process.pid));
    // The first is unharmed.
    expect((await fetch(`${running[0]!.baseUrl}/readyz`)).status).toBe(200);
  });

  test('then a second process (src/index.ts) exits non-zero with a message naming the lock file and the other pid', async () => {
    running.push(await startOn(dataDir));
    const second = await startProcess(dataDir);
    expect(second.code).not.toBe(0);
    expect(second.code).not.toBeNull();
    expect(second.stderr).toContain(join(dataDir, LOCK_FILE));
    expect(second.stderr).toContain(String(process.pid));
    expect((await fetch(`${running[0]!.baseUrl}/readyz`)).status).toBe(200);
  }, 90_000);

  test('then closing the first releases the lock, and another may start', async () => {
    const first = await startOn(dataDir);
    await first.close();
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
    running.push(await startOn(dataDir));
  });

  test('then a lock file naming this pid and this host but not held by this process (a container restarted as pid 1 on its volume) is taken over', async () => {
    writeFileSync(join(dataDir, LOCK_FILE), lockOf(process.pid));
    running.push(await startOn(dataDir));
    await expect(startOn(dataDir)).rejects.toThrow(join(dataDir, LOCK_FILE));
  });

  test('then a lock file naming this pid on another host (a second container, also pid 1, on the same volume) is not taken over', async () => {
    const lockFile = join(dataDir, LOCK_FILE);
    writeFileSync(lockFile, lockOf(process.pid, OTHER_HOST));
    const second = startOn(dataDir);
    await expect(second).rejects.toThrow(lockFile);
    await expect(second).rejects.toThrow(OTHER_HOST);
    await expect(second).rejects.toThrow(String(process.pid));
    await expect(second).rejects.toThrow(/delete/i);
    expect(readFileSync(lockFile, 'utf8')).toBe(lockOf(process.pid, OTHER_HOST));
  });

  test('then a lock file from another host is not taken over even when its pid does not run here (another pid namespace)', async () => {
    const lockFile = join(dataDir, LOCK_FILE);
    const theirs = lockOf(deadPid(), OTHER_HOST);
    writeFileSync(lockFile, theirs);
    await expect(startOn(dataDir)).rejects.toThrow(OTHER_HOST);
    expect(readFileSync(lockFile, 'utf8')).toBe(theirs);
  });

  test('then a lock file left by a process that no longer runs is taken over', async () => {
    const stale = deadPid();
    writeFileSync(join(dataDir, LOCK_FILE), lockOf(stale));
    running.push(await startOn(dataDir));
    expect(readFileSync(join(dataDir, LOCK_FILE), 'utf8')).toBe(lockOf(process.pid));
    // The stale file was moved aside and removed: nothing is left beside the lock.
    expect(readdirSync(dataDir).filter((name) => name.startsWith(LOCK_FILE))).toEqual([LOCK_FILE]);
  });
});
