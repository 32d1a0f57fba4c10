import type { KeyValueStore } from './keyValueStore';
import type { RandomSource } from './random';
import { captchaText, renderCaptchaPng } from './captchaImage';
import { constantTimeEqual, keyedHash } from './secrets';
import { normalize, numberToWords, parseNumber, type Locale } from '../language/recognize';

export const HUMAN_CHECK_TTL_MS = 120_000;
export const HUMAN_CHECK_MAX_ANSWERS = 3;

export type ChallengeKind = 'image' | 'text';

/** What the citizen is shown. The answer itself stays in the store, hashed. */
export type Challenge =
  | { id: string; kind: 'text'; words: string }
  | { id: string; kind: 'image'; png: Buffer };

export type ChallengeOutcome =
  | { result: 'passed' }
  | { result: 'wrong'; answersLeft: number }
  | { result: 'failed' }
  | { result: 'expired' };

/** The words of a text challenge are kept here, not in conversation state, since they spell the answer. */
type StoredChallenge = { kind: ChallengeKind; locale: Locale; answerHash: string; answers: number; words?: string };

/** The chat's "Resimdeki Yazı": an image of characters, or a number written out in words. */
export class HumanCheckService {
  constructor(
    private readonly store: KeyValueStore,
    private readonly random: RandomSource,
    private readonly answerKey: Buffer,
  ) {}

  async create(kind: ChallengeKind, locale: Locale): Promise<Challenge> {
    const id = this.random.bytes(16).toString('base64url');
    if (kind === 'text') {
      const answer = 100 + this.random.int(9900);
      const words = numberToWords(answer, locale);
      await this.save(id, { kind, locale, answerHash: this.hash(String(answer)), answers: 0, words });
      return { id, kind, words };
    }
    const text = captchaText(this.random);
    await this.save(id, { kind, locale, answerHash: this.hash(text), answers: 0 });
    return { id, kind, png: renderCaptchaPng(text, this.random) };
  }

  /** Checks one answer; a challenge is used up by a pass, by its third wrong answer or by time. */
  async answer(id: string, text: string): Promise<ChallengeOutcome> {
    const key = this.key(id);
    const stored = await this.store.get<StoredChallenge>(key);
    if (!stored) return { result: 'expired' };
    const candidate = this.canonicalAnswer(stored, text);
    if (candidate !== undefined && constantTimeEqual(this.hash(candidate), stored.answerHash)) {
      await this.store.delete(key);
      return { result: 'passed' };
    }
    const answers = stored.answers + 1;
    if (answers >= HUMAN_CHECK_MAX_ANSWERS) {
      await this.store.delete(key);
      return { result: 'failed' };
    }
    const remainingMs = (await this.store.ttl(key)) ?? 0;
    if (remainingMs <= 0) return { result: 'expired' };
    await this.store.set(key, { ...stored, answers }, remainingMs);
    return { result: 'wrong', answersLeft: HUMAN_CHECK_MAX_ANSWERS - answers };
  }

  /** The words of a live text challenge, to ask it again. */
  async wordsOf(id: string): Promise<string | undefined> {
    return (await this.store.get<StoredChallenge>(this.key(id)))?.words;
  }

  async discard(id: string): Promise<void> {
    await this.store.delete(this.key(id));
  }

  private canonicalAnswer(stored: StoredChallenge, text: string): string | undefined {
    if (text.length > 200) return undefined;
    if (stored.kind === 'text') {
      const number = parseNumber(text, stored.locale);
      return number === undefined ? undefined : String(number);
    }
    return normalize(text).replace(/\s/g, '').toUpperCase();
  }

  private async save(id: string, challenge: StoredChallenge): Promise<void> {
    await this.store.set(this.key(id), challenge, HUMAN_CHECK_TTL_MS);
  }

  private key(id: string): string {
    return `human-check:${id}`;
  }

  private hash(answer: string): string {
    return keyedHash(this.answerKey, answer);
  }
}
