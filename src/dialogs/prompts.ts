import { ActionTypes, ActivityTypes, MessageFactory, type Activity, type CardAction, type TurnContext } from 'botbuilder';
import { Prompt, type PromptOptions, type PromptRecognizerResult } from './dialogRuntime';
import { textChannelKey, translate, type MessageKey } from '../language/messages';
import { matchChoice, optionNumberOf } from '../language/choices';
import { choiceSynonymsOf } from '../language/choiceSynonyms';
import { normalize } from '../language/normalize';
import { recognizeYesNo } from '../language/yesNo';
import { yesNoInSentence } from '../language/entities';
import { choiceCardMessage } from './cards';
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
  /**
   * The question when it is asked again while it waits (after "yardım" or a language switch),
   * where the first one holds something that goes stale (the seconds a code has left).
   */
  again?: MessageKey;
  choices?: readonly MessageKey[];
  /** Choices recognized when typed but not shown (they follow `choices` in the answer's index). */
  unshownChoices?: readonly MessageKey[];
  /** The choice a yes ("evet", "tamam", "ok") picks, where the question reads as a yes/no or has one action. */
  yesPicks?: number;
  /** The choice a no ("hayır", "no") picks. */
  noPicks?: number;
  /**
   * The cancel words (iptal, vazgeç, cancel) are an answer to this question, not the global
   * command: at a revocation's confirmation, where they stop it with "nothing was revoked".
   */
  takesCancelWords?: boolean;
};

export function ask(question: Ask): PromptOptions {
  return { validations: question };
}

export function askOf(options: PromptOptions | undefined): Ask | undefined {
  return options?.validations as Ask | undefined;
}

export function questionText(context: TurnContext, question: Ask, isRetry: boolean): string {
  const body = text(context, question.prompt, question.params);
  return isRetry && question.retry ? `${text(context, question.retry)}\n${body}` : body;
}

/** A number typed for a choice that has no such option ("4" at three): the retry then names the range. */
export function outOfRange(input: string, count: number): boolean {
  const typed = /^\s*(\d{1,3})\s*[.)]?\s*$/.exec(input);
  return typed !== null && (Number(typed[1]) < 1 || Number(typed[1]) > count);
}

/** What a choice says before its question when the answer was not one of its options. */
export function choiceRetryText(context: TurnContext, count: number, typedOutOfRange: boolean): string {
  return typedOutOfRange ? text(context, 'choice.outOfRange', { max: count }) : text(context, 'choice.retry');
}

type AskedState = { asked?: boolean };
type ChoiceState = { outOfRange?: boolean };

/** Free text: the answer to a question the step itself interprets (an ID, a challenge answer). */
export class TextInputPrompt extends Prompt<string> {
  constructor(dialogId: string) {
    super(dialogId);
  }

