import {
  ActionTypes,
  ActivityTypes,
  CardFactory,
  MessageFactory,
  type Activity,
  type CardAction,
  type TurnContext,
} from 'botbuilder';
import { Prompt, type PromptOptions, type PromptRecognizerResult } from 'botbuilder-dialogs';
import { translate, type MessageKey } from '../language/messages';
import { matchChoice } from '../language/choices';
import { recognizeYesNo } from '../language/yesNo';
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
  /** Asked instead of the whole question after an answer that was not understood (a long greeting is not said twice). */
  retryPrompt?: MessageKey;
  /**
   * The question when it is asked again while it waits (after "yardım" or a language switch),
   * where the first one holds something that goes stale (the seconds a code has left).
   */
  again?: MessageKey;
  choices?: readonly MessageKey[];
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

function questionText(context: TurnContext, question: Ask, isRetry: boolean): string {
  if (isRetry && question.retryPrompt) return text(context, question.retryPrompt, question.params);
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
    // A number out of range is answered with the range; a short retry question (the start's) is then enough on its own.
    if (typedOutOfRange && question.retryPrompt) {
      await context.sendActivity(renderChoices(context, choiceRetryText(context, labels.length, true), labels));
      return;
    }
    const lead = isRetry && !question.retryPrompt ? choiceRetryText(context, labels.length, typedOutOfRange) : undefined;
    const body = questionText(context, question, isRetry);
    await context.sendActivity(renderChoices(context, lead ? `${lead}\n${body}` : body, labels));
  }

  protected async onRecognize(context: TurnContext, state: ChoiceState, options: PromptOptions): Promise<PromptRecognizerResult<number>> {
    const choices = askOf(options)?.choices ?? [];
    const input = context.activity.type === ActivityTypes.Message ? context.activity.text ?? '' : '';
    const index =
      matchChoice(input, choices.map((key) => text(context, key))) ??
      matchChoice(input, choices.map((key) => translate(turnInfo(context).locale === 'tr' ? 'en' : 'tr', key)));
    if (index === undefined) state.outOfRange = outOfRange(input, choices.length);
    return index === undefined ? { succeeded: false } : { succeeded: true, value: index };
  }
}

export function renderChoices(context: TurnContext, question: string, labels: readonly string[]): Partial<Activity> {
  const { cardStyle } = turnInfo(context).profile;
  if (cardStyle === 'plain-text') {
    const lines = labels.map((label, index) => `${index + 1}) ${label}`);
    return MessageFactory.text([question, ...lines].join('\n'));
  }
  if (cardStyle === 'teams-card') return choiceCardMessage(question, labels.map((label, index) => ({ title: `${index + 1}. ${label}`, value: label })));
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
    const input = context.activity.type === ActivityTypes.Message ? context.activity.text ?? '' : '';
    const answer = recognizeYesNo(input) ?? yesNoByNumber(input);
    return answer === undefined ? { succeeded: false } : { succeeded: true, value: answer };
  }
}

/** "1" and "2" pick the numbered Evet / Hayır lines of a text-only channel. */
function yesNoByNumber(input: string): boolean | undefined {
  const trimmed = input.trim().replace(/[.)]$/, '');
  return trimmed === '1' ? true : trimmed === '2' ? false : undefined;
}

/** The field of the masked card the security word comes back in. */
export const SECRET_FIELD = 'securityWord';

/**
 * A secret answer: in a masked Adaptive Card input (style password) where the channel renders
 * cards, plain text elsewhere. The answer is never echoed and never kept in state.
 */
export class SecretInputPrompt extends Prompt<string> {
  constructor(dialogId: string) {
    super(dialogId);
  }

  protected async onPrompt(context: TurnContext, _state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    const question = askOf(options);
    if (!question) return;
    const body = questionText(context, question, isRetry);
    if (!turnInfo(context).profile.rich) {
      await context.sendActivity(MessageFactory.text(body));
      return;
    }
    const card = {
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      body: [
        { type: 'TextBlock', text: text(context, 'login.wordCardTitle'), weight: 'Bolder', size: 'Medium' },
        { type: 'TextBlock', text: body, wrap: true },
        // Web Chat's Adaptive Cards (3.x) refuse to render a required input without an error message.
        {
          type: 'Input.Text',
          id: SECRET_FIELD,
          style: 'password',
          label: text(context, 'login.wordCardLabel'),
          isRequired: true,
          errorMessage: text(context, 'login.wordCardRequired'),
          maxLength: 64,
        },
      ],
      actions: [{ type: 'Action.Submit', title: text(context, 'login.wordCardSubmit') }],
    };
    // Our web chat draws a message's text and its card as two bubbles: there the card alone asks, once.
    const { ownWebChat } = turnInfo(context).profile;
    await context.sendActivity({
      ...MessageFactory.attachment(CardFactory.adaptiveCard(card)),
      ...(ownWebChat ? {} : { text: body }),
    });
  }

  protected async onRecognize(context: TurnContext): Promise<PromptRecognizerResult<string>> {
    const { type, value, text: typed } = context.activity;
    if (type !== ActivityTypes.Message) return { succeeded: false };
    const submitted = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[SECRET_FIELD] : undefined;
    const answer = typeof submitted === 'string' ? submitted : typed;
    // A word typed into our web chat's box instead of the masked field leaves the page and the stream at once.
    if (typeof submitted !== 'string' && answer) await removeTypedSecret(context);
    return answer && answer.length > 0 ? { succeeded: true, value: answer } : { succeeded: false };
  }
}

/**
 * A one-time code typed as text: anything with a digit in it (the code, or a try at it) leaves our
 * web chat's page and stream once read, as a typed security word does.
 */
export class CodeInputPrompt extends TextInputPrompt {
  protected override async onRecognize(context: TurnContext): Promise<PromptRecognizerResult<string>> {
    const recognized = await super.onRecognize(context);
    if (recognized.succeeded && /\p{Nd}/u.test(recognized.value ?? '')) await removeTypedSecret(context);
    return recognized;
  }
}

/** Takes the citizen's message off our web chat's page and Direct Line stream; other channels keep what was sent. */
async function removeTypedSecret(context: TurnContext): Promise<void> {
  if (context.activity.id && turnInfo(context).profile.ownWebChat) await context.deleteActivity(context.activity.id);
}
