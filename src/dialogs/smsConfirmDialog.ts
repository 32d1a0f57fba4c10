import type { StatePropertyAccessor } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { AuditSubjects } from '../services/audit';
import { maskPhone } from '../services/identity';
import type { OneTimeCodes } from '../services/oneTimeCodes';
import type { RateLimits } from '../services/rateLimits';
import type { Sessions } from '../services/sessions';
import { digitsOf, normalize } from '../language/recognize';
import type { ConversationMemory } from './mainDialog';
import { ask, ChoiceInputPrompt, TextInputPrompt } from './prompts';
import { say, text, turnInfo } from './turn';

export const SMS_CONFIRM_DIALOG = 'smsConfirm';
const STEPS = 'smsConfirm.steps';
const CODE_STEPS = 'smsConfirm.code';
const EXPIRED_STEPS = 'smsConfirm.expired';
const CONFIRM_CHOICE = 'smsConfirm.choice';
const NEW_CODE_CHOICE = 'smsConfirm.newCode';
const CODE_PROMPT = 'smsConfirm.codePrompt';

const NEW_CODE_WORDS = new Set(['yeni kod', 'yeni kod gonder', 'tekrar gonder', 'kod gelmedi', 'new code', 'send a new code', 'resend']);

enum Confirm { Send, NotMine }

/**
 * SMS Onay: the masked registered phone, Onay or "Bu numara bana ait değil", then the 6-digit
 * code with the seconds left. Ends with true when the code was right.
 */
export class SmsConfirmDialog extends ComponentDialog {
  constructor(
    private readonly codes: OneTimeCodes,
    private readonly sessions: Sessions,
    private readonly rateLimits: RateLimits,
    private readonly subjects: AuditSubjects,
    private readonly memory: StatePropertyAccessor<ConversationMemory>,
  ) {
    super(SMS_CONFIRM_DIALOG);
    this.addDialog(new ChoiceInputPrompt(CONFIRM_CHOICE));
    this.addDialog(new ChoiceInputPrompt(NEW_CODE_CHOICE));
    this.addDialog(new TextInputPrompt(CODE_PROMPT));
    this.addDialog(new WaterfallDialog(STEPS, [this.showPhone.bind(this), this.sendFirstCode.bind(this), this.finish.bind(this)]));
    this.addDialog(new WaterfallDialog(CODE_STEPS, [this.askCode.bind(this), this.checkCode.bind(this)]));
    this.addDialog(new WaterfallDialog(EXPIRED_STEPS, [this.offerNewCode.bind(this), this.sendNewCode.bind(this)]));
    this.initialDialogId = STEPS;
  }

  /** Show the registered phone, masked, with Onay and "Bu numara bana ait değil". */
  private async showPhone(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const session = await this.session(step);
    if (!session) return step.endDialog(false);
    return step.prompt(
      CONFIRM_CHOICE,
      ask({
        prompt: 'sms.confirmPrompt',
        params: { phone: maskPhone(session.phone) },
        help: 'sms.confirmHelp',
        choices: ['sms.choice.confirm', 'sms.choice.notMine'],
      }),
    );
  }

  /** Onay sends the code; a number that is not theirs gets the call center and nothing is sent. */
  private async sendFirstCode(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (step.result === Confirm.NotMine) {
      await say(step.context, 'sms.notMine');
      return step.endDialog(false);
    }
    if (!(await this.send(step))) return step.endDialog(false);
    return step.beginDialog(CODE_STEPS);
  }

  private async finish(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.endDialog(step.result === true);
  }

  /** Ask for the code, with the seconds it has left. */
  private async askCode(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const sessionId = await this.sessionId(step);
    const seconds = sessionId ? await this.codes.secondsLeft(sessionId) : undefined;
    if (seconds === undefined) return step.endDialog(false);
    if (seconds === 0) return step.replaceDialog(EXPIRED_STEPS);
    return step.prompt(CODE_PROMPT, ask({ prompt: 'sms.codePrompt', params: { seconds }, help: 'sms.codeHelp' }));
  }

  /** Right → done; wrong → tries left; third wrong → log in again; expired → offer a new code. */
  private async checkCode(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = step.result as string;
    const session = await this.session(step);
    if (!session) return step.endDialog(false);
    const sessionId = (await this.sessionId(step))!;

    if (NEW_CODE_WORDS.has(normalize(answer))) {
      await this.send(step);
      return step.replaceDialog(CODE_STEPS);
    }
    const code = digitsOf(answer);
    if (code === undefined || code.length !== 6) {
      await say(step.context, 'sms.codeFormat');
      return step.replaceDialog(CODE_STEPS);
    }

    const outcome = await this.codes.verify(sessionId, code);
    if (outcome.result === 'passed') {
      await this.sessions.confirm(sessionId);
      return step.endDialog(true);
    }
    if (outcome.result === 'expired') return step.replaceDialog(EXPIRED_STEPS);
    await this.rateLimits.recordFailedCheck(turnInfo(step.context).rateSubject);
    if (outcome.result === 'dead') {
      await say(step.context, 'sms.codeDead');
      return step.endDialog(false);
    }
    await say(step.context, 'sms.codeWrong', { left: outcome.triesLeft });
    return step.replaceDialog(CODE_STEPS);
  }

  /** The code expired: offer a new one while the login allows it. */
  private async offerNewCode(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const sessionId = await this.sessionId(step);
    if (!sessionId || !(await this.codes.canSendAnother(sessionId))) {
      await say(step.context, 'sms.limit');
      return step.endDialog(false);
    }
    return step.prompt(
      NEW_CODE_CHOICE,
      ask({ prompt: 'sms.expiredPrompt', help: 'sms.codeHelp', choices: ['sms.choice.newCode', 'sms.choice.stop'] }),
    );
  }

  private async sendNewCode(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (step.result !== 0) return step.endDialog(false);
    if (!(await this.send(step))) return step.endDialog(false);
    return step.replaceDialog(CODE_STEPS);
  }

  /** Sends a code and says why when none went out; true when one did. */
  private async send(step: WaterfallStepContext): Promise<boolean> {
    const session = await this.session(step);
    const sessionId = await this.sessionId(step);
    if (!session || !sessionId) return false;
    const actor = { subject: this.subjects.of(session.nationalId), channel: step.context.activity.channelId };
    const outcome = await this.codes.send(sessionId, session.phone, (code) => text(step.context, 'sms.codeMessage', { code }), actor);
    if (outcome.result === 'sent') return true;
    if (outcome.result === 'wait') await say(step.context, 'sms.wait', { seconds: outcome.seconds });
    if (outcome.result === 'limit') await say(step.context, 'sms.limit');
    if (outcome.result === 'failed') await say(step.context, 'sms.sendFailed');
    return outcome.result === 'wait';
  }

  private async sessionId(step: WaterfallStepContext): Promise<string | undefined> {
    return (await this.memory.get(step.context, {})).sessionId;
  }

  /** The login being confirmed; when it timed out the citizen is told so. */
  private async session(step: WaterfallStepContext) {
    const check = await this.sessions.touch(await this.sessionId(step));
    if (check.state === 'active') return check.session;
    await say(step.context, 'session.expired');
    return undefined;
  }
}
