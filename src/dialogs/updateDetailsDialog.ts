import { TurnContext } from 'botbuilder';
import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from './dialogRuntime';
import type { MessageKey } from '../language/messages';
import { parseEmail, type EmailChangeService } from '../domain/emailChange';
import type { SendOutcome, VerifyOutcome } from '../domain/oneTimeCodes';
import { formatMobilePhone, parseMobilePhone, type PhoneChangeService } from '../domain/phoneChange';
import type { RateLimits } from '../domain/rateLimits';
import { CodeEntryDialog, type CodeSession } from './codeEntryDialog';
import { ask, ChoiceInputPrompt, TextInputPrompt } from './prompts';
import type { SessionGuard } from './session';
import { say, text, turnInfo } from './turn';

export const UPDATE_DETAILS_DIALOG = 'updateDetails';
const STEPS = 'updateDetails.steps';
const PHONE_STEPS = 'updateDetails.phone';
const EMAIL_STEPS = 'updateDetails.email';
const DETAIL_CHOICE = 'updateDetails.choice';
const PHONE_PROMPT = 'updateDetails.phonePrompt';
const EMAIL_PROMPT = 'updateDetails.emailPrompt';

enum Detail {
  Email,
  Phone,
}

/** `detail`: the citizen already said which one (a wish such as "telefon numaram değişti"). */
export type UpdateDetailsOptions = { detail?: 'email' | 'phone' };

/**
 * Bilgi Güncelle: a new e-mail address, changed once the link mailed to it is confirmed on our own
 * page; or a new mobile number, changed once the code sent to it comes back (CodeEntryDialog).
 * Either way the old address or number is told.
 */
export class UpdateDetailsDialog extends CodeEntryDialog {
  constructor(
    private readonly phoneChanges: PhoneChangeService,
    private readonly emailChanges: EmailChangeService,
    rateLimits: RateLimits,
    private readonly guard: SessionGuard,
  ) {
    super(UPDATE_DETAILS_DIALOG, phoneChanges, rateLimits, {
      prompt: 'update.phone.codePrompt',
      promptAgain: 'update.phone.codePromptAgain',
      help: 'update.phone.codeHelp',
      dead: 'update.phone.codeDead',
    });
    this.addDialog(new ChoiceInputPrompt(DETAIL_CHOICE));
    this.addDialog(new TextInputPrompt(PHONE_PROMPT));
    this.addDialog(new TextInputPrompt(EMAIL_PROMPT));
    this.addDialog(new WaterfallDialog(STEPS, [this.chooseDetail.bind(this), this.route.bind(this)]));
    this.addDialog(
      new WaterfallDialog(PHONE_STEPS, [this.askPhone.bind(this), this.sendPhoneCode.bind(this), this.finishPhone.bind(this)]),
    );
    this.addDialog(new WaterfallDialog(EMAIL_STEPS, [this.askEmail.bind(this), this.sendEmailLink.bind(this)]));
    this.initialDialogId = STEPS;
  }

  /** The e-mail address or the mobile number. */
  private async chooseDetail(step: WaterfallStepContext<UpdateDetailsOptions>): Promise<DialogTurnResult> {
    if (!(await this.guard.active(step.context))) return step.endDialog();
    if (step.options.detail) return step.next(step.options.detail === 'email' ? Detail.Email : Detail.Phone);
    return step.prompt(
      DETAIL_CHOICE,
      ask({ prompt: 'update.prompt', help: 'update.help', choices: ['update.choice.email', 'update.choice.phone'] }),
    );
  }

  /** On to the detail chosen. */
  private async route(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.beginDialog(step.result === Detail.Email ? EMAIL_STEPS : PHONE_STEPS);
  }

  /** The new mobile number. */
  private async askPhone(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.prompt(PHONE_PROMPT, ask({ prompt: 'update.phone.prompt', help: 'update.phone.help' }));
  }

  /** A code goes to the new number; a number that cannot be one gets the reason and the question again. */
  private async sendPhoneCode(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const current = await this.codeSession(step);
    if (!current) return step.endDialog();
    const check = parseMobilePhone(step.result as string);
    if (!check.ok) return this.askAgain(step, `update.phone.invalid.${check.reason}`, PHONE_STEPS);
    const actor = this.guard.actor(step.context, current.session);
    const outcome = await this.phoneChanges.sendCode(current.id, current.session.citizenId, check.phone, this.codeMessage(step), actor);
    if (outcome.result === 'same') return this.askAgain(step, 'update.phone.same', PHONE_STEPS);
    // A code that did not go to this number cannot confirm it, not even the previous one while a new one must wait.
    if (outcome.result !== 'sent') {
      await this.reportSend(step, outcome);
      return step.endDialog();
    }
    await say(step.context, 'update.phone.codeSent', { phone: formatMobilePhone(check.phone) });
    return step.beginDialog(this.codeSteps);
  }

  /** The right code has changed the number. */
  private async finishPhone(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (step.result === true) await say(step.context, 'update.phone.changed');
    return step.endDialog();
  }

  /** The new e-mail address. */
  private async askEmail(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.prompt(EMAIL_PROMPT, ask({ prompt: 'update.email.prompt', help: 'update.email.help' }));
  }

  /** A link goes to the new address; an address that cannot be one gets the question again. */
  private async sendEmailLink(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const session = await this.guard.active(step.context);
    if (!session) return step.endDialog();
    const check = parseEmail(step.result as string);
    if (!check.ok) return this.askAgain(step, 'update.email.invalid', EMAIL_STEPS);
    const actor = this.guard.actor(step.context, session);
    // The conversation is told once the link is confirmed, as after a security-word reset.
    const conversation = TurnContext.getConversationReference(step.context.activity);
    const outcome = await this.emailChanges.request(session.citizenId, check.email, turnInfo(step.context).locale, actor, conversation);
    if (outcome.result === 'same') return this.askAgain(step, 'update.email.same', EMAIL_STEPS);
    await say(step.context, outcome.result === 'sent' ? 'update.email.sent' : 'update.email.limited', { email: check.email });
    return step.endDialog();
  }

  /** The logged-in session; a phone change's codes are tied to it. */
  protected async codeSession(step: WaterfallStepContext): Promise<CodeSession | undefined> {
    const id = await this.guard.sessionId(step.context);
    const session = await this.guard.active(step.context);
    return id && session ? { id, session } : undefined;
  }

  protected sendCode(step: WaterfallStepContext, { id, session }: CodeSession): Promise<SendOutcome> {
    return this.phoneChanges.resendCode(id, this.codeMessage(step), this.guard.actor(step.context, session));
  }

  /** A right code changes the number; the old one is told by SMS. */
  protected verifyCode(step: WaterfallStepContext, { id, session }: CodeSession, code: string): Promise<VerifyOutcome> {
    const actor = this.guard.actor(step.context, session);
    return this.phoneChanges.confirm(id, session.citizenId, code, actor, turnInfo(step.context).locale);
  }

  /** Says why the answer will not do, and asks the question again. */
  private async askAgain(step: WaterfallStepContext, why: MessageKey, steps: string): Promise<DialogTurnResult> {
    await say(step.context, why);
    return step.replaceDialog(steps);
  }

  private codeMessage(step: WaterfallStepContext): (code: string) => string {
    return (code) => text(step.context, 'update.phone.codeMessage', { code });
  }
}
