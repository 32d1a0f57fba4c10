import type { TurnContext } from 'botbuilder';
import type { VerifiedIdentity } from '../dialogs/channelProfile';

export type { VerifiedIdentity };

// Adapters set the identity the channel vouches for (see VerifiedIdentity); the turn's channel profile carries it to agent recognition.
const VERIFIED_IDENTITY = Symbol('verifiedIdentity');

export function setVerifiedIdentity(context: TurnContext, identity: VerifiedIdentity): void {
  context.turnState.set(VERIFIED_IDENTITY, identity);
}

export function verifiedIdentityOf(context: TurnContext): VerifiedIdentity | undefined {
  return context.turnState.get<VerifiedIdentity | undefined>(VERIFIED_IDENTITY);
}
