import { AsyncLocalStorage } from 'node:async_hooks';
import type { Transactions } from '../lib/transactions';

/** The one SQL interface every repository uses, so PGlite and PostgreSQL are interchangeable. */
export interface SqlExecutor {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}

export interface SqlDatabase extends SqlExecutor, Transactions {
  /**
   * Runs `work` in one transaction: everything or nothing is written. Queries made meanwhile
   * through this database (by any repository) join it; a transaction inside one joins the outer.
   */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** Runs `callback` once the current transaction has committed, or at once outside one. */
  afterCommit(callback: () => void): void;
  /** Runs several statements separated by semicolons. */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

/** What a driver adapter provides: plain queries and a transaction on one connection. */
export type DriverDatabase = SqlExecutor & {
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
};

type Frame = { tx: SqlExecutor; open: boolean; afterCommit: (() => void)[] };

/** Gives a driver ambient transactions: code running inside one uses its connection without passing it along. */
export function withAmbientTransactions(driver: DriverDatabase): SqlDatabase {
  const frames = new AsyncLocalStorage<Frame>();
  // Work started inside a transaction but running after it (background tasks) must not reuse it.
  const current = () => {
    const frame = frames.getStore();
    return frame?.open ? frame : undefined;
  };
  const transaction = async <T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> => {
    const outer = current();
    if (outer) return work(outer.tx);
    let frame: Frame | undefined;
    const result = await driver.transaction((tx) => {
      frame = { tx, open: true, afterCommit: [] };
      return frames
        .run(frame, () => work(tx))
        .finally(() => {
          frame!.open = false;
        });
    });
    for (const callback of frame?.afterCommit ?? []) callback();
    return result;
  };
  return {
    query: (sql, params) => (current()?.tx ?? driver).query(sql, params),
    transaction,
    atomically: (work) => transaction(() => work()),
    afterCommit(callback) {
      const frame = current();
      if (frame) frame.afterCommit.push(callback);
      else callback();
    },
    exec: (sql) => driver.exec(sql),
    close: () => driver.close(),
  };
}
