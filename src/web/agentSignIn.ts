import { z } from 'zod';
import type { Clock } from '../lib/clock';
import type { KeyValueStore } from '../lib/keyValueStore';
import { sha256, type SecretKey } from '../lib/secrets';
import { openToken, signToken } from '../lib/signedTokens';

/** A sign-in link is good for 15 minutes, once. */
export const SIGN_IN_LINK_TTL_MS = 15 * 60_000;
/** The agent console's session lasts a working shift. */
export const AGENT_SESSION_TTL_MS = 8 * 60 * 60_000;

const linkSchema = z.strictObject({ k: z.literal('link'), x: z.string().min(1).max(256), e: z.number().int(), n: z.string().max(64) });
const sessionSchema = z.strictObject({
  k: z.literal('session'),
  x: z.string().min(1).max(256),
  e: z.number().int(),
  s: z.string().min(1).max(64),
});

/** Where single-use marks are kept: the short-lived store with Redis, the database on the embedded default. */
export type UsedMarks = Pick<KeyValueStore, 'setIfAbsent'>;

/** A live console session: who, its server-side record's id, and when it ends (ms since the epoch). */
export type AgentSession = { id: string; externalId: string; endsAt: number };

const sessionKey = (id: string) => `agent-session:${id}`;

/** Whether the console session with this id is still live (signed out or expired → false). */
export function agentSessionLive(store: KeyValueStore): (sessionId: string) => Promise<boolean> {
  return async (sessionId) => (await store.get(sessionKey(sessionId))) !== undefined;
}

/**
 * The web chat agent console's sign-in (SPEC §2): an operator issues a personal, single-use link
 * (`npm run agent:link -- EXTERNAL_ID`); opening it starts an 8-hour console session, whose
 * identity our Direct Line binds into the console's tokens. Links and session cookies are signed
 * with a key derived from PINPUK_MASTER_KEY, so issuing a link needs no running server; a session
 * also has a record in the short-lived store, which sign-out deletes: the cookie, and every Direct
 * Line token issued under it, stop working at once.
 */
export class AgentSignIn {
  constructor(
    private readonly key: SecretKey,
    private readonly clock: Clock,
    private readonly nonce: () => string,
  ) {}

  /** A sign-in token for the agent with this web chat identity. */
  link(externalId: string): { token: string; expiresAt: Date } {
    const expiresAt = new Date(this.clock.now().getTime() + SIGN_IN_LINK_TTL_MS);
    return { token: signToken(this.key, { k: 'link', x: externalId, e: expiresAt.getTime(), n: this.nonce() }), expiresAt };
  }

  /** The identity the link names, the first time it is used before it expires; undefined otherwise. */
  async redeem(token: string, used: UsedMarks): Promise<string | undefined> {
    const opened = openToken(this.key, token);
    const link = opened.ok ? linkSchema.safeParse(opened.payload) : undefined;
    if (!link?.success || link.data.e <= this.clock.now().getTime()) return undefined;
    const first = await used.setIfAbsent(`agent-link-used:${sha256(token).toString('hex')}`, true, SIGN_IN_LINK_TTL_MS);
    return first ? link.data.x : undefined;
  }

  /** Starts a console session: its record in the store, and the cookie value that names it. */
  async startSession(externalId: string, store: KeyValueStore): Promise<{ cookie: string; session: AgentSession }> {
    const session = { id: this.nonce(), externalId, endsAt: this.clock.now().getTime() + AGENT_SESSION_TTL_MS };
    await store.set(sessionKey(session.id), { agent: externalId }, AGENT_SESSION_TTL_MS);
    return { cookie: signToken(this.key, { k: 'session', x: externalId, e: session.endsAt, s: session.id }), session };
  }

  /** The live console session a cookie names; undefined for a missing, forged, expired or signed-out one. */
  async sessionOf(cookie: string | undefined, store: KeyValueStore): Promise<AgentSession | undefined> {
    const opened = openToken(this.key, cookie);
    const session = opened.ok ? sessionSchema.safeParse(opened.payload) : undefined;
    if (!session?.success || session.data.e <= this.clock.now().getTime()) return undefined;
    if (!(await agentSessionLive(store)(session.data.s))) return undefined;
    return { id: session.data.s, externalId: session.data.x, endsAt: session.data.e };
  }

  /** Ends the session a cookie names (nothing happens for one that is not live). */
  async endSession(cookie: string | undefined, store: KeyValueStore): Promise<void> {
    const opened = openToken(this.key, cookie);
    const session = opened.ok ? sessionSchema.safeParse(opened.payload) : undefined;
    if (session?.success) await store.delete(sessionKey(session.data.s));
  }
}
