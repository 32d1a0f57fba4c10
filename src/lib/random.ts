import { randomBytes, randomInt } from 'node:crypto';

/** The source of every random value the rules use; tests inject a predictable one. */
export interface RandomSource {
  bytes(length: number): Buffer;
  /** A uniformly distributed integer in [0, maxExclusive). */
  int(maxExclusive: number): number;
}

/**
 * randomBytes costs a call into OpenSSL each time, and a turn wants several small values (ids, eTags,
 * lock tokens): small requests are cut from 4 KiB drawn at once, as Node does for randomUUID. Bytes
 * handed out are copied and wiped from the pool; a new pool is a new buffer.
 */
const POOL_BYTES = 4096;
const MAX_POOLED = 64;
let pool = Buffer.alloc(0);
let taken = 0;

function pooledRandomBytes(length: number): Buffer {
  if (length > MAX_POOLED) return randomBytes(length);
  if (taken + length > pool.length) {
    pool = randomBytes(POOL_BYTES);
    taken = 0;
  }
  const bytes = Buffer.from(pool.subarray(taken, taken + length));
  pool.fill(0, taken, taken + length);
  taken += length;
  return bytes;
}

export const cryptoRandom: RandomSource = {
  bytes: (length) => pooledRandomBytes(length),
  int: (maxExclusive) => randomInt(maxExclusive),
};
