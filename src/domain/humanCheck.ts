import type { KeyValueStore } from '../lib/keyValueStore';
import type { RandomSource } from '../lib/random';
import { captchaText, renderCaptchaPng } from '../lib/captchaImage';
import { constantTimeEqual, keyedHash, seal, unseal, type SecretKey } from '../lib/secrets';
import { normalize } from '../language/normalize';
import { numberToWords, parseNumber } from '../language/numbers';
import type { Locale } from '../language/locale';

export const HUMAN_CHECK_TTL_MS = 120_000;
export const HUMAN_CHECK_MAX_ANSWERS = 3;

export type ChallengeKind = 'image' | 'text';

/** What the citizen is shown. The answer itself stays in the store, hashed. */
export type Challenge = { id: string; kind: 'text'; words: string } | { id: string; kind: 'image'; png: Buffer };

export type ChallengeOutcome =
  { result: 'passed' } | { result: 'wrong'; answersLeft: number } | { result: 'failed' } | { result: 'expired' };

/**
 * The answer is kept as a keyed hash; a text challenge's number, needed to ask it again, only
 * encrypted (not in conversation state: its words spell the answer).
 */
type StoredChallenge = { kind: ChallengeKind; locale: Locale; answerHash: string; sealedNumber?: string };

/** The chat's "Resimdeki Yazı": an image of characters, or a number written out in words. */
export class HumanCheckService {
  constructor(
    private readonly store: KeyValueStore,
    private readonly random: RandomSource,
    private readonly answerKey: SecretKey,
    private readonly sealingKey: SecretKey,
  ) {}

  async create(kind: ChallengeKind, locale: Locale): Promise<Challenge> {
    const id = this.random.bytes(16).toString('base64url');
    if (kind === 'text') {
      const answer = 100 + this.random.int(9900);
      const sealedNumber = seal(this.sealingKey, Buffer.from(String(answer)), `challenge:${id}`, this.random).toString('base64');
      await this.save(id, { kind, locale, answerHash: this.hash(String(answer)), sealedNumber });
      return { id, kind, words: numberToWords(answer, locale) };
    }
    const text = captchaText(this.random);
    await this.save(id, { kind, locale, answerHash: this.hash(text) });
    return { id, kind, png: renderCaptchaPng(text, this.random) };
  }

  /**
   * Checks one answer; a challenge is used up by a pass, by its third wrong answer or by time.
   * The answer is counted before it is checked and a pass is claimed once, so answers arriving at
   * the same time (parallel turns, several instances) get no more than three tries and one pass.
   */
  async answer(id: string, text: string): Promise<ChallengeOutcome> {
    const key = this.key(id);
    const stored = await this.store.get<StoredChallenge>(key);
    const remainingMs = stored ? await this.store.ttl(key) : undefined;
    if (!stored || remainingMs === undefined || remainingMs <= 0) return { result: 'expired' };

    const answers = await this.store.increment(`${key}:answers`, remainingMs);
    if (answers > HUMAN_CHECK_MAX_ANSWERS) return { result: 'expired' };
    const candidate = this.canonicalAnswer(stored, text);
    if (candidate !== undefined && constantTimeEqual(this.hash(candidate), stored.answerHash)) {
      const first = await this.store.setIfAbsent(`${key}:passed`, true, remainingMs);
      await this.store.delete(key);
      return first ? { result: 'passed' } : { result: 'expired' };
    }
    if (answers >= HUMAN_CHECK_MAX_ANSWERS) {
      await this.store.delete(key);
      return { result: 'failed' };
    }
    return { result: 'wrong', answersLeft: HUMAN_CHECK_MAX_ANSWERS - answers };
  }

  /** The words of a live text challenge, to ask it again. */
  async wordsOf(id: string): Promise<string | undefined> {
    const stored = await this.store.get<StoredChallenge>(this.key(id));
    if (!stored?.sealedNumber) return undefined;
    const number = Number(unseal(this.sealingKey, Buffer.from(stored.sealedNumber, 'base64'), `challenge:${id}`).toString());
    return numberToWords(number, stored.locale);
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
