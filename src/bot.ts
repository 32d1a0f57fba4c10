import { ActivityTypes, type ConversationState, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { localeOf } from './language/messages';
import type { Locale } from './language/locale';
import type { ConversationLocks } from './lib/conversationLocks';
import { UNKNOWN_SOURCE, type RateLimits } from './domain/rateLimits';
import type { MainDialog, ConversationMemory } from './dialogs/mainDialog';
import { beginTurn, endTurn, isRichChannel, say, setTurnInfo, turnInfo } from './dialogs/turn';
import { verifiedPhoneOf } from './channels/twilioAdapter';
import { installedInPersonalChat } from './channels/teams';
import { turnOriginOf, UNVERIFIED_BOT_FRAMEWORK_CHANNEL } from './channels/turnOrigin';
import type { TurnObserver } from './turns';
import type { CallCenter } from './dialogs/callCenter';

/** Longer messages are refused before any dialog sees them. */
export const MAX_MESSAGE_LENGTH = 2000;

/** Turns each activity into a dialog turn and saves the conversation's state. */
export class AssistantBot {
  private readonly dialogState: StatePropertyAccessor;
  private readonly memory: StatePropertyAccessor<ConversationMemory>;

  constructor(
    private readonly conversationState: ConversationState,
    private readonly mainDialog: MainDialog,
    private readonly rateLimits: RateLimits,
    private readonly defaultLocale: Locale,
    memory: StatePropertyAccessor<ConversationMemory>,
    private readonly locks: ConversationLocks,
    /** Gives each turn its id in the logs, times it, and lets shutdown wait for it. */
    private readonly turns: TurnObserver = { run: (_activity, turn) => turn() },
    /** Agents and hand-offs: who the turn is for, before the citizen's dialog. */
    private readonly callCenter?: CallCenter,
  ) {
    this.dialogState = conversationState.createProperty('dialogState');
    this.memory = memory;
  }

  async handle(context: TurnContext): Promise<void> {
    const { channelId, conversation } = context.activity;
    beginTurn(context);
    try {
      await this.turns.run(context.activity, () => this.locks.run(`${channelId}:${conversation.id}`, () => this.turn(context)));
    } finally {
      // Work a dialog left for after the turn (a reset link's lookup) starts only now.
      endTurn(context);
    }
  }

  private async turn(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const memory = await this.memory.get(context, {});
    const senderPhone = verifiedPhoneOf(context);
    // Every adapter says where its turns come from; a turn none vouched for is the Emulator's.
    const origin = turnOriginOf(context) ?? { channel: UNVERIFIED_BOT_FRAMEWORK_CHANNEL };
    setTurnInfo(context, {
      locale: memory.locale ?? localeOf(activity.locale, this.defaultLocale),
      // One number writing by SMS and by WhatsApp is one sender to the limits (SPEC §4).
      rateSubject: senderPhone ? `phone:${senderPhone}` : `conversation:${activity.channelId}:${activity.conversation?.id}`,
      source: origin.source ?? UNKNOWN_SOURCE,
      channel: origin.channel,
      richChannel: isRichChannel(origin.channel),
      senderPhone,
    });

    if (activity.type === ActivityTypes.ConversationUpdate) {
      const members = Array.isArray(activity.membersAdded) ? activity.membersAdded : [];
      // In a Teams personal chat only the bot is added (when the citizen installs the app): greet then too.
      const joined = members.some((member) => member.id !== activity.recipient?.id) || installedInPersonalChat(activity);
      if (joined) await this.dispatch(context);
    } else if (activity.type === ActivityTypes.Message) {
      if (await this.admitted(context)) await this.dispatch(context);
    }
    await this.conversationState.saveChanges(context);
  }

  /** A hand-off, an agent or, most often, a citizen's dialog. */
  private async dispatch(context: TurnContext): Promise<void> {
    const citizen = {
      run: () => this.mainDialog.run(context, this.dialogState),
      reprompt: () => this.mainDialog.askAgain(context, this.dialogState),
    };
    await (this.callCenter ? this.callCenter.run(context, citizen) : citizen.run());
  }

  /** Rate limits and messages no step could read are answered here, before any dialog. */
  private async admitted(context: TurnContext): Promise<boolean> {
    const { text } = context.activity;
    const value: unknown = context.activity.value;
    const admission = await this.rateLimits.admitMessage(turnInfo(context).rateSubject);
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