  protected async onPrompt(context: TurnContext, state: AskedState, options: PromptOptions, isRetry: boolean): Promise<void> {
    const question = askOf(options);
    if (!question) return;
    const asked = state.asked === true;
    state.asked = true;
    const shown = asked && question.again ? { ...question, prompt: question.again } : question;
    await context.sendActivity(MessageFactory.text(questionText(context, shown, isRetry)));
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

  protected async onPrompt(context: TurnContext, state: ChoiceState, options: PromptOptions, isRetry: boolean): Promise<void> {
    const question = askOf(options);
    if (!question) return;
    const labels = (question.choices ?? []).map((key) => text(context, key));
    const typedOutOfRange = isRetry && state.outOfRange === true;
    state.outOfRange = undefined;
    const lead = isRetry ? choiceRetryText(context, labels.length, typedOutOfRange) : undefined;
    const body = questionText(context, question, isRetry);
    await context.sendActivity(renderChoices(context, lead ? `${lead}\n${body}` : body, labels));
  }

  protected async onRecognize(context: TurnContext, state: ChoiceState, options: PromptOptions): Promise<PromptRecognizerResult<number>> {
    const question = askOf(options);
    const input = context.activity.type === ActivityTypes.Message ? (context.activity.text ?? '') : '';
    const index = question ? recognizeChoice(context, question, input) : undefined;
    if (index === undefined) state.outOfRange = outOfRange(input, question?.choices?.length ?? 0);
    return index === undefined ? { succeeded: false } : { succeeded: true, value: index };
  }
}

/**
 * The index of the choice an answer picks: a yes or no where the question takes one, then the
 * shown choices by label, synonym, number or near miss in either language, then the unshown ones
 * (never by number: the numbers are the shown lines').
 */
function recognizeChoice(context: TurnContext, question: Ask, input: string): number | undefined {
  const yesNo = recognizeYesNo(input);
  const byYesNo = yesNo === true ? question.yesPicks : yesNo === false ? question.noPicks : undefined;
  if (byYesNo !== undefined) return byYesNo;
  const shown = question.choices ?? [];
  const chosen = pickChoice(context, shown, input);
  if (chosen !== undefined || !question.unshownChoices?.length || optionNumberOf(normalize(input)) !== undefined) return chosen;
  return pickChoice(context, [...shown, ...question.unshownChoices], input);
}

/**
 * The choice an answer names: by the label as shown, then by its other forms (the full label where
 * a text channel shows a short one, and the other language's), each with the choice's synonyms.
 */
export function pickChoice(context: TurnContext, keys: readonly MessageKey[], input: string): number | undefined {
  const { locale } = turnInfo(context);
  const other = locale === 'tr' ? 'en' : 'tr';
  const synonyms = keys.map(choiceSynonymsOf);
  const labelSets = [
    keys.map((key) => text(context, key)),
    keys.map((key) => translate(locale, key)),
    keys.map((key) => translate(other, key)),
    keys.map((key) => translate(other, textChannelKey(key))),
  ];
  for (const [index, labels] of labelSets.entries()) {
    // A set that reads as one already tried would only repeat its answer.
    if (labelSets.slice(0, index).some((tried) => tried.every((label, at) => label === labels[at]))) continue;
    const picked = matchChoice(input, labels, synonyms);
    if (picked !== undefined) return picked;
  }
  return undefined;
}

export function renderChoices(context: TurnContext, question: string, labels: readonly string[]): Partial<Activity> {
  const { cardStyle } = turnInfo(context).profile;
  if (cardStyle === 'plain-text') {
    const lines = labels.map((label, index) => `${index + 1}) ${label}`);
    return MessageFactory.text([question, ...lines].join('\n'));
  }
  if (cardStyle === 'teams-card')
    return choiceCardMessage(
      question,
      labels.map((label, index) => ({ title: `${index + 1}. ${label}`, value: label })),
    );
  const actions: CardAction[] = labels.map((label, index) => ({
    type: ActionTypes.ImBack,
    title: `${index + 1}. ${label}`,
    value: label,
  }));
  return MessageFactory.suggestedActions(actions, question);
}

/** Evet / hayır, also e / h / tamam / olur and yes / no. */
export class YesNoPrompt extends Prompt<boolean> {
  constructor(dialogId: string) {
    super(dialogId);
  }

  protected async onPrompt(context: TurnContext, _state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    const question = askOf(options);
    if (!question) return;
    const labels = [text(context, 'yesNo.yes'), text(context, 'yesNo.no')];
    await context.sendActivity(renderChoices(context, questionText(context, { retry: 'yesNo.retry', ...question }, isRetry), labels));
  }

  protected async onRecognize(context: TurnContext): Promise<PromptRecognizerResult<boolean>> {
    const input = context.activity.type === ActivityTypes.Message ? (context.activity.text ?? '') : '';
    const answer = recognizeYesNo(input) ?? yesNoInSentence(input) ?? yesNoByNumber(input);
    return answer === undefined ? { succeeded: false } : { succeeded: true, value: answer };
  }
}

/** "1" and "2" pick the numbered Evet / Hayır lines of a text-only channel. */
function yesNoByNumber(input: string): boolean | undefined {
  const trimmed = input.trim().replace(/[.)]$/, '');
  return trimmed === '1' ? true : trimmed === '2' ? false : undefined;
}
