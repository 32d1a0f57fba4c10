/**
 * The parts of botbuilder-dialogs the dialogs use, each from its own file. The package's index also
 * loads every prompt it ships and with them @microsoft/recognizers-text's number, date-time and
 * choice models (about 11 MB of source held as strings, 14 MB of RSS) for prompts we never use: ours
 * are our own (prompts.ts, secretPrompts.ts, wishPrompt.ts, serialPrompt.ts). ESLint keeps the index
 * out of src/.
 */
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
