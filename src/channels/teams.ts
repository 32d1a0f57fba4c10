import type { Activity } from 'botbuilder';
import { CHOICE_FIELD } from '../dialogs/cards';

/** Microsoft Teams' channel id. */
export const TEAMS_CHANNEL = 'msteams';

export function isTeams(activity: Partial<Activity>): boolean {
  return activity.channelId === TEAMS_CHANNEL;
}

/**
 * Teams delivers a card button as a message with the button's data in `value` and no text. A
 * choice button (dialogs/cards.ts) stands for its label, as if typed: every step (and the global
 * commands) reads it like any other answer.
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

/** What an invoke is answered: the HTTP status and the invoke response's body. */
export type InvokeAnswer = { status: number; body: unknown };

/**
 * Teams sends some card buttons as `invoke` activities and waits for an invoke response (botbuilder
 * would answer 501): Action.Execute, and Action.Submit in the newer clients, as `adaptiveCard/action`
 * with the button's data in `value.action.data`. Such an invoke is turned, in place, into the card
 * submit it stands for (a message with the data in `value`), for the turn to read like any other;
 * every invoke gets its answer here. Returns undefined for an activity that is not an invoke, and
 * `runTurn: false` for an invoke we have no use for (messaging extensions, task modules…).
 */
export function takeInvoke(activity: Partial<Activity>): { answer: InvokeAnswer; runTurn: boolean } | undefined {
  if (activity.type !== 'invoke') return undefined;
  const action =
    activity.name === 'adaptiveCard/action' ? (activity.value as { action?: { data?: unknown } } | undefined)?.action : undefined;
  const data = action?.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { answer: { status: 200, body: {} }, runTurn: false };
  activity.type = 'message';
  activity.value = data;
  delete activity.name;
  // The card stays as it is; the turn's replies come as messages.
  return {
    answer: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: '' } },
    runTurn: true,
  };
}
