import { ActivityTypes, MessageFactory, type TurnContext } from 'botbuilder';
import { Prompt, type PromptOptions, type PromptRecognizerResult } from './dialogRuntime';
import type { Intent, IntentModel } from '../language/intents/intentModel';
import { isPasswordAlone, understand, type Understanding } from '../language/intents/understand';
import type { MessageKey } from '../language/messages';
import { recognizeYesNo } from '../language/yesNo';
import { ask, askOf, choiceRetryText, ChoiceInputPrompt, outOfRange, pickChoice, renderChoices, type Ask } from './prompts';
import { text, turnInfo } from './turn';

type OutOfRangeState = { outOfRange?: boolean };

/** A choice offered as a button, and the wish picking it stands for. */
export type WishChoice = { label: MessageKey; intent: Intent };

/** A question whose buttons stand for wishes, answered by a button, its number, its label or in the citizen's own words. */
export type WishQuestion = {
  prompt: MessageKey;
  params?: Record<string, string | number>;
  help: MessageKey;
  choices: readonly WishChoice[];
  /** The choice a plain yes picks, where the question is an offer ("… sıfırlamak ister misiniz?"). */
  yesPicks?: number;
};

/** The button label of a wish offered on its own ("Şunu mu demek istediniz …?", an answer's way on). */
export function labelOf(intent: Intent): MessageKey {
  return `intent.${intent}`;
}

export function askWish(question: WishQuestion): PromptOptions {
  return ask({
    ...question,
    choices: question.choices.map((choice) => choice.label),
    intents: question.choices.map((choice) => choice.intent),
  } as Ask);
}

/**
 * The start's question (SPEC §1.1a): the buttons are matched first, as everywhere; any other text
 * is read by the intent model. Only this prompt and the menu's send text to recognition, so the
 * answer to a security-word or code prompt never reaches it.
 */
export class WishPrompt extends Prompt<Understanding> {
  constructor(
    dialogId: string,
    private readonly model: IntentModel,
  ) {
    super(dialogId);
  }

  protected async onPrompt(context: TurnContext, state: OutOfRangeState, options: PromptOptions, isRetry: boolean): Promise<void> {
    const question = askOf(options);
    if (!question) return;
    const labels = (question.choices ?? []).map((key) => text(context, key));
    // A number past the buttons is answered with their range, and the buttons again.
    const body =
      isRetry && state.outOfRange ? choiceRetryText(context, labels.length, true) : text(context, question.prompt, question.params);
    state.outOfRange = undefined;
    await context.sendActivity(labels.length > 0 ? renderChoices(context, body, labels) : MessageFactory.text(body));
  }

  protected async onRecognize(
    context: TurnContext,
    state: OutOfRangeState,
    options: PromptOptions,
  ): Promise<PromptRecognizerResult<Understanding>> {
    const input = context.activity.type === ActivityTypes.Message ? (context.activity.text ?? '') : '';
    if (input.trim() === '') return { succeeded: false };
    const choiceCount = askOf(options)?.choices?.length ?? 0;
    if (choiceCount > 0 && outOfRange(input, choiceCount)) {
      state.outOfRange = true;
      return { succeeded: false };
    }
    if (isPasswordAlone(input)) return { succeeded: true, value: { kind: 'password' } };
    const question = askOf(options);
    const intents = (question as { intents?: Intent[] } | undefined)?.intents ?? [];
    const offered = question?.yesPicks === undefined ? undefined : intents[question.yesPicks];
    if (offered && recognizeYesNo(input) === true) return { succeeded: true, value: { kind: 'intent', intent: offered } };
    const index = pickChoice(context, question?.choices ?? [], input);
    if (index !== undefined && intents[index]) return { succeeded: true, value: { kind: 'intent', intent: intents[index] } };
    return { succeeded: true, value: await understand(this.model, input, turnInfo(context).locale) };
  }
}

/**
 * A menu's choice that also takes the citizen's own words: "pin kodumu görmek istiyorum" picks
 * PIN / PUK Bilgisi. `pickOf` says what an intent picks: a choice's index, or a number past the
 * choices for what the menu does without a button of its own ("sertifikam ne zaman bitiyor").
 */
export class FreeTextChoicePrompt extends ChoiceInputPrompt {
  constructor(
    dialogId: string,
    private readonly model: IntentModel,
    private readonly pickOf: (intent: Intent) => number | undefined,
  ) {
    super(dialogId);
  }

  protected override async onRecognize(
    context: TurnContext,
    state: object,
    options: PromptOptions,
  ): Promise<PromptRecognizerResult<number>> {
    const picked = await super.onRecognize(context, state, options);
    const input = context.activity.type === ActivityTypes.Message ? (context.activity.text ?? '') : '';
    if (picked.succeeded || input.trim() === '') return picked;
    const understood = await understand(this.model, input, turnInfo(context).locale);
    const value = understood.kind === 'intent' ? this.pickOf(understood.intent) : undefined;
    return value === undefined ? { succeeded: false } : { succeeded: true, value };
  }
}
