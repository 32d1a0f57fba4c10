import type { Activity, TurnContext } from 'botbuilder';
import type { VerifiedIdentity } from './verifiedIdentity';
import { limitKey } from './clientAddress';

/**
 * Where a turn came from, as the adapter that received it knows it, never as the activity claims:
 * `channel` decides how the bot talks (pictures and buttons, or plain text); `source` is who the
 * per-source limits count (SPEC §5): `address:…` on web chat, Direct Line and unauthenticated
 * /api/messages, `phone:…` on SMS/WhatsApp (Twilio's signed From), the verified user on Teams,
 * `channel:…` on other verified Azure channels.
 * Undefined when the adapter could not tell (a socket already closed).
 */
export type TurnOrigin = { channel: string; source?: string };

const TURN_ORIGIN = Symbol('turnOrigin');

export function setTurnOrigin(context: TurnContext, origin: TurnOrigin): void {
  context.turnState.set(TURN_ORIGIN, origin);
}

export function turnOriginOf(context: TurnContext): TurnOrigin | undefined {
  return context.turnState.get<TurnOrigin | undefined>(TURN_ORIGIN);
}

/** The source of a turn known by its client address: counted per limit key (an IPv6 client per /64). */
export function addressSource(address: string | undefined): string | undefined {
  const key = limitKey(address);
  return key === undefined ? undefined : `address:${key}`;
}

/** The channel an unauthenticated Bot Framework request speaks for: the Emulator's, whatever it writes. */
export const UNVERIFIED_BOT_FRAMEWORK_CHANNEL = 'emulator';

/**
 * A Bot Framework request's origin. Its channel id is taken only when its token was verified (an
 * Azure channel signed it); otherwise it is the Emulator, a rich channel. The source is the verified
 * Teams user; on any other verified channel the channel itself, one bucket (its `from.id` is the
 * client's to choose on Azure Web Chat/Direct Line, and its requests all come from Azure's shared
 * address); else the client address.
 */
export function botFrameworkOrigin(
  activity: Partial<Activity>,
  request: { tokenVerified: boolean; identity?: VerifiedIdentity; clientAddress?: string },
): TurnOrigin {
  const channel = request.tokenVerified && activity.channelId ? activity.channelId : UNVERIFIED_BOT_FRAMEWORK_CHANNEL;
  if (request.identity) return { channel, source: `${request.identity.channel}:${request.identity.externalId}` };
  if (request.tokenVerified) return { channel, source: `channel:${channel}` };
  return { channel, source: addressSource(request.clientAddress) };
}
