import { MessageFactory, type TurnContext } from 'botbuilder';
import { textChannelKey, translate, type MessageKey } from '../language/messages';
import type { Locale } from '../language/locale';
import type { ChannelProfile } from './channelProfile';

/** What the bot works out once per turn and every dialog reads. */
export type TurnInfo = {
  locale: Locale;
  /** Who the rate limits count: the conversation, or the phone number on SMS/WhatsApp. */
  rateSubject: string;
  /** Who failed checks also count against across conversations: client address, phone or Teams user (SPEC §5). */
  source: string;
  /** The channel as the adapter that received the turn knows it, never as the activity claims. */
  channel: string;
  /** How to talk on this channel and who it vouches the sender is. */
  profile: ChannelProfile;
};

const TURN_INFO = Symbol('turnInfo');

export function setTurnInfo(context: TurnContext, info: TurnInfo): void {
  context.turnState.set(TURN_INFO, info);
}

export function turnInfo(context: TurnContext): TurnInfo {
  const info = context.turnState.get<TurnInfo | undefined>(TURN_INFO);
  if (!info) throw new Error('turn info is set by the bot before any dialog runs');
  return info;
}

/** A message in the turn's language; on a text-only channel (SMS, WhatsApp) its short form where it has one. */
export function text(context: TurnContext, key: MessageKey, params?: Record<string, string | number>): string {
  const { locale, profile } = turnInfo(context);
  return translate(locale, profile.rich ? key : textChannelKey(key), params);
}

export async function say(context: TurnContext, key: MessageKey, params?: Record<string, string | number>): Promise<void> {
  await context.sendActivity(MessageFactory.text(text(context, key, params)));
}

const TURN_END = Symbol('turnEnd');
type TurnEnd = { ended: Promise<void>; end: () => void };

/** Called by the bot as a turn begins; `endTurn` settles what `turnEnded` gave out. */
export function beginTurn(context: TurnContext): void {
  let end = () => {};
  const ended = new Promise<void>((done) => (end = done));
  context.turnState.set(TURN_END, { ended, end } satisfies TurnEnd);
}

/** Settles when the bot has finished this turn (replies sent, state saved); undefined outside a bot turn. */
export function turnEnded(context: TurnContext): Promise<void> | undefined {
  return context.turnState.get<TurnEnd | undefined>(TURN_END)?.ended;
}

/** Called by the bot once the turn is over, whatever its outcome. */
export function endTurn(context: TurnContext): void {
  context.turnState.get<TurnEnd | undefined>(TURN_END)?.end();
}
