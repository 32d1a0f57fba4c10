import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from './dialogRuntime';
import type { MessageKey } from '../language/messages';
import { normalize } from '../language/normalize';
import { codeInSentence } from '../language/entities';
import { digitsOf } from '../language/numbers';
import { CODE_DIGITS, type SendOutcome, type VerifyOutcome } from '../domain/oneTimeCodes';
import type { RateLimits } from '../domain/rateLimits';
import type { Session } from '../domain/sessions';
import { ask, ChoiceInputPrompt } from './prompts';
import { CodeInputPrompt } from './secretPrompts';
import { sourceIsPaused } from './sourcePause';
import { say, turnInfo } from './turn';

/** What differs between one code entry and another; the rest is said as in SMS Onay. */
export type CodeTexts = { prompt: MessageKey; promptAgain: MessageKey; help: MessageKey; dead: MessageKey };

/** The session a code belongs to; its id names the code's flow. */
export type CodeSession = { id: string; session: Session };

/** How long the session's current code lives, and whether another may be sent. */
export interface CodeClock {
  secondsLeft(sessionId: string): Promise<number | undefined>;
  canSendAnother(sessionId: string): Promise<boolean>;
}

const NEW_CODE_WORDS = new Set(['yeni kod', 'yeni kod gonder', 'tekrar gonder', 'kod gelmedi', 'new code', 'send a new code', 'resend']);

/**
 * Typing a 6-digit code sent by SMS (SPEC §1.6), for SMS Onay and for a new phone number: each
 * prompt shows the seconds left, "yeni kod" sends another after 60 s, three wrong codes kill it,
 * an expired one offers a new code. The code steps end with true when the code was right.
 */
export abstract class CodeEntryDialog extends ComponentDialog {
  protected readonly codeSteps: string;
  private readonly expiredSteps: string;
  private readonly codePrompt: string;
  private readonly newCodeChoice: string;

  constructor(
    dialogId: string,
    private readonly codeClock: CodeClock,
    private readonly rateLimits: RateLimits,
    private readonly texts: CodeTexts,
  ) {
    super(dialogId);
    this.codeSteps = `${dialogId}.code`;
    this.expiredSteps = `${dialogId}.expired`;
    this.codePrompt = `${dialogId}.codePrompt`;
    this.newCodeChoice = `${dialogId}.newCode`;
    this.addDialog(new CodeInputPrompt(this.codePrompt));
    this.addDialog(new ChoiceInputPrompt(this.newCodeChoice));
    this.addDialog(new WaterfallDialog(this.codeSteps, [this.askCode.bind(this), this.checkCode.bind(this)]));
    this.addDialog(new WaterfallDialog(this.expiredSteps, [this.offerNewCode.bind(this), this.sendNewCode.bind(this)]));
  }

  /** The session the code belongs to; when it has timed out the citizen has been told. */
  protected abstract codeSession(step: WaterfallStepContext): Promise<CodeSession | undefined>;

  protected abstract sendCode(step: WaterfallStepContext, current: CodeSession): Promise<SendOutcome>;

  /** Checks a code; 'passed' once what it confirms has been done. */
  protected abstract verifyCode(step: WaterfallStepContext, current: CodeSession, code: string): Promise<VerifyOutcome>;

  /** Ask for the code, with the seconds it has left. */
  private async askCode(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const current = await this.codeSession(step);
    const seconds = current ? await this.codeClock.secondsLeft(current.id) : undefined;
    if (seconds === undefined) return step.endDialog(false);
    if (seconds === 0) return step.replaceDialog(this.expiredSteps);
    // Asked again while it waits (after "yardım" or "English"), the question leaves out the seconds, which by then are stale.
    return step.prompt(
      this.codePrompt,
      ask({ prompt: this.texts.prompt, again: this.texts.promptAgain, params: { seconds }, help: this.texts.help }),
    );
  }

  /** Right → done; wrong → tries left; third wrong → the code is dead; expired → offer a new code. A paused source gets no check. */
  private async checkCode(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = step.result as string;
    if (await sourceIsPaused(step.context, this.rateLimits)) return step.endDialog(false);
    const current = await this.codeSession(step);
    if (!current) return step.endDialog(false);

    if (NEW_CODE_WORDS.has(normalize(answer))) {
      await this.send(step, current);
      return step.replaceDialog(this.codeSteps);
    }
    const code = digitsOf(answer) ?? codeInSentence(answer, CODE_DIGITS);
    if (code === undefined || code.length !== CODE_DIGITS) {
      await say(step.context, 'sms.codeFormat');
      return step.replaceDialog(this.codeSteps);
    }

    const outcome = await this.verifyCode(step, current, code);
    if (outcome.result === 'passed') return step.endDialog(true);
    if (outcome.result === 'expired') return step.replaceDialog(this.expiredSteps);
    const counted = await this.rateLimits.recordFailedCheck(turnInfo(step.context));
    if (outcome.result === 'dead') {
      await say(step.context, this.texts.dead);
      return step.endDialog(false);
    }
    await say(step.context, 'sms.codeWrong', { left: outcome.triesLeft });
    if (counted === 'source-paused' && (await sourceIsPaused(step.context, this.rateLimits))) return step.endDialog(false);
    return step.replaceDialog(this.codeSteps);
  }

  /** The code expired: offer a new one while the login allows it. */
  private async offerNewCode(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const current = await this.codeSession(step);
    if (!current) return step.endDialog(false);
    if (!(await this.codeClock.canSendAnother(current.id))) {
      await say(step.context, 'sms.limit');
      return step.endDialog(false);
    }
    return step.prompt(
      this.newCodeChoice,
      // "Yeni bir kod gönderilsin mi?" takes a yes or a no as well as its two choices.
      ask({
        prompt: 'sms.expiredPrompt',
        help: this.texts.help,
        choices: ['sms.choice.newCode', 'sms.choice.stop'],
        yesPicks: 0,
        noPicks: 1,
      }),
    );
  }

  /** "Yeni kod gönder" sends one; "Vazgeç" stops. */
  private async sendNewCode(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (step.result !== 0) return step.endDialog(false);
    const current = await this.codeSession(step);
    if (!current || !(await this.send(step, current))) return step.endDialog(false);
    return step.replaceDialog(this.codeSteps);
  }

  /** Sends a code; true when there is one to type. */
  protected async send(step: WaterfallStepContext, current: CodeSession): Promise<boolean> {
    return this.reportSend(step, await this.sendCode(step, current));
  }

  /** Says why no code went out; true when there is one to type (also the last one, while a new one must wait). */
  protected async reportSend(step: WaterfallStepContext, outcome: SendOutcome): Promise<boolean> {
    if (outcome.result === 'sent') return true;
    if (outcome.result === 'wait') await say(step.context, 'sms.wait', { seconds: outcome.seconds });
    if (outcome.result === 'limit') await say(step.context, 'sms.limit');
    if (outcome.result === 'dailyLimit') await say(step.context, 'sms.dailyLimit');
    if (outcome.result === 'failed') await say(step.context, 'sms.sendFailed');
    return outcome.result === 'wait';
  }
}
