import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** The file in DATA_DIR that says which process owns the embedded database. */
export const LOCK_FILE_NAME = 'e-imza.lock';

export class DataDirLockedError extends Error {}

/**
 * The lock files this process holds. A file naming our own pid that is not among them was left by
 * an earlier process that had the same pid: in a container the assistant is pid 1 at every start.
 */
const heldHere = new Set<string>();

/**
 * An exclusive hold on DATA_DIR for the embedded database: two processes writing one PGlite folder
 * lose each other's writes. The lock file is created with O_EXCL and holds the owner's pid; a lock
 * whose pid no longer runs (a crash, a kill -9), or that names this process without being held by
 * it (a container restarted on its volume), is taken over. `close` removes it, if still ours.
 */
export class DataDirLock {
  private constructor(
    readonly file: string,
    private readonly owner: string,
  ) {}

  static acquire(dataDir: string, pid = process.pid): DataDirLock {
    mkdirSync(dataDir, { recursive: true });
    const file = join(dataDir, LOCK_FILE_NAME);
    const owner = String(pid);
    // Two rounds: a stale lock is removed once, then the create must win.
    for (let round = 0; round < 2; round++) {
      try {
        const fd = openSync(file, 'wx', 0o600);
        try {
          writeSync(fd, `${owner}\n`);
        } finally {
          closeSync(fd);
        }
        heldHere.add(file);
        return new DataDirLock(file, owner);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = readHolder(file);
      const ours = holder === pid && heldHere.has(file);
      if (holder !== undefined && (ours || (holder !== pid && isRunning(holder)))) {
        throw new DataDirLockedError(
          `DATA_DIR is in use by another process: ${file} is held by pid ${holder}. Stop that process, or give this one another DATA_DIR.`,
        );
      }
      // Stale: its process is gone (or the file is empty or garbled, as a crash mid-write leaves it).
      try {
        unlinkSync(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    throw new DataDirLockedError(`DATA_DIR is in use by another process that is starting at the same time: ${file}.`);
  }

  async close(): Promise<void> {
    if (!heldHere.delete(this.file) || readHolder(this.file) !== Number(this.owner)) return;
    try {
      unlinkSync(this.file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

function readHolder(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a process with this pid runs (EPERM: it does, under another user). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
