import type { TurnContext } from 'botbuilder';

/**
 * Who the channel itself vouches the sender is, as opposed to what the activity claims: the Teams
 * AAD object id on an authenticated Bot Framework request, or the identity our own Direct Line
 * bound into its token at the agent console's sign-in. Adapters set it; agent recognition reads it.
 */
export type VerifiedIdentity = { channel: string; externalId: string };

const VERIFIED_IDENTITY = Symbol('verifiedIdentity');

export function setVerifiedIdentity(context: TurnContext, identity: VerifiedIdentity): void {
  context.turnState.set(VERIFIED_IDENTITY, identity);
}

export function verifiedIdentityOf(context: TurnContext): VerifiedIdentity | undefined {
  return context.turnState.get<VerifiedIdentity | undefined>(VERIFIED_IDENTITY);
}
