import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { Client } from 'pg';
import { round } from './stats';

export const BENCH_DATABASE_URL = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
export const BENCH_REDIS_URL = process.env['BENCH_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** A fresh database for one run, created from the `test` database's server; `drop` removes it. */
export async function createBenchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `eimza_bench_${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: BENCH_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(BENCH_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new Client({ connectionString: BENCH_DATABASE_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * A Redis database index of its own (the assistant's key prefix is fixed): the first of 15…8 that
 * holds no key. Emptied again by `clear`, so tests using index 0 are never touched.
 */
export async function claimRedisDatabase(): Promise<{ url: string; redis: Redis; clear(): Promise<void> }> {
  for (let index = 15; index >= 8; index -= 1) {
    const url = new URL(BENCH_REDIS_URL);
    url.pathname = `/${index}`;
    const redis = new Redis(url.toString(), { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    if ((await redis.dbsize()) === 0) {
      return {
        url: url.toString(),
        redis,
        async clear() {
          await redis.flushdb();
          await redis.quit();
        },
      };
    }
    await redis.quit();
  }
  throw new Error('no empty Redis database index between 8 and 15');
}

/**
 * A key without what identifies one conversation, session or check: "human-check:<id>:answers" →
 * "human-check:*:answers", "rate:messages:conversation:emulator:bench-…" → "rate:messages:conversation".
 */
export function kindOf(key: string): string {
  const kept: string[] = [];
  for (const part of key.replace(/^eimza:/, '').split(':')) {
    if (part === 'emulator' || part.startsWith('emulator/') || part.startsWith('bench-')) break;
    // Random ids are long base64url with capitals or digits; the names in keys are lower-case words.
    const id = (/^[A-Za-z0-9_-]{12,}$/.test(part) && /[A-Z0-9_]/.test(part)) || /^a-\d+$/.test(part);
    if (id) {
      if (kept.at(-1) !== '*') kept.push('*');
    } else kept.push(part);
  }
  return kept.join(':').replace(/:\*$/, '');
}

export type StateBytes = {
  conversations: number;
  /** Keys that were there before the measured workload began (the opening steps'), not counted. */
  keysLeftOut: number;
  /** Every key the run left, by kind (the part of the key before its id). */
  byKind: { kind: string; keys: number; valueBytes: number; memoryBytes: number }[];
  /** The serialized dialog state (bot state) of one conversation. */
  dialogState: { mean: number; max: number; memoryUsageMean: number };
  /** Every short-lived key the run left, divided by the conversations that made them. */
  perConversation: { valueBytes: number; memoryBytes: number };
};

/** Every key now in the bench's Redis index. */
export async function redisKeyNames(redis: Redis): Promise<Set<string>> {
  const names = new Set<string>();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'COUNT', 1000);
    cursor = next;
    for (const key of keys) names.add(key);
  } while (cursor !== '0');
  return names;
}

/**
 * Bytes stored in Redis, read with STRLEN and MEMORY USAGE over every key of the bench's index but
 * those in `leaveOut` (keys another workload left; every conversation's keys have names of their
 * own), per conversation: per dialog-state key.
 */
export async function measureStoredState(redis: Redis, leaveOut: ReadonlySet<string> = new Set()): Promise<StateBytes> {
  const kinds = new Map<string, { keys: number; valueBytes: number; memoryBytes: number }>();
  const dialog: { value: number; memory: number }[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'COUNT', 1000);
    cursor = next;
    for (const key of keys) {
      if (leaveOut.has(key)) continue;
      const valueBytes = await redis.strlen(key).catch(() => 0);
      const memoryBytes = Number((await redis.memory('USAGE', key)) ?? 0);
      const kind = kindOf(key);
      const entry = kinds.get(kind) ?? { keys: 0, valueBytes: 0, memoryBytes: 0 };
      entry.keys += 1;
      entry.valueBytes += valueBytes;
      entry.memoryBytes += memoryBytes;
      kinds.set(kind, entry);
      if (kind === 'dialog-state') dialog.push({ value: valueBytes, memory: memoryBytes });
    }
  } while (cursor !== '0');
  const total = [...kinds.values()].reduce((sum, entry) => ({ v: sum.v + entry.valueBytes, m: sum.m + entry.memoryBytes }), { v: 0, m: 0 });
  // Every conversation has exactly one dialog-state key.
  const conversations = dialog.length;
  const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);
  return {
    conversations,
    keysLeftOut: leaveOut.size,
    byKind: [...kinds].map(([kind, entry]) => ({ kind, ...entry })).sort((a, b) => b.memoryBytes - a.memoryBytes),
    dialogState: {
      mean: Math.round(mean(dialog.map((entry) => entry.value))),
      max: Math.max(0, ...dialog.map((entry) => entry.value)),
      memoryUsageMean: Math.round(mean(dialog.map((entry) => entry.memory))),
    },
    perConversation: {
      valueBytes: round(total.v / Math.max(1, conversations), 0),
      memoryBytes: round(total.m / Math.max(1, conversations), 0),
    },
  };
}
