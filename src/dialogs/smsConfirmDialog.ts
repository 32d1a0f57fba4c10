import { TurnContext, type StatePropertyAccessor } from 'botbuilder';
import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from './dialogRuntime';
import type { AuditSubjects } from '../domain/audit';
import type { CitizenConversations } from '../domain/citizenConversations';
import { maskPhone } from '../domain/identity';
import type { OneTimeCodes, SendOutcome, VerifyOutcome } from '../domain/oneTimeCodes';
import type { RateLimits } from '../domain/rateLimits';
import type { Sessions } from '../domain/sessions';
import { CodeEntryDialog, type CodeSession } from './codeEntryDialog';
import type { ConversationMemory } from './conversationMemory';
import { ask, ChoiceInputPrompt } from './prompts';
import { actorOf, sessionIdOf } from './session';
import { say, text, turnInfo } from './turn';

export const SMS_CONFIRM_DIALOG = 'smsConfirm';
const STEPS = 'smsConfirm.steps';
const CONFIRM_CHOICE = 'smsConfirm.choice';

enum Confirm {
  Send,
  NotMine,
}

/**
 * SMS Onay: the masked registered phone, Onay or "Bu numara bana ait değil", then the 6-digit
 * code with the seconds left (CodeEntryDialog). Ends with true when the code was right.
 */
export class SmsConfirmDialog extends CodeEntryDialog {
  constructor(
    private readonly codes: OneTimeCodes,
    private readonly sessions: Sessions,
    rateLimits: RateLimits,
    private readonly subjects: AuditSubjects,
    private readonly memory: StatePropertyAccessor<ConversationMemory>,
    private readonly conversations: CitizenConversations,
  ) {
    super(SMS_CONFIRM_DIALOG, codes, rateLimits, {
      prompt: 'sms.codePrompt',
      promptAgain: 'sms.codePromptAgain',
      help: 'sms.codeHelp',
      dead: 'sms.codeDead',
    });
    this.addDialog(new ChoiceInputPrompt(CONFIRM_CHOICE));
    this.addDialog(new WaterfallDialog(STEPS, [this.showPhone.bind(this), this.sendFirstCode.bind(this), this.finish.bind(this)]));
    this.initialDialogId = STEPS;
  }

  /** Show the registered phone, masked, with Onay and "Bu numara bana ait değil". */
  private async showPhone(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const current = await this.codeSession(step);
    if (!current) return step.endDialog(false);
    return step.prompt(
      CONFIRM_CHOICE,
      ask({
        prompt: 'sms.confirmPrompt',
        params: { phone: maskPhone(current.session.phone) },
        help: 'sms.confirmHelp',
        choices: ['sms.choice.confirm', 'sms.choice.notMine'],
        // "evet" / "tamam" is Onay; "hayır" is that the number is not theirs: either way nothing is guessed.
        yesPicks: Confirm.Send,
        noPicks: Confirm.NotMine,
      }),
    );
  }

  /** Onay sends the code; a number that is not theirs gets the call center and nothing is sent. */
  private async sendFirstCode(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (step.result === Confirm.NotMine) {
      await say(step.context, 'sms.notMine');
      return step.endDialog(false);
    }
    const current = await this.codeSession(step);
    if (!current || !(await this.send(step, current))) return step.endDialog(false);
    return step.beginDialog(this.codeSteps);
  }

  private async finish(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.endDialog(step.result === true);
  }

  /** The login being confirmed; when it timed out the citizen is told so. */
  protected async codeSession(step: WaterfallStepContext): Promise<CodeSession | undefined> {
    const id = await sessionIdOf(step.context, this.memory);
    const check = await this.sessions.touch(id);
    if (check.state === 'active') return { id: id!, session: check.session };
    await say(step.context, 'session.expired');
    return undefined;
  }

  protected sendCode(step: WaterfallStepContext, { id, session }: CodeSession): Promise<SendOutcome> {
    const message = (code: string) => text(step.context, 'sms.codeMessage', { code });
    return this.codes.send(id, session.phone, message, actorOf(step.context, session, this.subjects));
  }

  /**
   * A right code confirms the login: the İşlemler Menüsü opens. The conversation is remembered for
   * the expiry reminders: its language, and where the bot can write to it later, where it is.
   */
  protected async verifyCode(step: WaterfallStepContext, { id, session }: CodeSession, code: string): Promise<VerifyOutcome> {
    const outcome = await this.codes.verify(id, code);
    if (outcome.result !== 'passed') return outcome;
    await this.sessions.confirm(id);
    const { channel, locale, profile } = turnInfo(step.context);
    await this.conversations.remember(session.citizenId, {
      channel,
      locale,
      reference: profile.reachableLater ? TurnContext.getConversationReference(step.context.activity) : undefined,
    });
    return outcome;
  }
}
