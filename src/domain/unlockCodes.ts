import type { Actor, AuditLog } from './audit';
import type { Clock } from '../lib/clock';
import type { RandomSource } from '../lib/random';
import { keyedHash, type SecretKey } from '../lib/secrets';
import type { Transactions } from '../lib/transactions';

export const UNLOCK_CODE_TTL_MS = 24 * 60 * 60_000;
/**
 * The unlock code's alphabet: digits and capitals without 0/O and 1/I, which are misread when
 * copied from a screen into the card software. 32 symbols, so 16 of them carry 80 random bits.
 */
export const UNLOCK_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const CODE_LENGTH = 16;
const GROUP = 4;

export interface UnlockCodeRepository {
  /** The serials of the citizen's cards. */
  cardSerialsOf(citizenId: string): Promise<string[]>;
  /**
   * Stores the code's hash for the citizen's card, replacing any earlier one. False when the card
   * is not the citizen's.
   */
  store(citizenId: string, cardSerial: string, codeHash: string, now: Date, expiresAt: Date): Promise<boolean>;
  /** Marks the card's code used if it has this hash and is live at `now`; false otherwise. */
  redeem(cardSerial: string, codeHash: string, now: Date): Promise<boolean>;
}

export type IssueOutcome = { result: 'issued'; code: string } | { result: 'unknown-card' };

/**
 * Kilit Çözme (SPEC §1.9): for a card whose PIN and PUK are blocked, a one-time code for the card
 * software. 16 characters of an unambiguous alphabet, shown in groups of four
 * ("7KQ2-M9XD-P4HT-W3NB"); bound to the card serial, valid 24 hours, used once, shown once and
 * kept only as a keyed hash. A new code for the same card replaces the previous one.
 */
export class UnlockCodeService {
  constructor(
    private readonly repository: UnlockCodeRepository,
    private readonly audit: AuditLog,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly random: RandomSource,
    private readonly key: SecretKey,
  ) {}

  cardsOf(citizenId: string): Promise<string[]> {
    return this.repository.cardSerialsOf(citizenId);
  }

  async issue(citizenId: string, cardSerial: string, actor: Actor): Promise<IssueOutcome> {
    const code = this.newCode();
    const now = this.clock.now();
    const stored = await this.transactions.atomically(async () => {
      const hash = this.hash(cardSerial, code);
      if (!(await this.repository.store(citizenId, cardSerial, hash, now, new Date(now.getTime() + UNLOCK_CODE_TTL_MS)))) return false;
      await this.audit.record({ actor: 'citizen', action: 'unlock-code.issued', ...actor, details: { card: cardSerial } });
      return true;
    });
    return stored ? { result: 'issued', code } : { result: 'unknown-card' };
  }

  /**
   * What the card software's check comes down to: the code is right for this card, live, and not
   * used before. Typed with or without the dashes, in either case.
   */
  redeem(cardSerial: string, typed: string): Promise<boolean> {
    const code = typed.replace(/[\s-]/g, '').toUpperCase();
    return this.repository.redeem(cardSerial, this.hash(cardSerial, code), this.clock.now());
  }

  private newCode(): string {
    const symbols = Array.from({ length: CODE_LENGTH }, () => UNLOCK_CODE_ALPHABET[this.random.int(UNLOCK_CODE_ALPHABET.length)]);
    const groups: string[] = [];
    for (let at = 0; at < CODE_LENGTH; at += GROUP) groups.push(symbols.slice(at, at + GROUP).join(''));
    return groups.join('-');
  }

  /** Bound to the card: the same code for another card is another hash. */
  private hash(cardSerial: string, code: string): string {
    return keyedHash(this.key, `${cardSerial}:${code.replace(/-/g, '')}`);
  }
}
