import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { MemoryActivityStreams } from '../../src/data/memoryActivityStreams';
import { RedisActivityStreams } from '../../src/data/redisActivityStreams';
import { STREAM_MAX_BYTES, type ActivityStreams } from '../../src/channels/activityStreams';
import { DirectLineClient } from '../support/directLineClient';
import { FakeClock } from '../support/fakeClock';
import { describeWithRedis, TEST_REDIS_URL } from '../support/services';
import { startTestApp, type TestApp } from '../support/testApp';

const REFUSED_TEXT_LENGTH = 30_000;
const TOO_LONG = 'Mesajınız çok uzun';

/**
 * The web chat's stream kept the page's echo of every message for an hour, refused ones too: 1,100
 * posts of 32 KB texts (each refused as too long) left 69 MB behind. A refused text's echo now
 * keeps only its beginning, and each stream is bounded in bytes as well as in count.
 */
describe('when a web chat conversation posts texts far over the length limit', () => {
  let running: TestApp;

  beforeAll(async () => {
    running = await startTestApp();
  });
  afterAll(() => running.close());

  test('then each is refused, and the stream keeps a few hundred bytes of each, not its body', async () => {
    const client = new DirectLineClient(running.baseUrl);
    await client.join();
    for (let post = 0; post < 20; post++) {
      expect(await client.sayText(`${post}:${'a'.repeat(REFUSED_TEXT_LENGTH)}`)).toContain(TOO_LONG);
    }
    const stream = await client.request('GET', `/conversations/${client.conversationId}/activities`);
    const content = await stream.text();
    // Before: 20 echoes of 30,000 characters, about 600 KB.
    expect(Buffer.byteLength(content)).toBeLessThan(20 * 1024);
    const { activities } = JSON.parse(content) as { activities: { text?: string; from?: { role?: string } }[] };
    const echoes = activities.filter((activity) => activity.from?.role === 'user');
    expect(echoes).toHaveLength(20);
    // The page still shows the message as sent, shortened.
    for (const echo of echoes) expect(echo.text).toMatch(/^\d+:a+…$/);
  });
});

/** Appends `count` activities of about `size` bytes each; the id of the last. */
async function flood(streams: ActivityStreams, conversationId: string, count: number, size: number): Promise<string> {
  let id = '';
  for (let index = 0; index < count; index++) {
    id = `a${index}`;
    await streams.append(conversationId, { id, type: 'message', text: 'x'.repeat(size) });
  }
  return id;
}

/** Both implementations: appended and replaced activities never keep more than STREAM_MAX_BYTES. */
function boundedStreams(
  open: () => Promise<{ streams: ActivityStreams; storedBytes(conversationId: string): Promise<number>; close(): Promise<void> }>,
) {
  let subject: Awaited<ReturnType<typeof open>>;
  beforeAll(async () => {
    subject = await open();
  });
  afterAll(() => subject.close());

  test('when 300 activities of 10 KB are appended (3 MB), then the stream keeps at most its byte bound, the newest included', async () => {
    const conversationId = `flood-${randomBytes(6).toString('hex')}`;
    await subject.streams.create(conversationId, { userId: 'dl_x' });
    const last = await flood(subject.streams, conversationId, 300, 10 * 1024);
    expect(await subject.storedBytes(conversationId)).toBeLessThanOrEqual(STREAM_MAX_BYTES);
    const { activities, watermark } = await subject.streams.read(conversationId, 0);
    expect(activities.at(-1)!.id).toBe(last);
    expect(watermark).toBe(300);
    expect(activities.length).toBeGreaterThan(10);
  });

  test('when 100 more 10 KB activities follow and one is replaced, then the stream still keeps at most its byte bound, the replacement last', async () => {
    const conversationId = `replace-${randomBytes(6).toString('hex')}`;
    await subject.streams.create(conversationId, { userId: 'dl_x' });
    await flood(subject.streams, conversationId, 20, 10 * 1024);
    for (let round = 0; round < 100; round++) {
      await subject.streams.append(conversationId, { id: `n${round}`, type: 'message', text: 'y'.repeat(10 * 1024) });
    }
    expect(await subject.storedBytes(conversationId)).toBeLessThanOrEqual(STREAM_MAX_BYTES);
    expect(await subject.streams.replace(conversationId, { id: 'n99', type: 'message', text: 'z' })).toBe(true);
    const { activities } = await subject.streams.read(conversationId, 0);
    expect(activities.at(-1)).toMatchObject({ id: 'n99', text: 'z' });
    expect(await subject.storedBytes(conversationId)).toBeLessThanOrEqual(STREAM_MAX_BYTES);
  });

  test('when a single activity is larger than the bound, then it is still kept (the newest always is)', async () => {
    const conversationId = `huge-${randomBytes(6).toString('hex')}`;
    await subject.streams.create(conversationId, { userId: 'dl_x' });
    await subject.streams.append(conversationId, { id: 'huge', type: 'message', text: 'h'.repeat(STREAM_MAX_BYTES + 10) });
    expect((await subject.streams.read(conversationId, 0)).activities.map((activity) => activity.id)).toEqual(['huge']);
  });
}

describe('the in-process streams, bounded in bytes', () => {
  boundedStreams(async () => {
    const streams = new MemoryActivityStreams(new FakeClock());
    return {
      streams,
      // What the stream holds: the JSON of every activity it keeps.
      storedBytes: async (conversationId) => Buffer.byteLength(JSON.stringify((await streams.read(conversationId, 0)).activities)),
      close: () => streams.close(),
    };
  });
});

describeWithRedis()('the Redis streams, bounded in bytes', () => {
  boundedStreams(async () => {
    const prefix = `test-${randomBytes(6).toString('hex')}:`;
    const streams = await RedisActivityStreams.connect(TEST_REDIS_URL, prefix);
    const redis = new Redis(TEST_REDIS_URL);
    return {
      streams,
      // What Redis holds in the stream's log: the bytes of its members, and the memory Redis reports for the key.
      storedBytes: async (conversationId) => {
        const key = `${prefix}dl:{${conversationId}}:log`;
        const members = await redis.zrange(key, '0', '-1');
        const memory = Number(await redis.call('MEMORY', 'USAGE', key));
        // Redis's own bookkeeping on top of the members is small; a stream over the bound shows here too.
        expect(memory).toBeLessThanOrEqual(STREAM_MAX_BYTES * 1.25);
        return members.reduce<number>((total, member) => total + Buffer.byteLength(member), 0);
      },
      close: async () => {
        const keys = await redis.keys(`${prefix}*`);
        if (keys.length > 0) await redis.del(...keys);
        redis.disconnect();
        await streams.close();
      },
    };
  });
});
