import { ActivityTypes } from 'botbuilder';
import { ComponentDialog, DialogTurnStatus, type DialogContext, type DialogTurnResult, type PromptOptions } from './dialogRuntime';
import { normalize } from '../language/normalize';
import type { Locale } from '../language/locale';
import { askOf, type Ask } from './prompts';
import { say } from './turn';

export type GlobalCommand = 'cancel' | 'help' | 'menu' | 'logout' | 'agent' | { language: Locale };

const COMMANDS: ReadonlyMap<string, GlobalCommand> = new Map<string, GlobalCommand>([
  ...['iptal', 'vazgec', 'cancel', 'stop'].map((word) => [word, 'cancel'] as const),
  ...['yardim', 'help', '?'].map((word) => [word, 'help'] as const),
  ...['menu', 'ana menu', 'basa don', 'main menu', 'start over'].map((word) => [word, 'menu'] as const),
  ...['cikis', 'logout', 'log out', 'oturumu kapat'].map((word) => [word, 'logout'] as const),
  ...['temsilci', 'agent', 'operator', 'musteri temsilcisi'].map((word) => [word, 'agent'] as const),
  ['english', { language: 'en' }],
  ['ingilizce', { language: 'en' }],
  ['turkce', { language: 'tr' }],
  ['turkish', { language: 'tr' }],
]);

/** The command a whole message stands for, if it is one ("İPTAL", "Yardım!", "English"). */
export function globalCommandOf(text: string | undefined): GlobalCommand | undefined {
  if (!text || text.length > 40) return undefined;
  return COMMANDS.get(normalize(text)) ?? (text.trim() === '?' ? 'help' : undefined);
}

/**
 * The commands that work at any step (SPEC §1), answered once here instead of in every step.
 * The root dialog extends this, so it sees every message before the step that is waiting. Only
 * a question that takes the cancel words as its answer (Ask.takesCancelWords) gets them itself.
 */
export abstract class InterruptibleDialog extends ComponentDialog {
  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const activity = innerDc.context.activity;
    const command = activity.type === ActivityTypes.Message ? globalCommandOf(activity.text) : undefined;
    if (command === undefined) return super.onContinueDialog(innerDc);
    if (command === 'cancel' && this.currentQuestion(innerDc)?.takesCancelWords) return super.onContinueDialog(innerDc);

    if (command === 'cancel') return this.onCancelCommand(innerDc);
    if (command === 'menu') return this.onMenuCommand(innerDc);
    if (command === 'help') {
      await this.explainCurrentStep(innerDc);
      return this.reprompt(innerDc);
    }
    if (command === 'agent') return this.onAgentCommand(innerDc);
    if (command === 'logout') {
      await this.logout(innerDc);
      return this.restart(innerDc);
    }
    await this.switchLanguage(innerDc, command.language);
    await say(innerDc.context, 'global.languageChanged');
    return this.reprompt(innerDc);
  }

  /** "iptal": ends whatever is going on, says so and shows the start again. */
  protected async onCancelCommand(innerDc: DialogContext): Promise<DialogTurnResult> {
    // At the start itself (no journey under way) there is nothing to cancel.
    await say(innerDc.context, innerDc.child ? 'global.cancelled' : 'global.nothingToCancel');
    return this.restart(innerDc);
  }

  /** "menü": the start again. */
  protected async onMenuCommand(innerDc: DialogContext): Promise<DialogTurnResult> {
    return this.restart(innerDc);
  }

  /** Ends whatever is going on and shows the start again. */
  protected async restart(innerDc: DialogContext): Promise<DialogTurnResult> {
    await innerDc.cancelAllDialogs();
    return innerDc.beginDialog(this.initialDialogId, { again: true });
  }

  /** "temsilci": how to reach the call center, and the current question again. */
  protected async onAgentCommand(innerDc: DialogContext): Promise<DialogTurnResult> {
    await say(innerDc.context, 'global.agent');
    return this.reprompt(innerDc);
  }

  protected abstract switchLanguage(innerDc: DialogContext, locale: Locale): Promise<void>;

  protected abstract logout(innerDc: DialogContext): Promise<void>;

  private async explainCurrentStep(innerDc: DialogContext): Promise<void> {
    const question = this.currentQuestion(innerDc);
    await say(innerDc.context, question?.help ?? 'start.help', question?.helpParams);
  }

  /** The question the innermost waiting prompt asked. */
  private currentQuestion(innerDc: DialogContext): Ask | undefined {
    let deepest = innerDc;
    while (deepest.child) deepest = deepest.child;
    return askOf((deepest.activeDialog?.state as { options?: PromptOptions } | undefined)?.options);
  }

  protected async reprompt(innerDc: DialogContext): Promise<DialogTurnResult> {
    // Questions are message keys, so after a language switch this asks in the new language.
    await innerDc.repromptDialog();
    return { status: DialogTurnStatus.waiting };
  }
}
