import { ActivityTypes, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { DialogSet, DialogTurnStatus, WaterfallDialog, type ComponentDialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { matchChoice } from '../language/choices';
import type { Locale } from '../language/locale';
import type { MessageKey } from '../language/messages';
import type { Sessions } from '../domain/sessions';
import type { ConversationMemory } from './conversationMemory';
import { FORGOT_WORD_DIALOG } from './forgotWordDialog';
import { LOGIN_DIALOG } from './loginDialog';
import { OPERATIONS_MENU_DIALOG, operationRunning } from './operationsMenuDialog';
import { forgetSession } from './session';
import { globalCommandOf, InterruptibleDialog } from './interruptibleDialog';
import { ask, ChoiceInputPrompt } from './prompts';
import { say, text, turnInfo } from './turn';

export const MAIN_DIALOG = 'main';
const STEPS = 'main.steps';
/** The İşlemler Menüsü again, inside a session, after "iptal" or "menü". */
const SESSION_STEPS = 'main.session';
const START_CHOICE = 'main.choice';
/**
 * The turn-state key under which botbuilder-dialogs 4.23 (memory/dialogStateManager.ts) caches a
 * turn's memory-scope configuration. No public API hands a configuration to a DialogContext: its
 * constructor builds its DialogStateManager from this key alone (DialogManager.stateConfiguration
 * and `new DialogStateManager(dc, configuration)` come after that build), and rebuilding costs
 * about 25 µs a turn. Should a release rename the key, turns only pay for the rebuild again.
 */
const STATE_MANAGER_CONFIGURATION = 'DialogStateManagerConfiguration';

const START_CHOICES: readonly MessageKey[] = ['start.choice.forgot', 'start.choice.login', 'start.choice.help'];
const enum Start { Forgot, Login, Help }

type Options = { again?: boolean };

/** Where "temsilci" queues a hand-off; false when no agent is configured. */
export type HandOffQueue = { queue(context: TurnContext): Promise<boolean> };

/** The start: Güvenlik Sözcüğümü Unuttum, Şifreli Giriş, Yardım; and the way back to it. */
export class MainDialog extends InterruptibleDialog {
  private turnDialogs?: { state: StatePropertyAccessor; set: DialogSet };
  private stateManagerConfiguration?: unknown;

  constructor(
    private readonly memory: StatePropertyAccessor<ConversationMemory>,
    private readonly sessions: Sessions,
    journeys: { forgotWord: ComponentDialog; login: ComponentDialog; operationsMenu: ComponentDialog },
    private readonly handOff?: HandOffQueue,
  ) {
    super(MAIN_DIALOG);
    this.addDialog(new ChoiceInputPrompt(START_CHOICE));
    this.addDialog(journeys.forgotWord);
    this.addDialog(journeys.login);
    this.addDialog(journeys.operationsMenu);
    this.addDialog(new WaterfallDialog(STEPS, [this.offer.bind(this), this.route.bind(this), this.openMenu.bind(this), this.loop.bind(this)]));
    this.addDialog(new WaterfallDialog(SESSION_STEPS, [this.reopenMenu.bind(this), this.loop.bind(this)]));
    this.initialDialogId = STEPS;
  }

  /** Runs one turn: continues the conversation where it is, or starts it. */
  async run(context: TurnContext, dialogState: StatePropertyAccessor): Promise<void> {
    const dc = await this.contextFor(context, dialogState);
    const result = await dc.continueDialog();
    if (result.status !== DialogTurnStatus.empty) return;
    // A conversation may well open with "English": the greeting then comes in English.
    const command = context.activity.type === ActivityTypes.Message ? globalCommandOf(context.activity.text) : undefined;
    if (typeof command === 'object') await this.switchLanguage(dc, command.language);
    // … or with "temsilci": queued at once, the greeting comes after the hand-off.
    if (command === 'agent' && (await this.handOff?.queue(context))) return;
    await dc.beginDialog(this.id);
  }

  /** The question the citizen was at, asked again; the start when there was none. */
  async askAgain(context: TurnContext, dialogState: StatePropertyAccessor): Promise<void> {
    const dc = await this.contextFor(context, dialogState);
    if (dc.activeDialog) await dc.repromptDialog();
    else await dc.beginDialog(this.id, { again: true } satisfies Options);
  }

  /**
   * The dialog context of this turn. The dialog set holds no turn's state, so it is built once; and
   * botbuilder-dialogs would rebuild its memory-scope configuration (a service container) for every
   * turn although it never changes, so the first turn's is handed to the next ones.
   */
  private async contextFor(context: TurnContext, dialogState: StatePropertyAccessor): Promise<DialogContext> {
    if (this.turnDialogs?.state !== dialogState) this.turnDialogs = { state: dialogState, set: new DialogSet(dialogState).add(this) };
    if (this.stateManagerConfiguration) context.turnState.set(STATE_MANAGER_CONFIGURATION, this.stateManagerConfiguration);
    const dc = await this.turnDialogs.set.createContext(context);
    this.stateManagerConfiguration ??= context.turnState.get(STATE_MANAGER_CONFIGURATION);
    return dc;
  }

  /** Greet and offer the three ways in; a first message that already names one goes straight there. */
  private async offer(step: WaterfallStepContext<Options>): Promise<DialogTurnResult> {
    const activity = step.context.activity;
    if (!step.options.again && activity.type === ActivityTypes.Message) {
      const labels = START_CHOICES.map((key) => text(step.context, key));
      const chosen = matchChoice(activity.text ?? '', labels);
      if (chosen !== undefined && !/^\s*\d/.test(activity.text ?? '')) return step.next(chosen);
    }
    const prompt = step.options.again ? 'start.again' : 'start.greeting';
    return step.prompt(START_CHOICE, ask({ prompt, retryPrompt: 'start.fallback', help: 'start.help', choices: START_CHOICES }));
  }

  /** Go where the citizen chose. */
  private async route(step: WaterfallStepContext<Options>): Promise<DialogTurnResult> {
    switch (step.result as Start) {
      case Start.Forgot:
        return step.beginDialog(FORGOT_WORD_DIALOG);
      case Start.Login:
        return step.beginDialog(LOGIN_DIALOG);
      default:
        await say(step.context, 'start.help');
        return step.next();
    }
  }

  /** A citizen who has just logged in goes on to the İşlemler Menüsü. */
  private async openMenu(step: WaterfallStepContext<Options>): Promise<DialogTurnResult> {
    if (step.result === true) return step.beginDialog(OPERATIONS_MENU_DIALOG);
    return step.next();
  }

  /** Back to the choices. */
  private async loop(step: WaterfallStepContext<Options>): Promise<DialogTurnResult> {
    return step.replaceDialog(STEPS, { again: true } satisfies Options);
  }

  /** The İşlemler Menüsü once more, for a citizen who was in it (it checks the session first). */
  private async reopenMenu(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.beginDialog(OPERATIONS_MENU_DIALOG);
  }

  /**
   * "iptal" inside a session (SPEC §1) ends the running operation and keeps the session: back to
   * the İşlemler Menüsü, not the start. Saying "cancelled" only when an operation was running.
   */
  protected override async onCancelCommand(innerDc: DialogContext): Promise<DialogTurnResult> {
    if (!this.inSession(innerDc)) return super.onCancelCommand(innerDc);
    if (operationRunning(innerDc.child)) await say(innerDc.context, 'global.cancelled');
    return this.backToOperationsMenu(innerDc);
  }

  /** "menü" inside a session shows the İşlemler Menüsü. */
  protected override async onMenuCommand(innerDc: DialogContext): Promise<DialogTurnResult> {
    return this.inSession(innerDc) ? this.backToOperationsMenu(innerDc) : super.onMenuCommand(innerDc);
  }

  /** Past the SMS code: the İşlemler Menüsü is on the stack. */
  private inSession(innerDc: DialogContext): boolean {
    return innerDc.stack.some((instance) => instance.id === OPERATIONS_MENU_DIALOG);
  }

  private async backToOperationsMenu(innerDc: DialogContext): Promise<DialogTurnResult> {
    await innerDc.cancelAllDialogs();
    return innerDc.beginDialog(SESSION_STEPS);
  }

  protected async switchLanguage(innerDc: DialogContext, locale: Locale): Promise<void> {
    const memory = await this.memory.get(innerDc.context, {});
    await this.memory.set(innerDc.context, { ...memory, locale });
    turnInfo(innerDc.context).locale = locale;
  }

  /** "temsilci": the citizen waits for an agent; the flow they were in waits too. */
  protected override async onAgentCommand(innerDc: DialogContext): Promise<DialogTurnResult> {
    if (await this.handOff?.queue(innerDc.context)) return { status: DialogTurnStatus.waiting };
    return super.onAgentCommand(innerDc);
  }

  protected async logout(innerDc: DialogContext): Promise<void> {
    const { sessionId } = await this.memory.get(innerDc.context, {});
    await forgetSession(innerDc.context, this.sessions, this.memory);
    if (sessionId) await say(innerDc.context, 'session.loggedOut');
  }
}
