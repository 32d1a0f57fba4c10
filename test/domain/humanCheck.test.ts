import { inflateSync } from 'node:zlib';
import { MemoryStore } from '../../src/data/memoryStore';
import { CAPTCHA_ALPHABET } from '../../src/lib/captchaImage';
import { HumanCheckService, type Challenge } from '../../src/domain/humanCheck';
import type { ETagged, KeyValueStore } from '../../src/lib/keyValueStore';
import type { RandomSource } from '../../src/lib/random';
import { FAILED_CHECK_PAUSE_MS, RateLimits } from '../../src/domain/rateLimits';
import { FakeClock } from '../support/fakeClock';
import { wordsToDigits } from '../support/solveChallenge';
import { secretKey } from '../../src/lib/secrets';

const KEY = secretKey(Buffer.alloc(32, 9));

/**
 * A RandomSource whose next `int` results the test chooses; after the script runs out it falls back
 * to a fixed pseudo-random sequence (mulberry32), so the rest of a render is still deterministic.
 */
class ScriptedRandom implements RandomSource {
  private readonly script: number[] = [];
  private state = 12345;

  next(...values: number[]): this {
    this.script.push(...values);
    return this;
  }

  int(maxExclusive: number): number {
    const scripted = this.script.shift();
    if (scripted !== undefined) {
      if (scripted >= maxExclusive) throw new Error(`scripted ${scripted} is not below ${maxExclusive}`);
      return scripted;
    }
    return Math.floor(this.float() * maxExclusive);
  }

  bytes(length: number): Buffer {
    const out = Buffer.alloc(length);
    for (let i = 0; i < length; i += 1) out[i] = Math.floor(this.float() * 256);
    return out;
  }

