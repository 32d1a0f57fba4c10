import { closeSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { hostname as osHostname } from 'node:os';
import { join } from 'node:path';

/** The file in DATA_DIR that says which process owns the embedded database. */
export const LOCK_FILE_NAME = 'e-imza.lock';

export class DataDirLockedError extends Error {}

/**
 * The lock files this process holds. A file naming our own pid and host that is not among them was
 * left by an earlier process that had the same pid: in a container the assistant is pid 1 at every start.
 */
const heldHere = new Set<string>();

type Holder = { pid: number; host: string | undefined };

/**
 * An exclusive hold on DATA_DIR for the embedded database: two processes writing one PGlite folder
 * lose each other's writes. The lock file is created with O_EXCL and holds the owner's pid and host
 * name. A lock from another host (another container on the same volume, where pids mean nothing) is
 * never taken over: the start is refused and the operator deletes the file if that host is gone. On
 * this host, a lock whose pid no longer runs (a crash, a kill -9), or that names this process
 * without being held by it (a container restarted on its volume), is stale: it is renamed aside
 * (only one process can win the rename), checked again, removed, and the lock created anew.
 * `close` removes it, if still ours.
 */
export class DataDirLock {
  private constructor(
    readonly file: string,
    private readonly content: string,
  ) {}

  static acquire(dataDir: string, pid = process.pid, host = osHostname()): DataDirLock {
    mkdirSync(dataDir, { recursive: true });
    const file = join(dataDir, LOCK_FILE_NAME);
    const content = `${pid}\n${host}\n`;
    // A few rounds: a stale lock is moved aside, then the create must win.
    for (let round = 0; round < 3; round++) {
      try {
        const fd = openSync(file, 'wx', 0o600);
        try {
          writeSync(fd, content);
        } finally {
          closeSync(fd);
        }
        heldHere.add(file);
        return new DataDirLock(file, content);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const seen = readLock(file);
      if (seen === undefined) continue; // gone meanwhile: try to create it again
      const holder = parseHolder(seen);
      if (holder) refuseUnlessStale(file, holder, pid, host);
      // Stale (or empty or garbled, as a crash mid-write leaves it): move it aside; only one wins.
      const aside = `${file}.stale.${process.pid}`;
      try {
        renameSync(file, aside);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue; // another took it over first
        throw error;
      }
      // What was moved is checked again: another process may have replaced the stale lock by its own.
      if (readLock(aside) !== seen) {
        try {
          linkSync(aside, file);
        } catch (error) {
          // A third process created the lock meanwhile: the next round judges that one.
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        } finally {
          unlinkSync(aside);
        }
        continue;
      }
      unlinkSync(aside);
    }
    throw new DataDirLockedError(`DATA_DIR is in use by another process that is starting at the same time: ${file}.`);
  }

  async close(): Promise<void> {
    if (!heldHere.delete(this.file) || readLock(this.file) !== this.content) return;
    try {
      unlinkSync(this.file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

/** Throws unless the lock's holder is known to be gone: same host, and its pid not running (or ours, but not held here). */
function refuseUnlessStale(file: string, holder: Holder, pid: number, host: string): void {
  if (holder.host !== host) {
    throw new DataDirLockedError(
      `DATA_DIR is in use by a process on another host: ${file} is held by pid ${holder.pid} on host ${holder.host ?? '(not recorded)'}. ` +
        `Stop that process, or give this one another DATA_DIR; if that host is gone, delete ${file} and start again.`,
    );
  }
  const ours = holder.pid === pid;
  if ((ours && heldHere.has(file)) || (!ours && isRunning(holder.pid))) {
    throw new DataDirLockedError(
      `DATA_DIR is in use by another process: ${file} is held by pid ${holder.pid} on host ${host}. Stop that process, or give this one another DATA_DIR.`,
    );
  }
}

function readLock(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The lock's pid and host; undefined when the file is empty or garbled. A lock of an earlier version has no host. */
function parseHolder(content: string): Holder | undefined {
  const [pidLine, hostLine] = content.split('\n');
  const pid = Number(pidLine?.trim());
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  const host = hostLine?.trim();
  return { pid, host: host ? host : undefined };
}

/** Whether a process with this pid runs on this host (EPERM: it does, under another user). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
