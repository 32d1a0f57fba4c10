import type { OpeningTopic } from '../language/intents/openingTopics';

/**
 * Who the channel itself vouches the sender is, as opposed to what the activity claims: the Teams
 * AAD object id on an authenticated Bot Framework request, or the identity our own Direct Line
 * bound into its token at the agent console's sign-in.
 */
export type VerifiedIdentity = { channel: string; externalId: string };

/**
 * How replies are drawn: `teams-card` Adaptive Cards (choices as card buttons, facts as fact sets:
 * Teams shows suggested actions only in some places); `suggested-actions` buttons under a message
 * (web chat, the Emulator, other Azure channels); `plain-text` numbered lines (SMS, WhatsApp).
 */
export type CardStyle = 'teams-card' | 'suggested-actions' | 'plain-text';

/**
 * What the dialogs may know of the channel a turn came on, worked out once per turn by the channel
 * side (channelTurnOf, beside the adapters) so that no dialog reads a channel id or a service URL.
 */
export type ChannelProfile = {
  /** Pictures, buttons and cards show; false where only plain text arrives (choices become numbered lines, challenges words). */
  rich: boolean;
  cardStyle: CardStyle;
  /** The bot can replace a message it sent (Teams, our web chat): a message with secrets is hidden afterwards. */
  canReplaceMessages: boolean;
  /** The channel reaches a phone (SMS, WhatsApp), where a message stays on the device and cannot be hidden. */
  reachesPhone: boolean;
  /** The sender's phone number where the channel vouches for it (Twilio's signed From); undefined elsewhere. */
  senderPhone?: string;
  /** Our own web chat (Direct Line): the page takes a typed secret off the screen when the bot deletes it. */
  ownWebChat: boolean;
  verifiedIdentity?: VerifiedIdentity;
  /** The bot can write to this conversation later, unprompted, and reach the citizen there (a Teams chat): expiry reminders go to it. */
  reachableLater: boolean;
  /** A conversationUpdate that stands for the citizen joining although only the bot was added (a Teams personal-chat install). */
  installedByUser: boolean;
  /** The topic our web chat's greeting opens with (the page was opened at `/?topic=renewal`); only our Direct Line's own greeting has one. */
  openingTopic?: OpeningTopic;
};

/** What the channel that received a turn tells the bot about it. */
export type ChannelTurn = {
  /** The channel as the adapter that received the turn knows it, never as the activity claims. */
  channel: string;
  /** Who failed checks count against across conversations: client address, phone or Teams user (SPEC §5). */
  source: string;
  profile: ChannelProfile;
};