  private float(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}

/** A store that remembers every value written to it, to check what the service keeps. */
class RecordingStore implements KeyValueStore {
  readonly written: string[] = [];
  constructor(private readonly inner: KeyValueStore) {}
  get<T>(key: string) {
    return this.inner.get<T>(key);
  }
  set(key: string, value: unknown, ttlMs: number) {
    this.written.push(`${key}=${JSON.stringify(value)}`);
    return this.inner.set(key, value, ttlMs);
  }
  setIfAbsent(key: string, value: unknown, ttlMs: number) {
    this.written.push(`${key}=${JSON.stringify(value)}`);
    return this.inner.setIfAbsent(key, value, ttlMs);
  }
  delete(key: string) {
    return this.inner.delete(key);
  }
  deleteIfEquals(key: string, value: unknown) {
    return this.inner.deleteIfEquals(key, value);
  }
  setIfETag(key: string, value: ETagged, expected: string, ttlMs: number) {
    this.written.push(`${key}=${JSON.stringify(value)}`);
    return this.inner.setIfETag(key, value, expected, ttlMs);
  }
  increment(key: string, ttlMs: number) {
    return this.inner.increment(key, ttlMs);
  }
  ttl(key: string) {
    return this.inner.ttl(key);
  }
  close() {
    return this.inner.close();
  }
}

/** The `int` values that make captchaText draw `text`. */
function indexesOf(text: string): number[] {
  return [...text].map((char) => {
    const index = CAPTCHA_ALPHABET.indexOf(char);
    if (index < 0) throw new Error(`${char} is not in the CAPTCHA alphabet`);
    return index;
  });
}

function textOf(challenge: Challenge): string {
  if (challenge.kind !== 'text') throw new Error('expected a text challenge');
  return challenge.words;
}

function pngOf(challenge: Challenge): Buffer {
  if (challenge.kind !== 'image') throw new Error('expected an image challenge');
  return challenge.png;
}

describe('HumanCheckService', () => {
  let clock: FakeClock;
  let store: RecordingStore;
  let random: ScriptedRandom;
  let service: HumanCheckService;

  beforeEach(() => {
    clock = new FakeClock();
    store = new RecordingStore(new MemoryStore(clock));
    random = new ScriptedRandom();
    service = new HumanCheckService(store, random, KEY, secretKey(Buffer.alloc(32, 7)));
  });
  afterEach(() => store.close());

  test("when a text challenge is made, then it is a number from 100 to 9999 in words of the conversation's language", async () => {
    random.next(3312);
    const tr = await service.create('text', 'tr');
    expect(textOf(tr)).toBe('üç bin dört yüz on iki');
    random.next(3312);
    expect(textOf(await service.create('text', 'en'))).toBe('three thousand four hundred twelve');
    random.next(0);
    expect(wordsToDigits(textOf(await service.create('text', 'tr')))).toBe('100');
    random.next(9899);
    expect(wordsToDigits(textOf(await service.create('text', 'tr')))).toBe('9999');
  });

  test('when a text challenge is answered right, then it passes once and a second answer finds it expired', async () => {
    const challenge = await service.create('text', 'tr');
    const answer = wordsToDigits(textOf(challenge));
    expect(await service.answer(challenge.id, answer)).toEqual({ result: 'passed' });
    expect(await service.answer(challenge.id, answer)).toEqual({ result: 'expired' });
  });

  test.each([
    ['with a space', '3 412'],
    ['with a dot', '3.412'],
    ['with surrounding spaces', '  3412 '],
    ['with a final full stop', '3412.'],
    ['in words', 'üç bin dört yüz on iki'],
  ])('when the text answer is typed %s (%j), then it is accepted', async (_name, typed) => {
    random.next(3312);
    const challenge = await service.create('text', 'tr');
    expect(await service.answer(challenge.id, typed)).toEqual({ result: 'passed' });
  });

  test('when three wrong answers are given, then the challenge has failed and the right answer no longer passes', async () => {
    random.next(3312);
    const challenge = await service.create('text', 'tr');
    expect(await service.answer(challenge.id, '3413')).toEqual({ result: 'wrong', answersLeft: 2 });
    expect(await service.answer(challenge.id, 'merhaba')).toEqual({ result: 'wrong', answersLeft: 1 });
    expect(await service.answer(challenge.id, '1234')).toEqual({ result: 'failed' });
    expect(await service.answer(challenge.id, '3412')).toEqual({ result: 'expired' });
  });

  test('when two wrong answers are followed by the right one, then it passes', async () => {
    random.next(3312);
    const challenge = await service.create('text', 'tr');
    await service.answer(challenge.id, '1');
    await service.answer(challenge.id, '2');
    expect(await service.answer(challenge.id, '3412')).toEqual({ result: 'passed' });
  });

  test('when 120 s pass, then the right answer finds the challenge expired', async () => {
    random.next(3312);
    const challenge = await service.create('text', 'tr');
    clock.advance(120_000);
    expect(await service.answer(challenge.id, '3412')).toEqual({ result: 'expired' });
  });

  test('when 119 s pass, then the right answer still passes', async () => {
    random.next(3312);
    const challenge = await service.create('text', 'tr');
    clock.advance(119_000);
    expect(await service.answer(challenge.id, '3412')).toEqual({ result: 'passed' });
  });

  test('when a wrong answer is given late, then it does not extend the 120 s', async () => {
    random.next(3312);
    const challenge = await service.create('text', 'tr');
    clock.advance(100_000);
    expect(await service.answer(challenge.id, '1')).toEqual({ result: 'wrong', answersLeft: 2 });
    clock.advance(20_000);
    expect(await service.answer(challenge.id, '3412')).toEqual({ result: 'expired' });
  });

  test('when the right answer arrives twice at the same time (two parallel turns), then it passes only once', async () => {
    random.next(3312);
    const challenge = await service.create('text', 'tr');
    const outcomes = await Promise.all([service.answer(challenge.id, '3412'), service.answer(challenge.id, '3412')]);
    expect(outcomes.filter((outcome) => outcome.result === 'passed')).toHaveLength(1);
  });

  test('when many answers arrive at the same time, then still only 3 are checked: a right 6th guess does not pass', async () => {
    random.next(3312);
    const challenge = await service.create('text', 'tr');
    const guesses = ['1000', '1001', '1002', '1003', '1004', '3412'];
    const outcomes = await Promise.all(guesses.map((guess) => service.answer(challenge.id, guess)));
    expect(outcomes.map((outcome) => outcome.result)).not.toContain('passed');
    expect(outcomes.filter((outcome) => outcome.result === 'wrong' || outcome.result === 'failed').length).toBeLessThanOrEqual(3);
  });

  test('when the challenge id is unknown or junk, then the answer is "expired", never a crash', async () => {
    for (const id of ['', 'nope', 'x'.repeat(10_000), '../../etc', '\u0000']) {
      expect(await service.answer(id, '3412')).toEqual({ result: 'expired' });
    }
  });

  test('when the answer is huge or binary, then it counts as wrong without a crash', async () => {
    random.next(3312);
    const challenge = await service.create('text', 'tr');
    expect(await service.answer(challenge.id, '3'.repeat(100_000))).toEqual({ result: 'wrong', answersLeft: 2 });
    expect(await service.answer(challenge.id, '\u0000\uffff😀')).toEqual({ result: 'wrong', answersLeft: 1 });
  });

  test('when a challenge is discarded, then it can no longer be answered', async () => {
    random.next(3312);
    const challenge = await service.create('text', 'tr');
    await service.discard(challenge.id);
    expect(await service.answer(challenge.id, '3412')).toEqual({ result: 'expired' });
  });

  test('when an image challenge is made, then a 200×70 PNG is returned and its text is accepted in any case and with spaces', async () => {
    random.next(...indexesOf('K7M3X'));
    const challenge = await service.create('image', 'tr');
    const png = pngOf(challenge);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.toString('latin1', 12, 16)).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBe(200);
    expect(png.readUInt32BE(20)).toBe(70);
    expect(await service.answer(challenge.id, 'k7m3x')).toEqual({ result: 'passed' });

    random.next(...indexesOf('K7M3X'));
    const again = await service.create('image', 'tr');
    expect(await service.answer(again.id, ' K7 m3X ')).toEqual({ result: 'passed' });
  });

  test('when an image challenge gets a wrong text, then it is wrong, and one character off is not enough', async () => {
    random.next(...indexesOf('ACDEF'));
    const challenge = await service.create('image', 'tr');
    expect(await service.answer(challenge.id, 'ACDEH')).toEqual({ result: 'wrong', answersLeft: 2 });
    expect(await service.answer(challenge.id, 'ACDE')).toEqual({ result: 'wrong', answersLeft: 1 });
    expect(await service.answer(challenge.id, 'acdef')).toEqual({ result: 'passed' });
  });

  test('when the PNG is decoded, then it is not a blank picture', async () => {
    random.next(...indexesOf('HJKLM'));
    const png = pngOf(await service.create('image', 'tr'));
    const idat = png.indexOf('IDAT');
    const length = png.readUInt32BE(idat - 4);
    const raw = inflateSync(png.subarray(idat + 4, idat + 4 + length));
    expect(raw.length).toBe(70 * 201);
    expect(new Set(raw).size).toBeGreaterThan(10);
  });

  test('when challenges are stored, then the store never holds the answer in plain text', async () => {
    random.next(3312);
    const text = await service.create('text', 'tr');
    await service.answer(text.id, '1');
    random.next(...indexesOf('K7M3X'));
    const image = await service.create('image', 'en');
    await service.answer(image.id, 'AAAAA');

    expect(store.written.length).toBeGreaterThanOrEqual(2);
    const everything = store.written.join('\n');
    expect(everything).not.toContain('3412');
    expect(everything).not.toContain('3 412');
    expect(everything).not.toContain('üç bin');
    expect(everything.toUpperCase()).not.toContain('K7M3X');
  });

  test('when two challenges have the same answer, then each is answered on its own', async () => {
    random.next(3312);
    const first = await service.create('text', 'tr');
    random.next(3312);
    const second = await service.create('text', 'tr');
    expect(first.id).not.toBe(second.id);
    // Each is answered on its own: passing one does not use up the other.
    expect(await service.answer(first.id, '3412')).toEqual({ result: 'passed' });
    expect(await service.answer(second.id, '3412')).toEqual({ result: 'passed' });
  });
});

