import type { StatePropertyAccessor } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from './dialogRuntime';
import type { NationalId } from '../domain/identity';
import { MAX_FAILED_LOGINS, type LoginService } from '../domain/login';
import { forgotWordAnswerOf, type ForgotWordAnswer } from '../language/forgotWord';
import type { NationalIdReferences } from '../domain/nationalIdReferences';
import type { RateLimits } from '../domain/rateLimits';
import type { Sessions } from '../domain/sessions';
import { HUMAN_CHECK_DIALOG } from './humanCheckDialog';
import { IDENTIFICATION_DIALOG } from './identificationDialog';
import { IdReferenceSteps } from './idReferenceSteps';
import type { ConversationMemory } from './conversationMemory';
import { ask } from './prompts';
import { SecretInputPrompt } from './secretPrompts';
import { forgetSession } from './session';
import { SMS_CONFIRM_DIALOG } from './smsConfirmDialog';
import { sourceIsPaused } from './sourcePause';
import { say, turnInfo } from './turn';

export const LOGIN_DIALOG = 'login';
const STEPS = 'login.steps';
const WORD_STEPS = 'login.word';
const WORD_PROMPT = 'login.wordPrompt';

/** The Kimlik No by reference only: dialog state outlives the flow (see NationalIdReferences). */
type Values = { idRef: string };
/**
 * `tries`: this login's tries so far, which a refused try (of a blocked ID) is answered by;
 * `lastTry`: one try is left, so the question comes with the reset one press away.
 */
type WordOptions = { idRef: string; tries?: number; lastTry?: boolean };

/** How a login ends: true with a confirmed session, false without; or the citizen said they forgot the word. */
export type LoginResult = boolean | ForgotWordAnswer;

/**
 * Şifreli Giriş: Kimlik No, the human check, the security word (three wrong in a row block the
 * account), then SMS Onay. Ends with true when the citizen holds a confirmed session; "unuttum" at
 * the word ends it with 'forgot' (no try used), the label "Güvenlik Sözcüğümü Unuttum" with
 * 'chose-reset'.
 */
export class LoginDialog extends ComponentDialog {
  constructor(
    private readonly login: LoginService,
    private readonly sessions: Sessions,
    private readonly rateLimits: RateLimits,
    private readonly memory: StatePropertyAccessor<ConversationMemory>,
    private readonly ids: NationalIdReferences,
    steps: { identification: ComponentDialog; humanCheck: ComponentDialog; smsConfirm: ComponentDialog },
  ) {
    super(LOGIN_DIALOG);
    this.addDialog(steps.identification);
    this.addDialog(steps.humanCheck);
    this.addDialog(steps.smsConfirm);
    this.addDialog(new SecretInputPrompt(WORD_PROMPT));
    this.addDialog(
      new IdReferenceSteps(
        STEPS,
        [
          this.identify.bind(this),
          this.checkHuman.bind(this),
          this.askWord.bind(this),
          this.confirmPhone.bind(this),
          this.finish.bind(this),
        ],
        ids,
      ),
    );
    this.addDialog(new WaterfallDialog(WORD_STEPS, [this.promptWord.bind(this), this.checkWord.bind(this)]));
    this.initialDialogId = STEPS;
  }

  /** Who is logging in: the Kimlik No. */
  private async identify(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.beginDialog(IDENTIFICATION_DIALOG);
  }

  /** A person must answer the human check before a security word is checked. */
  private async checkHuman(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const id = step.result as NationalId | undefined;
    if (!id) return step.endDialog(false);
    (step.values as Values).idRef = await this.ids.keep(id);
    return step.beginDialog(HUMAN_CHECK_DIALOG);
  }

  /** The security word, asked again after a wrong one until the account is blocked. */
  private async askWord(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (step.result !== true) return step.endDialog(false);
    return step.beginDialog(WORD_STEPS, { idRef: (step.values as Values).idRef } satisfies WordOptions);
  }

  /** The word was right: SMS Onay to the registered phone. */
  private async confirmPhone(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (step.result === 'forgot' || step.result === 'chose-reset') return step.endDialog(step.result);
    if (step.result !== true) return step.endDialog(false);
    return step.beginDialog(SMS_CONFIRM_DIALOG);
  }

  /** Logged in only once the code was right. */
  private async finish(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (step.result === true) return step.endDialog(true);
    await forgetSession(step.context, this.sessions, this.memory);
    return step.endDialog(false);
  }

  /** Ask for the security word, masked where the channel allows; before the last try with the reset as a button. */
  private async promptWord(step: WaterfallStepContext<WordOptions>): Promise<DialogTurnResult> {
    const choices = step.options.lastTry ? (['start.choice.forgot'] as const) : undefined;
    return step.prompt(WORD_PROMPT, ask({ prompt: 'login.wordPrompt', help: 'login.wordHelp', choices }));
  }

  /** Check it: success opens a session awaiting the SMS code; a wrong word says how many tries are left. A paused source gets no try. */
  private async checkWord(step: WaterfallStepContext<WordOptions>): Promise<DialogTurnResult> {
    const word = step.result as string;
    if (await sourceIsPaused(step.context, this.rateLimits)) return step.endDialog(false);
    // "unuttum" is no try at the word: nothing is checked, counted or logged, and the reset is offered.
    const forgot = forgotWordAnswerOf(word);
    if (forgot) {
      await this.ids.forget(step.options.idRef);
      return step.endDialog(forgot);
    }
    const id = await this.ids.resolve(step.options.idRef);
    if (!id) {
      await say(step.context, 'identification.expired');
      return step.endDialog(false);
    }
    const outcome = await this.login.logIn(id, word, { channel: turnInfo(step.context).channel, locale: turnInfo(step.context).locale });

    if (outcome.result === 'success') {
      await this.ids.forget(step.options.idRef);
      const { citizen } = outcome;
      const sessionId = await this.sessions.start({
        citizenId: citizen.id,
        nationalId: citizen.nationalId,
        firstName: citizen.firstName,
        lastName: citizen.lastName,
        phone: citizen.phone,
      });
      const memory = await this.memory.get(step.context, {});
      await this.memory.set(step.context, { ...memory, sessionId });
      return step.endDialog(true);
    }
    // Every refused word counts against the conversation and the source, the one that blocks and those on a blocked account too.
    const counted = await this.rateLimits.recordFailedCheck(turnInfo(step.context));
    // A blocked ID is refused without its word being checked, but answered as an unknown ID with
    // wrong words is: tries left while this login has some, then blocked (SPEC §1.5, §5).
    const tries = (step.options.tries ?? 0) + 1;
    const left = outcome.result === 'wrong' ? outcome.triesLeft : outcome.result === 'refused' ? MAX_FAILED_LOGINS - tries : 0;
    if (left <= 0) {
      await this.ids.forget(step.options.idRef);
      await say(step.context, 'login.blocked');
      return step.endDialog(false);
    }
    await say(step.context, left === 1 ? 'login.wrongLastTry' : 'login.wrong', { left });
    if (counted === 'source-paused' && (await sourceIsPaused(step.context, this.rateLimits))) return step.endDialog(false);
    return step.replaceDialog(WORD_STEPS, { ...step.options, tries, lastTry: left === 1 } satisfies WordOptions);
  }
}
