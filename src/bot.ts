import { ActivityTypes, type ConversationState, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { localeOf } from './language/messages';
import type { Locale } from './language/locale';
import type { ConversationLocks } from './lib/conversationLocks';
import type { RateLimits } from './domain/rateLimits';
import type { CallCenter } from './dialogs/callCenter';
import type { ChannelTurn } from './dialogs/channelProfile';
import type { ConversationMemory } from './dialogs/conversationMemory';
import type { MainDialog } from './dialogs/mainDialog';
import { waitsAtSecretPrompt, type DialogStackState } from './dialogs/secretPrompts';
import { beginTurn, endTurn, say, setTurnInfo, turnInfo } from './dialogs/turn';
import type { TurnObserver } from './turns';

/** Longer messages are refused before any dialog sees them. */
export const MAX_MESSAGE_LENGTH = 2000;

export type AssistantBotOptions = {
  conversationState: ConversationState;
  mainDialog: MainDialog;
  rateLimits: RateLimits;
  defaultLocale: Locale;
  memory: StatePropertyAccessor<ConversationMemory>;
  locks: ConversationLocks;
  /** Where the turn came from and its channel profile, as the channel that received it knows them (channels/channelProfile.ts). */
  channelTurn: (context: TurnContext) => ChannelTurn;
  /** Gives each turn its id in the logs, times it, and lets shutdown wait for it. */
  turns?: TurnObserver;
  /** Agents and hand-offs: who the turn is for, before the citizen's dialog. */
  callCenter?: CallCenter;
};

const UNOBSERVED: TurnObserver = { run: (_activity, turn) => turn() };

/** Turns each activity into a dialog turn and saves the conversation's state. */
export class AssistantBot {
  private readonly dialogState: StatePropertyAccessor;

  constructor(private readonly options: AssistantBotOptions) {
    this.dialogState = options.conversationState.createProperty('dialogState');
    options.callCenter?.whenCitizenBack((context) => this.resume(context));
  }

  /**
   * A proactive turn in a citizen's conversation once an agent has ended the hand-off: the
   * question the citizen was at, asked again, under the conversation's lock and with its state saved.
   */
  private async resume(context: TurnContext): Promise<void> {
    const { channelId, conversation } = context.activity;
    beginTurn(context);
    try {
      await this.options.locks.run(`${channelId}:${conversation.id}`, async () => {
        await this.setUp(context);
        await this.options.mainDialog.askAgain(context, this.dialogState);
        await this.options.conversationState.saveChanges(context);
      });
    } finally {
      endTurn(context);
    }
  }

  async handle(context: TurnContext): Promise<void> {
    const { channelId, conversation } = context.activity;
    const { turns = UNOBSERVED, locks } = this.options;
    beginTurn(context);
    try {
      await turns.run(context.activity, () => locks.run(`${channelId}:${conversation.id}`, () => this.turn(context)));
    } finally {
      // Work a dialog left for after the turn (a reset link's lookup) starts only now.
      endTurn(context);
    }
  }

  private async turn(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const { profile } = await this.setUp(context);

    if (activity.type === ActivityTypes.ConversationUpdate) {
      const members = Array.isArray(activity.membersAdded) ? activity.membersAdded : [];
      // In a Teams personal chat only the bot is added (when the citizen installs the app): greet then too.
      const joined = members.some((member) => member.id !== activity.recipient?.id) || profile.installedByUser;
      if (joined) await this.dispatch(context);
    } else if (activity.type === ActivityTypes.Message) {
      if (await this.admitted(context)) await this.dispatch(context);
    }
    await this.options.conversationState.saveChanges(context);
  }

  /** What every dialog reads of the turn: its language, who the limits count, the channel profile. */
  private async setUp(context: TurnContext): Promise<ChannelTurn> {
    const activity = context.activity;
    const memory = await this.options.memory.get(context, {});
    const channelTurn = this.options.channelTurn(context);
    const { channel, source, profile } = channelTurn;
    const { senderPhone } = profile;
    setTurnInfo(context, {
      locale: memory.locale ?? localeOf(activity.locale, this.options.defaultLocale),
      // One number writing by SMS and by WhatsApp is one sender to the limits (SPEC §4).
      rateSubject: senderPhone ? `phone:${senderPhone}` : `conversation:${activity.channelId}:${activity.conversation?.id}`,
      source,
      channel,
      profile,
    });
    return channelTurn;
  }

  /** A hand-off, an agent or, most often, a citizen's dialog. */
  private async dispatch(context: TurnContext): Promise<void> {
    const citizen = {
      run: () => this.options.mainDialog.run(context, this.dialogState),
      reprompt: () => this.options.mainDialog.askAgain(context, this.dialogState),
      atSecretPrompt: async () => waitsAtSecretPrompt((await this.dialogState.get(context)) as DialogStackState | undefined),
    };
    const { callCenter } = this.options;
    await (callCenter ? callCenter.run(context, citizen) : citizen.run());
  }

  /** Rate limits and messages no step could read are answered here, before any dialog. */
  private async admitted(context: TurnContext): Promise<boolean> {
    const { text } = context.activity;
    const value: unknown = context.activity.value;
    const admission = await this.options.rateLimits.admitMessage(turnInfo(context).rateSubject);
    if (!admission.allowed) {
      if (!admission.tell) return false;
      if (admission.reason === 'paused') {
        await say(context, 'global.paused', { minutes: Math.ceil(admission.retryAfterMs / 60_000) });
      } else {
        await say(context, 'global.tooManyMessages', { seconds: Math.ceil(admission.retryAfterMs / 1000) });
      }
      return false;
    }
    if (typeof text === 'string' && text.length > MAX_MESSAGE_LENGTH) {
      await say(context, 'global.tooLong');
      return false;
    }
    if ((typeof text !== 'string' || text.trim() === '') && value === undefined) {
      await say(context, 'global.notText');
      return false;
    }
    return true;
  }
}
