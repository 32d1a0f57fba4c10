/**
 * Inputs a hostile client may send to a recogniser, and a check that a recogniser answers them
 * quickly, so no chat turn stalls on them.
 */

export const HUGE_INPUT = 'a'.repeat(10_000);
export const HUGE_DIGITS = '1'.repeat(10_000);

/** Runs fn and fails if it takes long enough that a chat turn would visibly stall. */
export function expectQuick<T>(fn: () => T): T {
  const started = Date.now();
  const result = fn();
  expect(Date.now() - started).toBeLessThan(200);
  return result;
}
