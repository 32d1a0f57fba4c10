import Redis from 'ioredis';
import { closeRedis } from './redisClients';
import type { ETagged, KeyValueStore } from '../lib/keyValueStore';

/** Adds one and sets the expiry only when the counter is new, in one step. */
const INCREMENT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return count`;

const DELETE_IF_EQUALS = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

const SET_IF_ETAG = `
local current = redis.call('GET', KEYS[1])
if current and cjson.decode(current).eTag ~= ARGV[2] then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3])
return 1`;

/** The scripts above as commands: sent by their SHA (EVALSHA), the text only when Redis lacks it. */
type Scripts = {
  eimzaIncrement(key: string, ttlMs: number): Promise<unknown>;
  eimzaDeleteIfEquals(key: string, value: string): Promise<unknown>;
  eimzaSetIfETag(key: string, value: string, expected: string, ttlMs: number): Promise<unknown>;
};

/** Short-lived state in Redis, shared by every instance; expiry is Redis's own. */
export class RedisStore implements KeyValueStore {
  private readonly redis: Redis & Scripts;

  private constructor(
    redis: Redis,
    private readonly prefix: string,
  ) {
    redis.defineCommand('eimzaIncrement', { numberOfKeys: 1, lua: INCREMENT });
    redis.defineCommand('eimzaDeleteIfEquals', { numberOfKeys: 1, lua: DELETE_IF_EQUALS });
    redis.defineCommand('eimzaSetIfETag', { numberOfKeys: 1, lua: SET_IF_ETAG });
    this.redis = redis as Redis & Scripts;
  }

  /** Connects and waits until Redis answers, so the first turn does not meet a closed connection. */
  static async connect(url: string, prefix = 'eimza:'): Promise<RedisStore> {
    // While Redis is away, commands fail at once (no offline queue): a turn gets a clear error, /readyz a 503.
    const redis = new Redis(url, {
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      lazyConnect: true,
      connectTimeout: 5_000,
      enableAutoPipelining: true,
    });
    redis.on('error', () => undefined);
    try {
      await redis.connect();
    } catch (error) {
      // ioredis would go on retrying: a failed start must not leave it behind.
      redis.disconnect();
      throw error;
    }
    return new RedisStore(redis, prefix);
  }

  async get<T>(key: string): Promise<T | undefined> {
    const json = await this.redis.get(this.prefix + key);
    return json === null ? undefined : (JSON.parse(json) as T);
  }

  async set(key: string, value: unknown, ttlMs: number): Promise<void> {
    await this.redis.set(this.prefix + key, JSON.stringify(value), 'PX', Math.max(1, Math.ceil(ttlMs)));
  }

  async setIfAbsent(key: string, value: unknown, ttlMs: number): Promise<boolean> {
    const result = await this.redis.set(this.prefix + key, JSON.stringify(value), 'PX', Math.max(1, Math.ceil(ttlMs)), 'NX');
    return result === 'OK';
  }

  async delete(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }

  async deleteIfEquals(key: string, value: unknown): Promise<boolean> {
    return Number(await this.redis.eimzaDeleteIfEquals(this.prefix + key, JSON.stringify(value))) === 1;
  }

  async setIfETag(key: string, value: ETagged, expected: string, ttlMs: number): Promise<boolean> {
    const written = await this.redis.eimzaSetIfETag(this.prefix + key, JSON.stringify(value), expected, Math.max(1, Math.ceil(ttlMs)));
    return Number(written) === 1;
  }

  async increment(key: string, ttlMs: number): Promise<number> {
    return Number(await this.redis.eimzaIncrement(this.prefix + key, Math.max(1, Math.ceil(ttlMs))));
  }

  async ttl(key: string): Promise<number | undefined> {
    const ms = await this.redis.pttl(this.prefix + key);
    if (ms === -2) return undefined;
    return ms === -1 ? Number.POSITIVE_INFINITY : ms;
  }

  async close(): Promise<void> {
    await closeRedis(this.redis);
  }
}
