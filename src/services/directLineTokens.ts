import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Clock } from './clock';

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
 * Signed, expiring tokens bound to one conversation: `base64url(payload).base64url(HMAC-SHA256)`.
 * Nothing is stored: any instance holding the key checks them.
 */
export class DirectLineTokens {
  constructor(
    private readonly key: Buffer,
    private readonly clock: Clock,
  ) {}

  issue(grant: Omit<DirectLineGrant, 'expiresAt'>): { token: string; expiresIn: number } {
    const expiresAt = Math.floor(this.clock.now().getTime() / 1000) + DIRECT_LINE_TOKEN_TTL_SECONDS;
    const payload = { c: grant.conversationId, u: grant.userId, ...(grant.agentExternalId ? { a: grant.agentExternalId } : {}), e: expiresAt };
    const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
    return { token: `${body}.${this.sign(body)}`, expiresIn: DIRECT_LINE_TOKEN_TTL_SECONDS };
  }

  check(token: string | undefined): TokenCheck {
    if (!token || token.length > 1024) return { ok: false, reason: 'malformed' };
    const [body, signature, ...rest] = token.split('.');
    if (!body || !signature || rest.length > 0) return { ok: false, reason: 'malformed' };
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'forged' };
    let payload: z.infer<typeof payloadSchema>;
    try {
      payload = payloadSchema.parse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    if (payload.e * 1000 <= this.clock.now().getTime()) return { ok: false, reason: 'expired' };
    return { ok: true, grant: { conversationId: payload.c, userId: payload.u, agentExternalId: payload.a, expiresAt: payload.e } };
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}
