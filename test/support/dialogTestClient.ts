import { ConversationState, MemoryStorage, type TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  DialogSet,
  DialogTurnStatus,
  WaterfallDialog,
  type Dialog,
  type DialogTurnResult,
} from '../../src/dialogs/dialogRuntime';
import type { ChannelProfile } from '../../src/dialogs/channelProfile';
import type { ConversationMemory } from '../../src/dialogs/conversationMemory';
import { beginTurn, endTurn, setTurnInfo } from '../../src/dialogs/turn';
import type { Locale } from '../../src/language/locale';
import { DialogScript, type Row } from './dialogScript';

/** Web chat as the Bot Framework sees it: buttons, pictures, cards; nothing to hide afterwards. */
export const WEB_CHAT: ChannelProfile = {
  rich: true,
  cardStyle: 'suggested-actions',
  canReplaceMessages: false,
  reachesPhone: false,
  ownWebChat: false,
  installedByUser: false,
  reachableLater: false,
};

/** Microsoft Teams: choices and facts as Adaptive Cards, messages it can replace. */
export const TEAMS: ChannelProfile = { ...WEB_CHAT, cardStyle: 'teams-card', canReplaceMessages: true, reachableLater: true };

/** SMS from the phone the channel vouches for. */
export function smsFrom(phone: string): ChannelProfile {
  return { ...WEB_CHAT, rich: false, cardStyle: 'plain-text', reachesPhone: true, senderPhone: phone };
}

export type DialogTestOptions = {
  locale?: Locale;
  /** The channel the turn came on, as its adapter knows it; names the channel in audit rows. */
  channel?: string;
  profile?: ChannelProfile;
  /** What the conversation remembers before the first turn (a session id, a language). */
  remembered?: ConversationMemory;
  /** The options the dialog is begun with. */
  dialogOptions?: object;
};

/**
 * One dialog alone, the way botbuilder-testing's DialogTestClient runs it (that package is not a
 * dependency): a bare DialogSet over botbuilder's TestAdapter, with the turn info the bot would set
 * from a channel profile. The first message begins the dialog, every later one continues it; rows
 * of [user says, bot answers] are played by DialogScript, replies checked turn by turn.
 */
export class DialogTestClient {
  readonly conversationState = new ConversationState(new MemoryStorage());
  readonly memory = this.conversationState.createProperty<ConversationMemory>('memory');
  readonly script: DialogScript;
  /** What the last turn left: waiting for an answer, or complete with what the dialog ended with. */
  dialogTurnResult?: DialogTurnResult;
  /** The conversation's memory after the last turn. */
  remembered: ConversationMemory = {};
  private begun = false;

  constructor(dialogOf: (memory: DialogTestClient['memory']) => Dialog, options: DialogTestOptions = {}) {
    const dialog = dialogOf(this.memory);
    const dialogs = new DialogSet(this.conversationState.createProperty('dialogState')).add(dialog);
    this.script = new DialogScript(async (context) => {
      beginTurn(context);
      try {
        await this.turn(context, dialogs, dialog.id, options);
      } finally {
        endTurn(context);
      }
    });
  }

  play(rows: readonly Row[]): Promise<void> {
    return this.script.play(rows);
  }

  private async turn(context: TurnContext, dialogs: DialogSet, dialogId: string, options: DialogTestOptions): Promise<void> {
    const conversation = context.activity.conversation.id;
    setTurnInfo(context, {
      locale: options.locale ?? 'tr',
      rateSubject: `conversation:test:${conversation}`,
      source: `script:${conversation}`,
      channel: options.channel ?? 'test',
      profile: options.profile ?? WEB_CHAT,
    });
    if (!this.begun && options.remembered) await this.memory.set(context, options.remembered);
    const dc = await dialogs.createContext(context);
    let result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty && !this.begun) result = await dc.beginDialog(dialogId, options.dialogOptions);
    this.begun = true;
    this.dialogTurnResult = result;
    this.remembered = { ...(await this.memory.get(context, {})) };
    await this.conversationState.saveChanges(context);
  }
}

/** A dialog the one under test begins, stood in for: it says `says` (when given) and ends at once with `result`. */
export class StandIn extends ComponentDialog {
  constructor(dialogId: string, result?: unknown, says?: string) {
    super(dialogId);
    this.addDialog(
      new WaterfallDialog(`${dialogId}.stand-in`, [
        async (step) => {
          if (says) await step.context.sendActivity(says);
          return step.endDialog(result);
        },
      ]),
    );
  }
}
