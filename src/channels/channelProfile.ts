import type { TurnContext } from 'botbuilder';
import { UNKNOWN_SOURCE } from '../domain/rateLimits';
import type { ChannelTurn } from '../dialogs/channelProfile';
import { greetingTopicOf } from './greetingTopic';
import { canReplaceMessages, DIRECT_LINE_SERVICE_URL } from './secretMessages';
import { installedInPersonalChat, isTeams, TEAMS_CHANNEL } from './teams';
import { turnOriginOf, UNVERIFIED_BOT_FRAMEWORK_CHANNEL } from './turnOrigin';
import { verifiedPhoneOf } from './twilioAdapter';
import { verifiedIdentityOf } from './verifiedIdentity';

/**
 * Channels that render only plain text: choices become numbered lines, challenges become words.
 * `twilio-sms` is Azure's own Twilio channel, which reaches /api/messages with a verified token.
 */
const TEXT_ONLY_CHANNELS = new Set(['sms', 'whatsapp', 'twilio-sms']);

export function isRichChannel(channelId: string | undefined): boolean {
  return channelId !== undefined && !TEXT_ONLY_CHANNELS.has(channelId);
}

/** Channels that reach a phone, where a message stays on the device and cannot be hidden afterwards. */
const PHONE_CHANNELS = new Set(['sms', 'whatsapp', 'twilio-sms']);

export function isPhoneChannel(channelId: string | undefined): boolean {
  return channelId !== undefined && PHONE_CHANNELS.has(channelId);
}

/**
 * The turn as its channel knows it: where it came from and the channel profile the dialogs read,
 * from what the adapter that received it set on the turn, never from what the activity claims
 * (only the drawing of cards follows the activity's own channel id).
 */
export function channelTurnOf(context: TurnContext): ChannelTurn {
  const activity = context.activity;
  // Every adapter says where its turns come from; a turn none vouched for is the Emulator's.
  const origin = turnOriginOf(context) ?? { channel: UNVERIFIED_BOT_FRAMEWORK_CHANNEL };
  const rich = isRichChannel(origin.channel);
  return {
    channel: origin.channel,
    source: origin.source ?? UNKNOWN_SOURCE,
    profile: {
      rich,
      cardStyle: !rich ? 'plain-text' : isTeams(activity) ? 'teams-card' : 'suggested-actions',
      canReplaceMessages: canReplaceMessages(activity),
      reachesPhone: isPhoneChannel(origin.channel),
      senderPhone: verifiedPhoneOf(context),
      ownWebChat: activity.serviceUrl === DIRECT_LINE_SERVICE_URL,
      verifiedIdentity: verifiedIdentityOf(context),
      installedByUser: installedInPersonalChat(activity),
      // A web chat closes with its page, and an SMS or WhatsApp reminder goes to the phone anyway.
      reachableLater: origin.channel === TEAMS_CHANNEL,
      openingTopic: greetingTopicOf(context),
    },
  };
}
