import {
  ActionTypes,
  ActivityTypes,
  MessageFactory,
  type Activity,
  type CardAction,
  type TurnContext,
} from 'botbuilder';
import { Prompt, type PromptOptions, type PromptRecognizerResult } from 'botbuilder-dialogs';
import { translate, type MessageKey } from '../language/messages';
import { matchChoice } from '../language/recognize';
import { text, turnInfo } from './turn';

type Params = Record<string, string | number>;

/**
 * A question as message keys, not text, so it can be asked again in another language, and with
 * the help that "yardım" gives at this step.
 */
export type Ask = {
  prompt: MessageKey;
  params?: Params;
  help: MessageKey;
  helpParams?: Params;
  /** Said before the question when it is asked again after an answer that was not understood. */
  retry?: MessageKey;
  choices?: readonly MessageKey[];
};

export function ask(question: Ask): PromptOptions {
  return { validations: question };
}

export function askOf(options: PromptOptions | undefined): Ask | undefined {
  return options?.validations as Ask | undefined;
}

function questionText(context: TurnContext, question: Ask, isRetry: boolean): string {
  const body = text(context, question.prompt, question.params);
  return isRetry && question.retry ? `${text(context, question.retry)}\n${body}` : body;
}

/** Free text: the answer to a question the step itself interprets (an ID, a challenge answer). */
export class TextInputPrompt extends Prompt<string> {
  constructor(dialogId: string) {
    super(dialogId);
  }

  protected async onPrompt(context: TurnContext, _state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    const question = askOf(options);
    if (question) await context.sendActivity(MessageFactory.text(questionText(context, question, isRetry)));
  }

  protected async onRecognize(context: TurnContext): Promise<PromptRecognizerResult<string>> {
    const input = context.activity.type === ActivityTypes.Message ? context.activity.text?.trim() : undefined;
    return input ? { succeeded: true, value: input } : { succeeded: false };
  }
}

/**
 * A choice that works everywhere: buttons where the channel has them, numbered lines where it has
 * not; recognized by number, by label or loosely, in either language. The value is the index.
 */
export class ChoiceInputPrompt extends Prompt<number> {
  constructor(dialogId: string) {
    super(dialogId);
  }

  protected async onPrompt(context: TurnContext, _state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    const question = askOf(options);
    if (!question) return;
    const labels = (question.choices ?? []).map((key) => text(context, key));
    await context.sendActivity(renderChoices(context, questionText(context, { retry: 'choice.retry', ...question }, isRetry), labels));
  }

  protected async onRecognize(context: TurnContext, _state: object, options: PromptOptions): Promise<PromptRecognizerResult<number>> {
    const choices = askOf(options)?.choices ?? [];
    const input = context.activity.type === ActivityTypes.Message ? context.activity.text ?? '' : '';
    const index =
      matchChoice(input, choices.map((key) => text(context, key))) ??
      matchChoice(input, choices.map((key) => translate(turnInfo(context).locale === 'tr' ? 'en' : 'tr', key)));
    return index === undefined ? { succeeded: false } : { succeeded: true, value: index };
  }
}

export function renderChoices(context: TurnContext, question: string, labels: readonly string[]): Partial<Activity> {
  if (!turnInfo(context).richChannel) {
    const lines = labels.map((label, index) => `${index + 1}) ${label}`);
    return MessageFactory.text([question, ...lines].join('\n'));
  }
  const actions: CardAction[] = labels.map((label, index) => ({
    type: ActionTypes.ImBack,
    title: `${index + 1}. ${label}`,
    value: label,
  }));
  return MessageFactory.suggestedActions(actions, question);
}
