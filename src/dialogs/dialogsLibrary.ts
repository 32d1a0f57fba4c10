/**
 * The parts of botbuilder-dialogs the dialogs use, each from its own file. The package's index also
 * loads every prompt it ships and with them @microsoft/recognizers-text's number, date-time and
 * choice models (about 11 MB of source held as strings, 14 MB of RSS) for prompts we never use: ours
 * are our own (prompts.ts, secretPrompts.ts, wishPrompt.ts, serialPrompt.ts), built on the Prompt
 * below, since the library's own Prompt file loads its choice helpers and the number model (1.2 MB
 * of source, 4 MB of heap). ESLint keeps the index out of src/.
 */
import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { DialogContext, DialogInstance, DialogTurnResult, PromptOptions, PromptRecognizerResult } from 'botbuilder-dialogs';
import { Dialog } from 'botbuilder-dialogs/lib/dialog';

export { ComponentDialog } from 'botbuilder-dialogs/lib/componentDialog';
export { DialogTurnStatus } from 'botbuilder-dialogs/lib/dialog';
export { DialogSet } from 'botbuilder-dialogs/lib/dialogSet';
export { WaterfallDialog } from 'botbuilder-dialogs/lib/waterfallDialog';
export type {
  DialogContext,
  DialogInstance,
  DialogReason,
  DialogTurnResult,
  PromptOptions,
  PromptRecognizerResult,
  WaterfallStep,
  WaterfallStepContext,
} from 'botbuilder-dialogs';

/** What a prompt keeps on the dialog stack: how it was asked, and its own state between turns. */
type PromptInstanceState = { options: PromptOptions; state: object };

/**
 * A prompt, as botbuilder-dialogs' Prompt runs one, without what we never use: asks on its start,
 * reads each message (only messages) with `onRecognize`, ends with the value it recognized or asks
 * again (unless the turn already answered), and asks again when resumed or reprompted. Two things
 * differ on purpose. It ignores the announcement of a turn ("activityReceived"), on which the
 * library's Prompt read the answer only to say whether the event stops bubbling (none of our dialogs
 * listens for it), and then read it again when it was continued: every answer was read twice, the
 * intent model asked twice, a secret typed into our web chat deleted from the page twice. And it has
 * no validator, no choice list helpers and no adaptive-dialog resumption, which we never used.
 */
export abstract class Prompt<T> extends Dialog<PromptOptions> {
  protected abstract onPrompt(context: TurnContext, state: object, options: PromptOptions, isRetry: boolean): Promise<void>;

  protected abstract onRecognize(context: TurnContext, state: object, options: PromptOptions): Promise<PromptRecognizerResult<T>>;

  override async beginDialog(dc: DialogContext, options?: PromptOptions): Promise<DialogTurnResult> {
    const asked: PromptOptions = { ...options };
    // A prompt's activities say that an answer is expected (the library's Prompt sets it too).
    for (const activity of [asked.prompt, asked.retryPrompt])
      if (activity && typeof activity === 'object' && typeof activity.inputHint !== 'string') activity.inputHint = 'expectingInput';
    const instance = dc.activeDialog!.state as PromptInstanceState;
    instance.options = asked;
    instance.state = {};
    await this.onPrompt(dc.context, instance.state, instance.options, false);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.context.activity.type !== ActivityTypes.Message) return Dialog.EndOfTurn;
    const instance = dc.activeDialog!.state as PromptInstanceState;
    const recognized = await this.onRecognize(dc.context, instance.state, instance.options);
    if (recognized.succeeded) return dc.endDialog(recognized.value);
    if (!dc.context.responded) await this.onPrompt(dc.context, instance.state, instance.options, true);
    return Dialog.EndOfTurn;
  }

  /** Another dialog pushed over the prompt has ended: the question is asked again. */
  override async resumeDialog(dc: DialogContext): Promise<DialogTurnResult> {
    await this.repromptDialog(dc.context, dc.activeDialog!);
    return Dialog.EndOfTurn;
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const prompt = instance.state as PromptInstanceState;
    await this.onPrompt(context, prompt.state, prompt.options, false);
  }
}

/** The library's mark of a turn already announced, found on the first turn (see continueTurn). */
let announcedMark: symbol | undefined;

/**
 * `dc.continueDialog()` without the announcement. Before continuing the stack, the library
 * announces each turn to the innermost dialog ("activityReceived"), building a dialog context for
 * every level down to it (each a service container and a memory-scope manager), and marks the turn
 * as announced with a symbol of its own. Our prompts ignore the event (Prompt above) and nothing
 * else listens, so the first turn's mark is kept and later turns are marked before they continue.
 * Should a later version name its mark differently, nothing is found and every turn is announced.
 */
export async function continueTurn(dc: DialogContext): Promise<DialogTurnResult> {
  if (announcedMark) dc.context.turnState.set(announcedMark, true);
  const result = await dc.continueDialog();
  announcedMark ??= [...dc.context.turnState.keys()].find(
    (key): key is symbol => typeof key === 'symbol' && key.description === 'ActivityReceivedEmitted',
  );
  return result;
}