/** One conversation, its failed checks also counted against its source. */
const CONV_1 = { rateSubject: 'conv-1', source: 'address:192.0.2.1' };

describe('RateLimits', () => {
  let clock: FakeClock;
  let store: MemoryStore;
  let limits: RateLimits;

  beforeEach(() => {
    clock = new FakeClock();
    store = new MemoryStore(clock);
    limits = new RateLimits(store);
  });
  afterEach(() => store.close());

  test('when 30 messages arrive in a minute, then all are allowed and the 31st is refused, told only once', async () => {
    for (let i = 0; i < 30; i += 1) expect(await limits.admitMessage('conv-1')).toEqual({ allowed: true });
    const refused = await limits.admitMessage('conv-1');
    expect(refused).toMatchObject({ allowed: false, reason: 'too-many-messages', tell: true });
    if (refused.allowed) throw new Error('unreachable');
    expect(refused.retryAfterMs).toBeGreaterThan(0);
    expect(refused.retryAfterMs).toBeLessThanOrEqual(60_000);
    for (let i = 0; i < 5; i += 1) {
      expect(await limits.admitMessage('conv-1')).toMatchObject({ allowed: false, reason: 'too-many-messages', tell: false });
    }
  });

  test('when one conversation floods, then another conversation is not affected', async () => {
    for (let i = 0; i < 40; i += 1) await limits.admitMessage('conv-flood');
    expect(await limits.admitMessage('conv-calm')).toEqual({ allowed: true });
  });

  test('when the clock moves 60 s after a flood, then messages are allowed again, and a new flood is told again', async () => {
    for (let i = 0; i < 35; i += 1) await limits.admitMessage('conv-1');
    clock.advance(59_000);
    expect(await limits.admitMessage('conv-1')).toMatchObject({ allowed: false });
    clock.advance(1_000);
    expect(await limits.admitMessage('conv-1')).toEqual({ allowed: true });
    for (let i = 0; i < 29; i += 1) await limits.admitMessage('conv-1');
    expect(await limits.admitMessage('conv-1')).toMatchObject({ allowed: false, tell: true });
  });

  test('when 9 checks fail, then nothing is paused; the 10th pauses the conversation for 15 minutes', async () => {
    for (let i = 0; i < 9; i += 1) expect(await limits.recordFailedCheck(CONV_1)).toBe('counted');
    expect(await limits.pausedFor('conv-1')).toBeUndefined();
    expect(await limits.admitMessage('conv-1')).toEqual({ allowed: true });

    expect(await limits.recordFailedCheck(CONV_1)).toBe('conversation-paused');
    expect(await limits.pausedFor('conv-1')).toBe(FAILED_CHECK_PAUSE_MS);
    expect(FAILED_CHECK_PAUSE_MS).toBe(15 * 60_000);
    const paused = await limits.admitMessage('conv-1');
    expect(paused).toMatchObject({ allowed: false, reason: 'paused', tell: true });

    clock.advance(15 * 60_000 - 1_000);
    expect(await limits.admitMessage('conv-1')).toMatchObject({ allowed: false, reason: 'paused' });
    clock.advance(1_000);
    expect(await limits.pausedFor('conv-1')).toBeUndefined();
    expect(await limits.admitMessage('conv-1')).toEqual({ allowed: true });
    expect(await limits.admitMessage('conv-other')).toEqual({ allowed: true });
  });

  test('when failed checks are spread over more than an hour, then they do not add up to a pause', async () => {
    for (let i = 0; i < 9; i += 1) await limits.recordFailedCheck(CONV_1);
    clock.advance(60 * 60_000);
    expect(await limits.recordFailedCheck(CONV_1)).toBe('counted');
    expect(await limits.pausedFor('conv-1')).toBeUndefined();
  });

  test('when a pause has ended, then it takes 10 new failures to pause again', async () => {
    for (let i = 0; i < 10; i += 1) await limits.recordFailedCheck(CONV_1);
    clock.advance(FAILED_CHECK_PAUSE_MS);
    for (let i = 0; i < 9; i += 1) expect(await limits.recordFailedCheck(CONV_1)).toBe('counted');
    expect(await limits.recordFailedCheck(CONV_1)).toBe('conversation-paused');
  });

  test('when one source fails 30 checks across 30 conversations, then the 30th pauses that source for 15 minutes, told once; other sources go on', async () => {
    const from = (index: number) => ({ rateSubject: `conv-${index}`, source: 'address:203.0.113.7' });
    for (let i = 1; i < 30; i += 1) expect(await limits.recordFailedCheck(from(i))).toBe('counted');
    expect(await limits.sourcePause('address:203.0.113.7', 'conv-30')).toBeUndefined();
    expect(await limits.recordFailedCheck(from(30))).toBe('source-paused');
    expect(await limits.sourcePause('address:203.0.113.7', 'conv-30')).toEqual({ retryAfterMs: FAILED_CHECK_PAUSE_MS, tell: true });
    expect(await limits.sourcePause('address:203.0.113.7', 'conv-30')).toMatchObject({ tell: false });
    // Another conversation on the paused source (a reload, a colleague) is told too, once.
    expect(await limits.sourcePause('address:203.0.113.7', 'conv-32')).toMatchObject({ tell: true });
    expect(await limits.sourcePause('address:198.51.100.20', 'conv-33')).toBeUndefined();
    // Each conversation on its own is far from its own limit.
    expect(await limits.admitMessage('conv-31')).toEqual({ allowed: true });
    clock.advance(FAILED_CHECK_PAUSE_MS);
    expect(await limits.sourcePause('address:203.0.113.7', 'conv-30')).toBeUndefined();
  });

  test('when the source limit is configured lower, then asking for the words version counts against it too', async () => {
    const strict = new RateLimits(store, 3);
    expect(await strict.countAgainstSource('address:203.0.113.7')).toBe(false);
    expect(await strict.recordFailedCheck({ rateSubject: 'conv-1', source: 'address:203.0.113.7' })).toBe('counted');
    expect(await strict.countAgainstSource('address:203.0.113.7')).toBe(true);
    expect(await strict.sourcePause('address:203.0.113.7', 'conv-1')).toMatchObject({ tell: true });
  });
});
