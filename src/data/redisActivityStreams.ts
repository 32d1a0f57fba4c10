import Redis from 'ioredis';
import { closeRedis } from './redisClients';
import {
  STREAM_MAX_ACTIVITIES,
  STREAM_MAX_BYTES,
  STREAM_TTL_MS,
  type ActivityStreams,
  type StreamedActivity,
  type StreamedConversation,
  type StreamRead,
} from '../channels/activityStreams';

/**
 * Appends one activity: the next watermark, the activity at that score, its id in the index, the
 * oldest dropped beyond the count or the bytes (the newest always stays), every key's expiry
 * renewed, and a notice to every instance.
 * KEYS: meta, log, index, seq, bytes. ARGV: json, id, ttl, max, channel, replace (1/0), max bytes.
 * Returns the new watermark, -1 when the conversation is gone, 0 when a replaced id is not there.
 */
const APPEND = `
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
if ARGV[6] == '1' then
  local previous = redis.call('HGET', KEYS[3], ARGV[2])
  if not previous then return 0 end
  for _, member in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], previous, previous)) do
    redis.call('DECRBY', KEYS[5], string.len(member))
  end
  redis.call('ZREMRANGEBYSCORE', KEYS[2], previous, previous)
end
local watermark = redis.call('INCR', KEYS[4])
redis.call('ZADD', KEYS[2], watermark, ARGV[1])
redis.call('HSET', KEYS[3], ARGV[2], watermark)
local bytes = redis.call('INCRBY', KEYS[5], string.len(ARGV[1]))
local count = redis.call('ZCARD', KEYS[2])
while count > 1 and (count > tonumber(ARGV[4]) or bytes > tonumber(ARGV[7])) do
  local oldest = redis.call('ZRANGE', KEYS[2], 0, 0)[1]
  redis.call('HDEL', KEYS[3], cjson.decode(oldest).id)
  redis.call('ZREMRANGEBYRANK', KEYS[2], 0, 0)
  bytes = redis.call('DECRBY', KEYS[5], string.len(oldest))
  count = count - 1
end
for i = 1, 5 do redis.call('PEXPIRE', KEYS[i], ARGV[3]) end
redis.call('PUBLISH', ARGV[5], watermark)
return watermark`;

/** Streams in Redis: every instance reads and appends the same streams and hears of each change. */
export class RedisActivityStreams implements ActivityStreams {
  private readonly listeners = new Map<string, Set<() => void>>();

  private constructor(
    private readonly redis: Redis,
    private readonly subscriber: Redis,
    private readonly prefix: string,
  ) {
    subscriber.on('message', (channel: string) => {
      for (const listener of this.listeners.get(channel) ?? []) listener();
    });
  }

  static async connect(url: string, prefix = 'eimza:'): Promise<RedisActivityStreams> {
    const options = { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: true, connectTimeout: 5_000 };
    const redis = new Redis(url, options);
    // The subscriber re-subscribes by itself after a reconnect, so it keeps an offline queue.
    const subscriber = new Redis(url, { ...options, enableOfflineQueue: true, maxRetriesPerRequest: null });
    redis.on('error', () => undefined);
    subscriber.on('error', () => undefined);
    try {
      await Promise.all([redis.connect(), subscriber.connect()]);
    } catch (error) {
      // Either may have connected, and ioredis would go on retrying the other: neither may outlive a failed start.
      redis.disconnect();
      subscriber.disconnect();
      throw error;
    }
    return new RedisActivityStreams(redis, subscriber, prefix);
  }

  async create(conversationId: string, conversation: StreamedConversation): Promise<boolean> {
    const created = await this.redis.set(this.key(conversationId, 'meta'), JSON.stringify(conversation), 'PX', STREAM_TTL_MS, 'NX');
    return created === 'OK';
  }

  async conversation(conversationId: string): Promise<StreamedConversation | undefined> {
    const json = await this.redis.get(this.key(conversationId, 'meta'));
    return json === null ? undefined : (JSON.parse(json) as StreamedConversation);
  }

  async append(conversationId: string, activity: StreamedActivity): Promise<number> {
    const watermark = await this.write(conversationId, activity, false);
    if (watermark < 0) throw new Error('no such conversation stream');
    return watermark;
  }

  async replace(conversationId: string, activity: StreamedActivity): Promise<boolean> {
    return (await this.write(conversationId, activity, true)) > 0;
  }

  async read(conversationId: string, watermark: number): Promise<StreamRead> {
    const results = await this.redis
      .multi()
      .zrangebyscore(this.key(conversationId, 'log'), `(${watermark}`, '+inf')
      .get(this.key(conversationId, 'seq'))
      .exec();
    const [[, members], [, last]] = results as [[unknown, string[]], [unknown, string | null]];
    return { activities: members.map((json) => JSON.parse(json) as StreamedActivity), watermark: Math.max(watermark, Number(last ?? 0)) };
  }

  async subscribe(conversationId: string, listener: () => void): Promise<() => Promise<void>> {
    const channel = this.channel(conversationId);
    let listeners = this.listeners.get(channel);
    if (!listeners) {
      listeners = new Set();
      this.listeners.set(channel, listeners);
      await this.subscriber.subscribe(channel);
    }
    listeners.add(listener);
    return async () => {
      listeners.delete(listener);
      if (listeners.size > 0 || this.listeners.get(channel) !== listeners) return;
      this.listeners.delete(channel);
      await this.subscriber.unsubscribe(channel).catch(() => undefined);
    };
  }

  async close(): Promise<void> {
    this.listeners.clear();
    this.subscriber.disconnect();
    await closeRedis(this.redis);
  }

  private async write(conversationId: string, activity: StreamedActivity, replace: boolean): Promise<number> {
    const keys = (['meta', 'log', 'index', 'seq', 'bytes'] as const).map((part) => this.key(conversationId, part));
    const result = await this.redis.eval(
      APPEND,
      keys.length,
      ...keys,
      JSON.stringify(activity),
      activity.id,
      STREAM_TTL_MS,
      STREAM_MAX_ACTIVITIES,
      this.channel(conversationId),
      replace ? '1' : '0',
      STREAM_MAX_BYTES,
    );
    return Number(result);
  }

  /** A conversation's keys share a hash tag, so a cluster keeps them on one node for the script. */
  private key(conversationId: string, part: 'meta' | 'log' | 'index' | 'seq' | 'bytes'): string {
    return `${this.prefix}dl:{${conversationId}}:${part}`;
  }

  private channel(conversationId: string): string {
    return `${this.prefix}dl:changed:${conversationId}`;
  }
}
