import { ActivityTypes, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import {
  DialogSet,
  DialogTurnStatus,
  WaterfallDialog,
  type DialogContext,
  type DialogTurnResult,
  type PromptOptions,
  type PromptRecognizerResult,
  type WaterfallStepContext,
} from './dialogRuntime';
import type { MessageKey } from '../language/messages';
import type { Locale } from '../language/locale';
import type { AgentDesk } from '../domain/agents';
import type { NationalIdReferences } from '../domain/nationalIdReferences';
import { AGENT_CITIZEN_DIALOG, AgentCitizenDialog, type AgentCitizenOptions } from './agentCitizenDialog';
import { AGENT_QUEUE_DIALOG, AgentQueueDialog } from './agentQueueDialog';
import { currentAgent, lookupShortcutOf } from './agentTurn';
import type { HandOffRelay } from './handOffRelay';
import { globalCommandOf, InterruptibleDialog } from './interruptibleDialog';
import type { ConversationMemory } from './conversationMemory';
import { ask, ChoiceInputPrompt } from './prompts';
import { say, turnInfo } from './turn';

export const AGENT_DIALOG = 'agent';
const STEPS = 'agent.steps';
const MENU_PROMPT = 'agent.menu';

const AGENT_CHOICES: readonly MessageKey[] = ['agent.choice.lookup', 'agent.choice.unblock', 'agent.choice.resend', 'agent.choice.queue'];
const enum Choice {
  Lookup,
  Unblock,
  Resend,
  Queue,
}
/** The menu's answer when the agent typed "ara <Kimlik No>" instead of a choice. */
const LOOKUP_TYPED = -1;

type Options = { again?: boolean };

/** The agent menu, which also takes "ara <Kimlik No>" as a look-up in one message. */
class AgentMenuPrompt extends ChoiceInputPrompt {
  protected override async onRecognize(
    context: TurnContext,
    state: object,
    options: PromptOptions,
  ): Promise<PromptRecognizerResult<number>> {
    if (context.activity.type === ActivityTypes.Message && lookupShortcutOf(context.activity.text))
      return { succeeded: true, value: LOOKUP_TYPED };
    return super.onRecognize(context, state, options);
  }
}

/**
 * What a call-center agent sees (SPEC §2): Vatandaş Sorgula, Blokeyi Kaldır, Sıfırlama Bağlantısı
 * Gönder, Bekleyen Talepler. Only conversations whose channel identity is a seeded agent's get here;
 * nobody else can reach any of it, whatever they type.
 */
export class AgentDialog extends InterruptibleDialog {
  constructor(
    private readonly memory: StatePropertyAccessor<ConversationMemory>,
    desk: AgentDesk,
    relay: HandOffRelay,
    ids: NationalIdReferences,
  ) {
    super(AGENT_DIALOG);
    this.addDialog(new AgentMenuPrompt(MENU_PROMPT));
    this.addDialog(new AgentCitizenDialog(desk, ids));
    this.addDialog(new AgentQueueDialog(relay));
    this.addDialog(new WaterfallDialog(STEPS, [this.offer.bind(this), this.route.bind(this), this.loop.bind(this)]));
    this.initialDialogId = STEPS;
  }

  /** Runs one turn of an agent's conversation: continues it where it is, or opens the menu. */
  async run(context: TurnContext, dialogState: StatePropertyAccessor): Promise<void> {
    const dc = await this.contextOf(context, dialogState);
    const result = await dc.continueDialog();
    if (result.status !== DialogTurnStatus.empty) return;
    const command = context.activity.type === ActivityTypes.Message ? globalCommandOf(context.activity.text) : undefined;
    if (typeof command === 'object') await this.switchLanguage(dc, command.language);
    await dc.beginDialog(this.id);
  }

  /** After a hand-off the agent ended: the menu again. */
  async showMenu(context: TurnContext, dialogState: StatePropertyAccessor): Promise<void> {
    const dc = await this.contextOf(context, dialogState);
    await dc.cancelAllDialogs();
    await dc.beginDialog(this.id, { again: true } satisfies Options);
  }

  private async contextOf(context: TurnContext, dialogState: StatePropertyAccessor): Promise<DialogContext> {
    const dialogs = new DialogSet(dialogState);
    dialogs.add(this);
    return dialogs.createContext(context);
  }

  /** The menu; a first message that is already a look-up goes straight to it. */
  private async offer(step: WaterfallStepContext<Options>): Promise<DialogTurnResult> {
    if (!step.options.again && step.context.activity.type === ActivityTypes.Message && lookupShortcutOf(step.context.activity.text)) {
      return step.next(LOOKUP_TYPED);
    }
    return step.prompt(
      MENU_PROMPT,
      ask({
        prompt: step.options.again ? 'agent.again' : 'agent.greeting',
        params: { name: currentAgent(step.context).name },
        help: 'agent.help',
        choices: AGENT_CHOICES,
      }),
    );
  }

  /** Go where the agent chose. */
  private async route(step: WaterfallStepContext<Options>): Promise<DialogTurnResult> {
    const citizen = (options: AgentCitizenOptions) => step.beginDialog(AGENT_CITIZEN_DIALOG, options);
    switch (step.result as Choice | typeof LOOKUP_TYPED) {
      case LOOKUP_TYPED:
        return citizen({ action: 'lookup', typedId: lookupShortcutOf(step.context.activity.text) });
      case Choice.Lookup:
        return citizen({ action: 'lookup' });
      case Choice.Unblock:
        return citizen({ action: 'unblock' });
      case Choice.Resend:
        return citizen({ action: 'resend' });
      default:
        return step.beginDialog(AGENT_QUEUE_DIALOG);
    }
  }

  /** Back to the menu; once connected to a citizen, the relay has the conversation until it ends. */
  private async loop(step: WaterfallStepContext<Options>): Promise<DialogTurnResult> {
    if (step.result === true) return step.endDialog();
    return step.replaceDialog(STEPS, { again: true } satisfies Options);
  }

  protected override async onAgentCommand(innerDc: DialogContext): Promise<DialogTurnResult> {
    await say(innerDc.context, 'agent.forAgents');
    return this.reprompt(innerDc);
  }

  protected async switchLanguage(innerDc: DialogContext, locale: Locale): Promise<void> {
    const memory = await this.memory.get(innerDc.context, {});
    await this.memory.set(innerDc.context, { ...memory, locale });
    turnInfo(innerDc.context).locale = locale;
  }

  /** An agent holds no session: "çıkış" only goes back to the menu. */
  protected async logout(): Promise<void> {}
}
