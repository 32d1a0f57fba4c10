import { z } from 'zod';
import type { Clock } from '../lib/clock';
import { openToken, signToken } from '../lib/signedTokens';
import type { SecretKey } from '../lib/secrets';

/** Direct Line tokens live 30 minutes; Web Chat refreshes them every 15. */
export const DIRECT_LINE_TOKEN_TTL_SECONDS = 30 * 60;

/** The agent console session a token was issued under: its id, and its end in seconds since the epoch. */
export type AgentSessionGrant = { id: string; endsAt: number };

/** What a token grants: one conversation, as one user, until it expires; an agent's sign-in adds the agent. */
export type DirectLineGrant = {
  conversationId: string;
  userId: string;
  /** The agent console's signed-in identity (the seeded agent's externalId on channel webchat). */
  agentExternalId?: string;
  /** The console session behind an agent's token: the token dies with it, and never outlives it. */
  agentSession?: AgentSessionGrant;
  /** Seconds since the epoch. */
  expiresAt: number;
};

export type TokenCheck = { ok: true; grant: DirectLineGrant } | { ok: false; reason: 'malformed' | 'forged' | 'expired' | 'revoked' };

const payloadSchema = z.strictObject({
  c: z.string().min(1).max(128),
  u: z.string().min(1).max(128),
  a: z.string().max(256).optional(),
  s: z.string().min(1).max(64).optional(),
  z: z.number().int().optional(),
  e: z.number().int(),
});

/**
 * Signed, expiring tokens bound to one conversation (see signedTokens): any instance holding the
 * key checks them. An agent console token also names its console session, which must still be
 * live (sign-out ends it).
 */
export class DirectLineTokens {
  constructor(
    private readonly key: SecretKey,
    private readonly clock: Clock,
    private readonly agentSessionLive: (sessionId: string) => Promise<boolean> = async () => false,
  ) {}

  issue(grant: Omit<DirectLineGrant, 'expiresAt'>): { token: string; expiresIn: number } {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const session = grant.agentSession;
    const expiresAt = Math.min(now + DIRECT_LINE_TOKEN_TTL_SECONDS, session ? session.endsAt : Infinity);
    const payload = {
      c: grant.conversationId,
      u: grant.userId,
      ...(grant.agentExternalId ? { a: grant.agentExternalId } : {}),
      ...(session ? { s: session.id, z: session.endsAt } : {}),
      e: expiresAt,
    };
    return { token: signToken(this.key, payload), expiresIn: Math.max(0, expiresAt - now) };
  }

  /** Whether a grant checked earlier still holds now: not expired, and its agent console session (if any) not ended. An open stream asks at each heartbeat. */
  async stillValid(grant: DirectLineGrant): Promise<boolean> {
    if (grant.expiresAt * 1000 <= this.clock.now().getTime()) return false;
    return grant.agentSession === undefined || (await this.agentSessionLive(grant.agentSession.id));
  }

  async check(token: string | undefined): Promise<TokenCheck> {
    const opened = openToken(this.key, token);
    if (!opened.ok) return opened;
    const payload = payloadSchema.safeParse(opened.payload);
    if (!payload.success) return { ok: false, reason: 'malformed' };
    const { c, u, a, s, z: sessionEnd, e } = payload.data;
    if (e * 1000 <= this.clock.now().getTime()) return { ok: false, reason: 'expired' };
    // An agent's token without its session would be an agent without a sign-in.
    if (a !== undefined && (s === undefined || sessionEnd === undefined)) return { ok: false, reason: 'malformed' };
    if (s !== undefined && !(await this.agentSessionLive(s))) return { ok: false, reason: 'revoked' };
    const agentSession = s !== undefined && sessionEnd !== undefined ? { id: s, endsAt: sessionEnd } : undefined;
    return {
      ok: true,
      grant: { conversationId: c, userId: u, agentExternalId: a, ...(agentSession ? { agentSession } : {}), expiresAt: e },
    };
  }
}
