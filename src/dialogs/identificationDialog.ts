import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from './dialogRuntime';
import { parseNationalId, type NationalId } from '../domain/identity';
import type { RateLimits } from '../domain/rateLimits';
import { nationalIdIn } from '../language/entities';
import { ask, TextInputPrompt } from './prompts';
import { text, turnInfo } from './turn';

export const IDENTIFICATION_DIALOG = 'identification';
const STEPS = 'identification.steps';
const ID_PROMPT = 'identification.prompt';
const MAX_TRIES = 3;

type Options = { tries?: number };

/** Kimlik No: a T.C. Kimlik Numarası or a passport number, with the reason when it is not valid. Ends with the ID or undefined. */
export class IdentificationDialog extends ComponentDialog {
  constructor(private readonly rateLimits: RateLimits) {
    super(IDENTIFICATION_DIALOG);
    this.addDialog(new TextInputPrompt(ID_PROMPT));
    this.addDialog(new WaterfallDialog(STEPS, [this.askForId.bind(this), this.checkId.bind(this)]));
    this.initialDialogId = STEPS;
  }

  /** Ask for the Kimlik No. */
  private async askForId(step: WaterfallStepContext<Options>): Promise<DialogTurnResult> {
    return step.prompt(ID_PROMPT, ask({ prompt: 'identification.prompt', help: 'identification.help' }));
  }

  /** Accept a valid ID; otherwise give the reason and ask again, three times at most. */
  private async checkId(step: WaterfallStepContext<Options>): Promise<DialogTurnResult> {
    // "TC kimlik numaram 100 000 001 46", "T.C. 10000000146": the ID inside the sentence.
    const check = parseNationalId(nationalIdIn(step.result as string));
    if (check.ok) return step.endDialog(check.id satisfies NationalId);
    // A mistyped ID costs the source a failed check (a script guessing IDs pays for each guess); not
    // the conversation, where a citizen fumbling the keypad should not be paused.
    await this.rateLimits.countAgainstSource(turnInfo(step.context).source);

    const tries = (step.options.tries ?? 0) + 1;
    const reason = text(step.context, `identification.invalid.${check.reason}`);
    if (tries >= MAX_TRIES) {
      await step.context.sendActivity(`${reason} ${text(step.context, 'identification.giveUp')}`);
      return step.endDialog(undefined);
    }
    await step.context.sendActivity(`${reason} ${text(step.context, 'identification.tryAgain', { left: MAX_TRIES - tries })}`);
    return step.replaceDialog(STEPS, { tries } satisfies Options);
  }
}
