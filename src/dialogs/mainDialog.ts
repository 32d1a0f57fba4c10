import { ActivityTypes, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import {
  DialogSet,
  DialogTurnStatus,
  WaterfallDialog,
  type ComponentDialog,
  type DialogContext,
  type DialogTurnResult,
  type WaterfallStepContext,
} from './dialogRuntime';
import { matchChoice } from '../language/choices';
import { choiceSynonymsOf } from '../language/choiceSynonyms';
import { answerOf, isTopic, wayOnOf } from '../language/intents/answers';
import type { Intent, IntentModel } from '../language/intents/intentModel';
import { OPENING_TOPICS } from '../language/intents/openingTopics';
import { isPasswordAlone, understand, type Understanding } from '../language/intents/understand';
import type { Locale } from '../language/locale';
import type { Sessions } from '../domain/sessions';
import type { ConversationMemory } from './conversationMemory';
import { FORGOT_WORD_DIALOG } from './forgotWordDialog';
import { LOGIN_DIALOG, type LoginResult } from './loginDialog';
import { RULE_FIGURES } from './knowledgeBase';
import { OPERATIONS_MENU_DIALOG, operationRunning, type MenuOptions } from './operationsMenuDialog';
import { forgetSession } from './session';
import { globalCommandOf, InterruptibleDialog } from './interruptibleDialog';
import { askWish, labelOf, WishPrompt, type WishQuestion } from './wishPrompt';
import { say, text, turnInfo } from './turn';
import { AGENT_CHOICE, PASSWORD_CHOICES, START_CHOICES, WISH_REASONS } from './startChoices';

export const MAIN_DIALOG = 'main';
const STEPS = 'main.steps';
/** The İşlemler Menüsü again, inside a session, after "iptal" or "menü". */
const SESSION_STEPS = 'main.session';
const START_CHOICE = 'main.choice';

/**
 * `question`: what to ask instead of the start's greeting (after a miss, an answer, "şifre" …);
 * `misses`: free-text messages not understood in a row, the second of which offers an agent;
 * `offerReset`: the citizen said at the word prompt that they forgot it; the reset is the one button.
 */
type Options = { again?: boolean; question?: WishQuestion; misses?: number; offerReset?: boolean };
/** The wish that needs a session, remembered through Şifreli Giriş. */
type Values = { wish?: Intent };

/** Where "temsilci" queues a hand-off; false when no agent is configured. */
export type HandOffQueue = { queue(context: TurnContext): Promise<boolean> };

/** The start: Güvenlik Sözcüğümü Unuttum, Şifreli Giriş, Yardım, or what the citizen asks for in their own words; and the way back to it. */
export class MainDialog extends InterruptibleDialog {
  private turnDialogs?: { state: StatePropertyAccessor; set: DialogSet };

  constructor(
    private readonly memory: StatePropertyAccessor<ConversationMemory>,
    private readonly sessions: Sessions,
    journeys: { forgotWord: ComponentDialog; login: ComponentDialog; operationsMenu: ComponentDialog },
    private readonly handOff: HandOffQueue | undefined,
    private readonly intents: IntentModel,
  ) {
    super(MAIN_DIALOG);
    this.addDialog(new WishPrompt(START_CHOICE, intents));
    this.addDialog(journeys.forgotWord);
    this.addDialog(journeys.login);
    this.addDialog(journeys.operationsMenu);
    this.addDialog(
      new WaterfallDialog(STEPS, [this.offer.bind(this), this.route.bind(this), this.openMenu.bind(this), this.loop.bind(this)]),
    );
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

  /** The dialog context of this turn. The dialog set holds no turn's state, so it is built once. */
  private contextFor(context: TurnContext, dialogState: StatePropertyAccessor): Promise<DialogContext> {
    if (this.turnDialogs?.state !== dialogState) this.turnDialogs = { state: dialogState, set: new DialogSet(dialogState).add(this) };
    return this.turnDialogs.set.createContext(context);
  }

  /**
   * Greet and offer the three ways in; a first message that already says what it wants goes straight
   * there, and a chat opened from a link with a topic (a reminder's renewal link) opens with its answer.
   */
  private async offer(step: WaterfallStepContext<Options>): Promise<DialogTurnResult> {
    const activity = step.context.activity;
    const { again, question, offerReset } = step.options;
    const topic = again ? undefined : turnInfo(step.context).profile.openingTopic;
    if (topic) {
      await say(step.context, `start.topic.${topic}`);
      return step.next({ kind: 'intent', intent: OPENING_TOPICS[topic] } satisfies Understanding);
    }
    // A command that opens the conversation ("menü", "iptal") is no wish: the greeting answers it; "yardım" is the start's Yardım.
    const command = globalCommandOf(activity.text);
    if (
      !again &&
      activity.type === ActivityTypes.Message &&
      activity.text &&
      !/^\s*\d/.test(activity.text) &&
      (command === undefined || command === 'help')
    ) {
      const said = await this.firstWish(step.context, activity.text);
      if (said.kind !== 'miss' && !(said.kind === 'intent' && said.intent === 'greeting')) return step.next(said);
    }
    if (offerReset) {
      // One button, the reset; the other ways in still work when typed, and a yes takes the reset.
      return step.prompt(
        START_CHOICE,
        askWish({ prompt: 'login.forgotOffer', help: 'start.help', choices: START_CHOICES.slice(0, 1), yesPicks: 0 }),
      );
    }
    const prompt = question ?? { prompt: again ? 'start.again' : 'start.greeting', help: 'start.help', choices: START_CHOICES };
    return step.prompt(START_CHOICE, askWish(prompt));
  }

  /** Go where the citizen chose or asked to go. */
  private async route(step: WaterfallStepContext<Options>): Promise<DialogTurnResult> {
    const said = step.result as Understanding;
    if (said.kind === 'password')
      return this.ask(step, { prompt: 'understanding.password', help: 'start.help', choices: PASSWORD_CHOICES });
    if (said.kind === 'unsure') {
      const [first, second] = said.guesses.map((intent) => text(step.context, labelOf(intent)));
      const choices = said.guesses.map((intent) => ({ label: labelOf(intent), intent }));
      return this.ask(step, {
        prompt: 'understanding.didYouMean',
        params: { first: first!, second: second! },
        help: 'start.help',
        choices,
      });
    }
    if (said.kind === 'miss') {
      const misses = (step.options.misses ?? 0) + 1;
      if (misses >= 2)
        return this.ask(step, { prompt: 'understanding.missAgain', help: 'start.help', choices: [...START_CHOICES, AGENT_CHOICE] }, misses);
      return this.ask(step, { prompt: 'understanding.miss', help: 'start.help', choices: START_CHOICES }, misses);
    }
    return this.fulfil(step, said.intent);
  }

  /** What a wish leads to: a journey, an answer, or a short reply. */
  private async fulfil(step: WaterfallStepContext<Options>, intent: Intent): Promise<DialogTurnResult> {
    const reason = WISH_REASONS[intent];
    if (reason) {
      (step.values as Values).wish = intent;
      await say(step.context, reason);
      return step.beginDialog(LOGIN_DIALOG);
    }
    if (isTopic(intent)) {
      await step.context.sendActivity(answerOf(intent, turnInfo(step.context).locale, RULE_FIGURES));
      const wayOn = wayOnOf(intent).map((next) => ({ label: labelOf(next), intent: next }));
      const rest = START_CHOICES.filter((choice) => !wayOn.some((next) => next.intent === choice.intent));
      return this.ask(step, { prompt: 'start.again', help: 'start.help', choices: [...wayOn, ...rest] });
    }
    switch (intent) {
      case 'forgotWord':
        return step.beginDialog(FORGOT_WORD_DIALOG);
      case 'login':
        return step.beginDialog(LOGIN_DIALOG);
      case 'agent':
        if (await this.handOff?.queue(step.context)) return step.endDialog();
        await say(step.context, 'global.agent');
        return this.ask(step, { prompt: 'start.again', help: 'start.help', choices: START_CHOICES });
      case 'thanks':
        return this.ask(step, { prompt: 'smallTalk.thanks', help: 'start.help', choices: [] });
      case 'greeting':
        return this.ask(step, { prompt: 'smallTalk.greeting', help: 'start.help', choices: START_CHOICES });
      case 'goodbye':
        await this.logout(step);
        await say(step.context, 'smallTalk.goodbye');
        return step.endDialog();
      case 'languageEnglish':
      case 'languageTurkish':
        await this.switchLanguage(step, intent === 'languageEnglish' ? 'en' : 'tr');
        await say(step.context, 'global.languageChanged');
        return this.ask(step, { prompt: 'start.again', help: 'start.help', choices: START_CHOICES });
      case 'outOfScope':
        return this.ask(step, { prompt: 'understanding.outOfScope', help: 'start.help', choices: START_CHOICES });
      default:
        await say(step.context, 'start.help');
        return step.next();
    }
  }

  /** A citizen who has just logged in goes on to the İşlemler Menüsü (or straight to the operation wished for); one who forgot the word, to the reset. */
  private async openMenu(step: WaterfallStepContext<Options>): Promise<DialogTurnResult> {
    const result = step.result as LoginResult | undefined;
    if (result === true) return step.beginDialog(OPERATIONS_MENU_DIALOG, { wish: (step.values as Values).wish } satisfies MenuOptions);
    if (result === 'chose-reset') return step.beginDialog(FORGOT_WORD_DIALOG);
    if (result === 'forgot') return step.replaceDialog(STEPS, { again: true, offerReset: true } satisfies Options);
    return step.next();
  }

  /** Back to the choices. */
  private async loop(step: WaterfallStepContext<Options>): Promise<DialogTurnResult> {
    return step.replaceDialog(STEPS, { again: true } satisfies Options);
  }

  /** Asks again at the start with another question; `misses` carries the misses in a row (none after anything understood). */
  private ask(step: WaterfallStepContext<Options>, question: WishQuestion, misses = 0): Promise<DialogTurnResult> {
    return step.replaceDialog(STEPS, { again: true, question, misses } satisfies Options);
  }

  /** The first message of a conversation, read like any answer at the start. */
  private async firstWish(context: TurnContext, said: string): Promise<Understanding> {
    if (isPasswordAlone(said)) return { kind: 'password' };
    const labels = START_CHOICES.map((choice) => text(context, choice.label));
    const chosen = matchChoice(
      said,
      labels,
      START_CHOICES.map((choice) => choiceSynonymsOf(choice.label)),
    );
    if (chosen !== undefined) return { kind: 'intent', intent: START_CHOICES[chosen]!.intent };
    return understand(this.intents, said, turnInfo(context).locale);
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
    await say(innerDc.context, operationRunning(innerDc.child) ? 'global.cancelled' : 'global.nothingToCancel');
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
