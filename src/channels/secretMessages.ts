import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import type { Logger } from '../logger';
import type { Conversations } from './conversations';

/** SPEC §4: a message with PIN/PUK values is replaced after 60 s where the channel allows. */
export const HIDE_SECRETS_AFTER_MS = 60_000;

/** Where our Direct Line's conversations point their serviceUrl (our own page can replace a message). */
export const DIRECT_LINE_SERVICE_URL = 'urn:eimza:directline';

/** Channels whose messages the bot can replace after sending them. */
export function canReplaceMessages(activity: Partial<Activity>): boolean {
  return activity.channelId === 'msteams' || activity.serviceUrl === DIRECT_LINE_SERVICE_URL;
}

/** Schedules the delayed replacement; tests fire it by hand. */
export type Timers = { set(run: () => void, ms: number): { unref?: () => void } };
const realTimers: Timers = { set: (run, ms) => setTimeout(run, ms) };

/**
 * Messages that carry secrets (PIN/PUK): sent, then replaced by a note that they were hidden,
 * after 60 s or as soon as the citizen moves on. On our web chat the page also hides the message
 * itself after 60 s (channelData.hideAfterSeconds), so a restarted instance still keeps the promise
 * there; on Teams the replacement comes from the instance that showed the values.
 */
export class SecretMessages {
  constructor(
    private readonly conversations: Conversations,
    private readonly logger: Logger,
    private readonly timers: Timers = realTimers,
    private readonly hideAfterMs = HIDE_SECRETS_AFTER_MS,
  ) {}

  /** Sends the message; returns its id when the channel can replace it later, undefined otherwise. */
  async send(context: TurnContext, activity: Partial<Activity>, hiddenNote: string): Promise<string | undefined> {
    if (!canReplaceMessages(context.activity)) {
      await context.sendActivity(activity);
      return undefined;
    }
    // Our own page reads the hiding hints; other channels get the message as it is.
    const ours = context.activity.serviceUrl === DIRECT_LINE_SERVICE_URL;
    const marked = ours
      ? { ...activity, channelData: { ...((activity.channelData as object | undefined) ?? {}), hideAfterSeconds: this.hideAfterMs / 1000 } }
      : activity;
    const response = await context.sendActivity(marked);
    const id = response?.id;
    if (!id) return undefined;
    const reference = TurnContext.getConversationReference(context.activity);
    this.timers.set(() => void this.hideLater(reference, id, hiddenNote), this.hideAfterMs).unref?.();
    return id;
  }

  /** Replaces the message at once, within the citizen's turn. */
  async hide(context: TurnContext, id: string, hiddenNote: string): Promise<void> {
    await context.updateActivity(replacement(context, id, hiddenNote)).catch((error: unknown) => {
      this.logger.warn('a message with secrets could not be replaced', { channel: context.activity.channelId, error });
    });
  }

  private async hideLater(reference: Partial<ConversationReference>, id: string, hiddenNote: string): Promise<void> {
    try {
      await this.conversations.continue(reference, async (context) => {
        await context.updateActivity(replacement(context, id, hiddenNote));
      });
    } catch (error) {
      this.logger.warn('a message with secrets could not be replaced after the delay', { channel: reference.channelId, error });
    }
  }
}

function replacement(context: TurnContext, id: string, hiddenNote: string): Partial<Activity> {
  const ours = context.activity.serviceUrl === DIRECT_LINE_SERVICE_URL;
  return { id, type: 'message', text: hiddenNote, attachments: [], ...(ours ? { channelData: { hidden: true } } : {}) };
}
