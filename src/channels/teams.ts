import { CardFactory, type Activity, type Attachment } from 'botbuilder';

/** Microsoft Teams' channel id. */
export const TEAMS_CHANNEL = 'msteams';

/** The field of a choice button's submit data that carries the choice. */
export const CHOICE_FIELD = 'choice';

/** Teams renders Adaptive Cards up to 1.5 everywhere (desktop, web, mobile). */
const CARD_VERSION = '1.5';

export function isTeams(activity: Partial<Activity>): boolean {
  return activity.channelId === TEAMS_CHANNEL;
}

export function adaptiveCard(body: object[], actions: object[] = []): Attachment {
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    body,
    ...(actions.length > 0 ? { actions } : {}),
  });
}

/**
 * A question with its choices as Adaptive Card buttons, one per row so long labels are not cut:
 * Teams shows suggested actions only in some places, a card's buttons everywhere. A button sends
 * its choice as submit data; `adoptSubmittedChoice` turns that into the text it stands for.
 */
export function choiceCardMessage(question: string, choices: readonly { title: string; value: string }[]): Partial<Activity> {
  const buttons = choices.map(({ title, value }) => ({
    type: 'ActionSet',
    actions: [{ type: 'Action.Submit', title, data: { [CHOICE_FIELD]: value } }],
  }));
  return { type: 'message', text: question, attachments: [adaptiveCard(buttons)] };
}

/**
 * Teams delivers a card button as a message with the button's data in `value` and no text. A
 * choice button stands for its label, as if typed: every step (and the global commands) reads it
 * like any other answer.
 */
export function adoptSubmittedChoice(activity: Partial<Activity>): void {
  if (activity.type !== 'message' || (typeof activity.text === 'string' && activity.text.trim() !== '')) return;
  const value: unknown = activity.value;
  if (typeof value !== 'object' || value === null) return;
  const choice = (value as Record<string, unknown>)[CHOICE_FIELD];
  if (typeof choice === 'string' && choice.trim() !== '') activity.text = choice;
}

/** The conversationUpdate Teams sends when a citizen installs the app for themselves: the bot alone is added, in a personal chat. */
export function installedInPersonalChat(activity: Partial<Activity>): boolean {
  const members = Array.isArray(activity.membersAdded) ? activity.membersAdded : [];
  const personal = (activity.conversation as { conversationType?: unknown } | undefined)?.conversationType === 'personal';
  return isTeams(activity) && personal && members.some((member) => member.id === activity.recipient?.id);
}
