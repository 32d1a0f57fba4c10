/**
 * The parts of botbuilder-dialogs the dialogs use, each from its own file. The package's index also
 * loads every prompt it ships and with them @microsoft/recognizers-text's number, date-time and
 * choice models (about 11 MB of source held as strings, 14 MB of RSS) for prompts we never use: ours
 * are our own (prompts.ts, secretPrompts.ts, wishPrompt.ts, serialPrompt.ts). ESLint keeps the index
 * out of src/.
 */
import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { Prompt as LibraryPrompt } from 'botbuilder-dialogs/lib/prompts/prompt';

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

/**
 * botbuilder-dialogs' Prompt, reading the answer once a turn. The library announces each turn's
 * message to the innermost dialog before continuing it ("activityReceived"), and its Prompt reads
 * the answer there too, only to say whether the event stops bubbling (none of our dialogs listens
 * for it); the prompt then reads it again when it is continued. So every answer was read twice: the
 * intent model asked twice, a secret typed into our web chat deleted from the page twice.
 */
export abstract class Prompt<T> extends LibraryPrompt<T> {
  protected override async onPreBubbleEvent(): Promise<boolean> {
    return false;
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
