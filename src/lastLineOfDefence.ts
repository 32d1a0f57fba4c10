import type { Logger } from './logger';

/** More faults than this within a minute and the process is not in a state worth keeping: it exits. */
const MAX_FAULTS_PER_MINUTE = 20;

type ProcessLike = {
  on(event: 'uncaughtException', listener: (error: unknown) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  exit(code: number): never;
};

/**
 * The process's last line of defence, installed by index.ts only (tests build the app without it,
 * so a crash they replay is fixed at its cause): an exception or a rejection nobody handled is
 * logged (the logger keeps an error's name and masked message, no stack, no secrets) and the
 * server keeps serving the other requests. A burst of them means the process is broken: it exits
 * non-zero for the supervisor to restart it.
 */
export function installLastLineOfDefence(target: ProcessLike, logger: Logger, now: () => number = Date.now): void {
  let windowStart = now();
  let faults = 0;
  const fault = (kind: string, error: unknown) => {
    if (now() - windowStart > 60_000) {
      windowStart = now();
      faults = 0;
    }
    faults += 1;
    // A thrown non-Error (a string, an object) could be anything, a secret included: only its type is logged.
    const logged = error instanceof Error ? { error, failure: { code: (error as { code?: unknown }).code } } : { thrown: typeof error };
    logger.error('a fault nobody handled; the server keeps serving', { kind, ...logged });
    if (faults > MAX_FAULTS_PER_MINUTE) {
      logger.error('too many faults within a minute; stopping for a restart', { kind, faults });
      target.exit(1);
    }
  };
  target.on('uncaughtException', (error) => fault('uncaughtException', error));
  target.on('unhandledRejection', (reason) => fault('unhandledRejection', reason));
}
