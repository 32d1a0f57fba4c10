import { randomBytes } from 'node:crypto';
import { MemoryStore } from '../../src/data/memoryStore';
import { RedisStore } from '../../src/data/redisStore';
import type { KeyValueStore } from '../../src/lib/keyValueStore';
import { describeWithRedis, TEST_REDIS_URL } from '../support/services';

/** The rules every short-lived store keeps, whether in the process or in Redis. */
function contract(open: () => Promise<KeyValueStore>, wait: (ms: number) => Promise<void>) {
  let store: KeyValueStore;
  beforeEach(async () => {
    store = await open();
  });
  afterEach(() => store.close());

  test('when a value is set, then it reads back as it was until it expires', async () => {
    await store.set('a', { word: 'ç', n: 1 }, 200);
    expect(await store.get('a')).toEqual({ word: 'ç', n: 1 });
    await wait(250);
    expect(await store.get('a')).toBeUndefined();
    expect(await store.ttl('a')).toBeUndefined();
  });

  test('when setIfAbsent meets an existing key, then it leaves it alone', async () => {
    expect(await store.setIfAbsent('once', 1, 10_000)).toBe(true);
    expect(await store.setIfAbsent('once', 2, 10_000)).toBe(false);
    expect(await store.get('once')).toBe(1);
  });

  test('when a counter is incremented, then it counts from one and keeps its first expiry', async () => {
    expect(await store.increment('count', 10_000)).toBe(1);
    expect(await store.increment('count', 10_000)).toBe(2);
    const ttl = await store.ttl('count');
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(10_000);
  });

  test('when 50 increments race, then every one is counted', async () => {
    const counts = await Promise.all(Array.from({ length: 50 }, () => store.increment('race', 10_000)));
    expect(new Set(counts).size).toBe(50);
    expect(Math.max(...counts)).toBe(50);
  });

  test('when a lock is released by someone who does not hold it, then it stays', async () => {
    await store.set('lock', 'owner-token', 10_000);
    expect(await store.deleteIfEquals('lock', 'other-token')).toBe(false);
    expect(await store.get('lock')).toBe('owner-token');
    expect(await store.deleteIfEquals('lock', 'owner-token')).toBe(true);
    expect(await store.get('lock')).toBeUndefined();
  });

  test('when two writers hold the same eTag, then only the first write wins', async () => {
    expect(await store.setIfETag('state', { eTag: 'v1', n: 1 }, 'none', 10_000)).toBe(true);
    expect(await store.setIfETag('state', { eTag: 'v2', n: 2 }, 'v1', 10_000)).toBe(true);
    expect(await store.setIfETag('state', { eTag: 'v3', n: 3 }, 'v1', 10_000)).toBe(false);
    expect(await store.get('state')).toEqual({ eTag: 'v2', n: 2 });
  });

  test('when a key is deleted, then it is gone', async () => {
    await store.set('gone', 'x', 10_000);
    await store.delete('gone');
    expect(await store.get('gone')).toBeUndefined();
  });
}

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

describe('the in-process store', () => {
  contract(async () => new MemoryStore({ now: () => new Date() }), sleep);
});

describeWithRedis()('the Redis store', () => {
  contract(() => RedisStore.connect(TEST_REDIS_URL, `test:${randomBytes(6).toString('hex')}:`), sleep);
});
