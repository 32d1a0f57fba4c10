import type { Clock } from '../lib/clock';
import type { RandomSource } from '../lib/random';
import { sha256 } from '../lib/secrets';

export const LINK_TTL_MS = 30 * 60_000;
export const LINKS_PER_DAY = 3;
const DAY_MS = 24 * 60 * 60_000;

/** A 256-bit token in base64url is always 43 characters of this alphabet. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export type LinkState = 'valid' | 'expired' | 'used' | 'superseded' | 'unknown';

/** Where a stored link is in its life, whatever it is for. */
export type LinkLifecycle = { id: string; expiresAt: Date; usedAt: Date | null; supersededAt: Date | null };

export type LinkCheck<Link> = { state: Exclude<LinkState, 'valid'> } | { state: 'valid'; link: Link };

export type NewLink = { citizenId: string; tokenHash: Buffer; createdAt: Date; expiresAt: Date };

/** Where one kind of link is kept; `Fields` is what that kind stores besides the token. */
export interface LinkStore<Link extends LinkLifecycle, Fields> {
  /**
   * In one transaction: counts the citizen's links created since `since`; when fewer than `limit`,
   * supersedes the live ones and stores the new one. False when the limit was reached.
   */
  issue(link: NewLink & Fields, since: Date, limit: number): Promise<boolean>;
  findByTokenHash(tokenHash: Buffer): Promise<Link | undefined>;
}

/**
 * The rules of every e-mailed link (SPEC §4): a 256-bit random token kept only as its SHA-256,
 * valid 30 minutes, used once, a newer link supersedes the older ones, at most 3 per citizen a day.
 */
export class SingleUseLinks<Link extends LinkLifecycle, Fields> {
  constructor(
    private readonly store: LinkStore<Link, Fields>,
    private readonly clock: Clock,
    private readonly random: RandomSource,
  ) {}

  /** The new link's token, or undefined when the citizen already had 3 in the last 24 hours. */
  async issue(citizenId: string, fields: Fields): Promise<string | undefined> {
    const token = this.random.bytes(32).toString('base64url');
    const now = this.clock.now();
    const issued = await this.store.issue(
      { ...fields, citizenId, tokenHash: sha256(token), createdAt: now, expiresAt: new Date(now.getTime() + LINK_TTL_MS) },
      new Date(now.getTime() - DAY_MS),
      LINKS_PER_DAY,
    );
    return issued ? token : undefined;
  }

  async check(token: string): Promise<LinkCheck<Link>> {
    if (!TOKEN_PATTERN.test(token)) return { state: 'unknown' };
    const link = await this.store.findByTokenHash(sha256(token));
    if (!link) return { state: 'unknown' };
    if (link.usedAt) return { state: 'used' };
    if (link.supersededAt) return { state: 'superseded' };
    if (link.expiresAt.getTime() <= this.clock.now().getTime()) return { state: 'expired' };
    return { state: 'valid', link };
  }
}
