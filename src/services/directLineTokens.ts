import { z } from 'zod';
import type { Clock } from './clock';
import { openToken, signToken } from './signedTokens';

/** Direct Line tokens live 30 minutes; Web Chat refreshes them every 15. */
export const DIRECT_LINE_TOKEN_TTL_SECONDS = 30 * 60;

/** What a token grants: one conversation, as one user, until it expires; an agent's sign-in adds the agent. */
export type DirectLineGrant = {
  conversationId: string;
  userId: string;
  /** The agent console's signed-in identity (the seeded agent's externalId on channel webchat). */
  agentExternalId?: string;
  /** Seconds since the epoch. */
  expiresAt: number;
};

export type TokenCheck = { ok: true; grant: DirectLineGrant } | { ok: false; reason: 'malformed' | 'forged' | 'expired' };

const payloadSchema = z.strictObject({ c: z.string().min(1).max(128), u: z.string().min(1).max(128), a: z.string().max(256).optional(), e: z.number().int() });

/**
 * Signed, expiring tokens bound to one conversation (see signedTokens): nothing is stored, any
 * instance holding the key checks them.
 */
export class DirectLineTokens {
  constructor(
    private readonly key: Buffer,
    private readonly clock: Clock,
  ) {}

  issue(grant: Omit<DirectLineGrant, 'expiresAt'>): { token: string; expiresIn: number } {
    const expiresAt = Math.floor(this.clock.now().getTime() / 1000) + DIRECT_LINE_TOKEN_TTL_SECONDS;
    const payload = { c: grant.conversationId, u: grant.userId, ...(grant.agentExternalId ? { a: grant.agentExternalId } : {}), e: expiresAt };
    return { token: signToken(this.key, payload), expiresIn: DIRECT_LINE_TOKEN_TTL_SECONDS };
  }

  check(token: string | undefined): TokenCheck {
    const opened = openToken(this.key, token);
    if (!opened.ok) return opened;
    const payload = payloadSchema.safeParse(opened.payload);
    if (!payload.success) return { ok: false, reason: 'malformed' };
    const { c, u, a, e } = payload.data;
    if (e * 1000 <= this.clock.now().getTime()) return { ok: false, reason: 'expired' };
    return { ok: true, grant: { conversationId: c, userId: u, agentExternalId: a, expiresAt: e } };
  }
}
