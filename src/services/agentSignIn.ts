import { z } from 'zod';
import type { Clock } from './clock';
import type { KeyValueStore } from './keyValueStore';
import { sha256 } from './secrets';
import { openToken, signToken } from './signedTokens';

/** A sign-in link is good for 15 minutes, once. */
export const SIGN_IN_LINK_TTL_MS = 15 * 60_000;
/** The agent console's session lasts a working shift. */
export const AGENT_SESSION_TTL_MS = 8 * 60 * 60_000;

const linkSchema = z.strictObject({ k: z.literal('link'), x: z.string().min(1).max(256), e: z.number().int(), n: z.string().max(64) });
const sessionSchema = z.strictObject({ k: z.literal('session'), x: z.string().min(1).max(256), e: z.number().int() });

/**
 * The web chat agent console's sign-in (SPEC §2): an operator issues a personal, single-use link
 * (`npm run agent:link -- EXTERNAL_ID`); opening it starts an 8-hour console session, whose
 * identity our Direct Line binds into the console's tokens. Links and sessions are signed with a
 * key derived from PINPUK_MASTER_KEY, so issuing one needs no running server.
 */
export class AgentSignIn {
  constructor(
    private readonly key: Buffer,
    private readonly clock: Clock,
    private readonly nonce: () => string,
  ) {}

  /** A sign-in token for the agent with this web chat identity. */
  link(externalId: string): { token: string; expiresAt: Date } {
    const expiresAt = new Date(this.clock.now().getTime() + SIGN_IN_LINK_TTL_MS);
    return { token: signToken(this.key, { k: 'link', x: externalId, e: expiresAt.getTime(), n: this.nonce() }), expiresAt };
  }

  /** The identity the link names, the first time it is used before it expires; undefined otherwise. */
  async redeem(token: string, used: KeyValueStore): Promise<string | undefined> {
    const opened = openToken(this.key, token);
    const link = opened.ok ? linkSchema.safeParse(opened.payload) : undefined;
    if (!link?.success || link.data.e <= this.clock.now().getTime()) return undefined;
    const first = await used.setIfAbsent(`agent-link-used:${sha256(token).toString('hex')}`, true, SIGN_IN_LINK_TTL_MS);
    return first ? link.data.x : undefined;
  }

  /** The console session's cookie value. */
  session(externalId: string): string {
    return signToken(this.key, { k: 'session', x: externalId, e: this.clock.now().getTime() + AGENT_SESSION_TTL_MS });
  }

  /** The identity of a live console session; undefined for a missing, forged or expired one. */
  sessionIdentity(cookie: string | undefined): string | undefined {
    const opened = openToken(this.key, cookie);
    const session = opened.ok ? sessionSchema.safeParse(opened.payload) : undefined;
    if (!session?.success || session.data.e <= this.clock.now().getTime()) return undefined;
    return session.data.x;
  }
}
