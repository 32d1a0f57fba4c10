import { ActivityTypes, type TurnContext } from 'botbuilder';
import { Prompt, type DialogTurnResult, type PromptOptions, type PromptRecognizerResult, type WaterfallStepContext } from './dialogRuntime';
import type { MessageKey } from '../language/messages';
import { isSerial, matchSerial } from '../language/serials';
import { askOf, choiceRetryText, outOfRange, renderChoices, type Ask } from './prompts';
import { say, text } from './turn';

/** The citizen's own records (certificate or card serial numbers) as the choices, given as they are. */
export type SerialAsk = Ask & {
  serials: readonly string[];
  /** The citizen's serials that are not on offer here, each with the sentence saying why ({serial}). */
  unavailable?: readonly Unavailable[];
};

type Unavailable = { serial: string; reason: MessageKey };

type SerialState = { refused?: Unavailable; outOfRange?: boolean };

export function askSerial(question: SerialAsk): PromptOptions {
  return { validations: question };
}

/**
 * Asks for one of the serials, unless there is only one: a choice of one is no choice, so that one
 * is taken and the citizen told which (`only` says it, with {serial}); the step after gets it either way.
 */
export async function chooseSerial(
  step: WaterfallStepContext,
  promptId: string,
  question: SerialAsk,
  only: MessageKey,
): Promise<DialogTurnResult> {
  const [first, ...more] = question.serials;
  if (first !== undefined && more.length === 0) {
    await say(step.context, only, { serial: first });
    return step.next(first);
  }
  return step.prompt(promptId, askSerial(question));
}

/**
 * A choice among serial numbers: buttons or numbered lines like every choice, recognized by the
 * number or the serial itself, never by a near miss. Naming one of the citizen's serials that is
 * not on offer gets the reason before the question again. The value is the serial.
 */
export class SerialChoicePrompt extends Prompt<string> {
  constructor(dialogId: string) {
    super(dialogId);
  }

  protected async onPrompt(context: TurnContext, state: SerialState, options: PromptOptions, isRetry: boolean): Promise<void> {
    const question = askOf(options) as SerialAsk | undefined;
    if (!question) return;
    const lead = !isRetry
      ? undefined
      : state.refused
        ? text(context, state.refused.reason, { serial: state.refused.serial })
        : choiceRetryText(context, question.serials.length, state.outOfRange === true);
    state.refused = undefined;
    state.outOfRange = undefined;
    const body = text(context, question.prompt, question.params);
    await context.sendActivity(renderChoices(context, lead ? `${lead}\n${body}` : body, question.serials));
  }

  protected async onRecognize(context: TurnContext, state: SerialState, options: PromptOptions): Promise<PromptRecognizerResult<string>> {
    const question = askOf(options) as SerialAsk | undefined;
    const input = context.activity.type === ActivityTypes.Message ? (context.activity.text ?? '') : '';
    const serials = question?.serials ?? [];
    const index = matchSerial(input, serials);
    if (index !== undefined) return { succeeded: true, value: serials[index]! };
    state.refused = question?.unavailable?.find((item) => isSerial(input, item.serial));
    state.outOfRange = outOfRange(input, serials.length);
    return { succeeded: false };
  }
}
