/**
 * The parts of botbuilder-dialogs the dialogs use, each from its own file. The package's index also
 * loads every prompt it ships and with them @microsoft/recognizers-text's number, date-time and
 * choice models (about 11 MB of source held as strings, 14 MB of RSS) for prompts we never use: ours
 * are our own (prompts.ts, secretPrompts.ts, wishPrompt.ts, serialPrompt.ts). ESLint keeps the index
 * out of src/.
 */
export { ComponentDialog } from 'botbuilder-dialogs/lib/componentDialog';
export { DialogTurnStatus } from 'botbuilder-dialogs/lib/dialog';
export { DialogSet } from 'botbuilder-dialogs/lib/dialogSet';
export { Prompt } from 'botbuilder-dialogs/lib/prompts/prompt';
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
