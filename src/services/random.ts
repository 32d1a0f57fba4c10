import { randomBytes, randomInt } from 'node:crypto';

/** The source of every random value the rules use; tests inject a predictable one. */
export interface RandomSource {
  bytes(length: number): Buffer;
  /** A uniformly distributed integer in [0, maxExclusive). */
  int(maxExclusive: number): number;
}

export const cryptoRandom: RandomSource = {
  bytes: (length) => randomBytes(length),
  int: (maxExclusive) => randomInt(maxExclusive),
};
