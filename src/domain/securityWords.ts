import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { hash, verify } from '@node-rs/argon2';
import { forgotWordAnswerOf } from '../language/forgotWord';
import { normalize } from '../language/normalize';
import { ConcurrencyLimit } from '../lib/concurrencyLimit';

export const SECURITY_WORD_MIN_LENGTH = 8;
export const SECURITY_WORD_MAX_LENGTH = 64;

export type PolicyRule = 'too-short' | 'too-long' | 'contains-id' | 'common' | 'same-as-current' | 'mismatch';

/** argon2id with OWASP's first recommended setting: 19 MiB, 2 passes, 1 lane. */
const ARGON2ID = 2; // Algorithm.Argon2id, a const enum that isolated modules cannot read
const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export interface SecurityWordHasher {
  hash(word: string): Promise<string>;
  verify(storedHash: string, word: string): Promise<boolean>;
}

/**
 * argon2 runs on libuv's thread pool (4 threads) and each hash keeps a core busy for tens of
 * milliseconds. Unbounded, a burst of logins takes every core and every other conversation's turn
 * waits for the event loop to get one back; so hashes run at most one per core beyond the event
 * loop's (one at a time on 2 cores), and the rest queue. Known and unknown IDs queue alike.
 */
const argon2Slots = new ConcurrencyLimit(Math.max(1, Math.min(4, availableParallelism() - 1)));

export const argon2Hasher: SecurityWordHasher = {
  hash: (word) => argon2Slots.run(() => hash(word, ARGON2_OPTIONS)),
  verify: (storedHash, word) => argon2Slots.run(() => verify(storedHash, word)).catch(() => false),
};

const commonWords = new Set(
  readFileSync(join(__dirname, 'commonWords.txt'), 'utf8')
    .split('\n')
    .map((line) => comparable(line))
    .filter((line) => line.length > 0),
);

/** Case, Turkish letters and punctuation don't make a common word uncommon. */
function comparable(word: string): string {
  return normalize(word).replace(/\s/g, '');
}

/**
 * The rules a new security word must pass (SPEC §1.4), in the order a citizen would fix them.
 * Returns every rule that failed; the current word is checked separately since it needs the hash.
 */
export function securityWordPolicyFailures(word: string, repeat: string, nationalId: string): PolicyRule[] {
  const failures: PolicyRule[] = [];
  const length = [...word].length;
  if (length < SECURITY_WORD_MIN_LENGTH) failures.push('too-short');
  if (length > SECURITY_WORD_MAX_LENGTH) failures.push('too-long');
  if (length <= SECURITY_WORD_MAX_LENGTH) {
    if (word.toUpperCase().includes(nationalId.toUpperCase())) failures.push('contains-id');
    // "bilmiyorum" at the login is read as "I forgot", never checked as a word: it cannot be one.
    if (isCommonWord(word) || forgotWordAnswerOf(word)) failures.push('common');
  }
  if (word !== repeat) failures.push('mismatch');
  return failures;
}

/** A word from the shipped list, also when only digits or symbols were added at its end ("galatasaray1905!"). */
export function isCommonWord(word: string): boolean {
  const plain = comparable(word);
  if (commonWords.has(plain)) return true;
  const stem = plain.replace(/[\d\W_]+$/u, '');
  return stem.length >= 4 && (commonWords.has(stem) || commonWordStems.has(stem));
}

/** Words of the list with their trailing digits removed, so "fenerbahce" is caught as "fenerbahce2024". */
const commonWordStems = new Set([...commonWords].map((word) => word.replace(/[\d\W_]+$/u, '')).filter((stem) => stem.length >= 6));
