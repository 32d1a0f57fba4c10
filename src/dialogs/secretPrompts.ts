import { ActionTypes, ActivityTypes, CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { Prompt, type PromptOptions, type PromptRecognizerResult } from './dialogRuntime';
import { CHOICE_FIELD } from './cards';
import { askOf, questionText, TextInputPrompt } from './prompts';
import { text, turnInfo } from './turn';

/**
 * The prompts whose answer is a secret (the security word, a one-time code): never echoed, never
 * kept in state, taken off our web chat's page once read; and a way to tell from a conversation's
 * stored state that it waits at one of them.
 */

/** The ids of the secret prompts: a conversation waiting at one of them may be about to receive a secret. */
const SECRET_PROMPTS = new Set<string>();

type StoredDialog = { id: string; state?: { dialogs?: { dialogStack?: StoredDialog[] } } };

/**
 * Whether the conversation's dialog state (as stored, nested component dialogs and all) waits at a
 * secret prompt, such as the security word's: read without running any dialog.
 */
/** The saved dialog state, as far as the secret-prompt check reads it. */
export type DialogStackState = { dialogStack?: StoredDialog[] };

export function waitsAtSecretPrompt(dialogState: DialogStackState | undefined): boolean {
  // The active dialog is the last on each stack (dialogRuntime.ts).
  let active = dialogState?.dialogStack?.at(-1);
  while (active?.state?.dialogs?.dialogStack?.length) active = active.state.dialogs.dialogStack.at(-1);
  return active !== undefined && SECRET_PROMPTS.has(active.id);
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
    SECRET_PROMPTS.add(dialogId);
  }

  protected async onPrompt(context: TurnContext, _state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    const question = askOf(options);
    if (!question) return;
    const body = questionText(context, question, isRetry);
    const { rich, cardStyle } = turnInfo(context).profile;
    if (!rich) {
      await context.sendActivity(MessageFactory.text(body));
      return;
    }
    // A choice beside the word (the reset before the last try) is a button that sends its label, never a numbered line: "1" would be a word.
    const labels = (question.choices ?? []).map((key) => text(context, key));
    const choiceButtons =
      cardStyle === 'teams-card'
        ? labels.map((label) => ({ type: 'Action.Submit', title: label, data: { [CHOICE_FIELD]: label }, associatedInputs: 'none' }))
        : [];
    const suggestedActions =
      cardStyle !== 'teams-card' && labels.length > 0
        ? { suggestedActions: { to: [], actions: labels.map((label) => ({ type: ActionTypes.ImBack, title: label, value: label })) } }
        : {};
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
      actions: [{ type: 'Action.Submit', title: text(context, 'login.wordCardSubmit') }, ...choiceButtons],
    };
    // Our web chat draws a message's text and its card as two bubbles: there the card alone asks, once.
    const { ownWebChat } = turnInfo(context).profile;
    await context.sendActivity({
      ...MessageFactory.attachment(CardFactory.adaptiveCard(card)),
      ...suggestedActions,
      ...(ownWebChat ? {} : { text: body }),
    });
  }

  protected async onRecognize(context: TurnContext): Promise<PromptRecognizerResult<string>> {
    const { type, text: typed } = context.activity;
    const value: unknown = context.activity.value;
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
