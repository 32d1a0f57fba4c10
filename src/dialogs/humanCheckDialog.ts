import { ActionTypes, ActivityTypes, MessageFactory, type Attachment, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type PromptOptions, type WaterfallStepContext } from './dialogRuntime';
import type { ChallengeKind, HumanCheckService } from '../domain/humanCheck';
import { FAILED_CHECK_PAUSE_MS, type RateLimits } from '../domain/rateLimits';
import { normalize } from '../language/normalize';
import type { ConversationMemory } from './conversationMemory';
import { TextInputPrompt, type Ask } from './prompts';
import { sourceIsPaused } from './sourcePause';
import { say, text, turnInfo } from './turn';

export const HUMAN_CHECK_DIALOG = 'humanCheck';
const STEPS = 'humanCheck.steps';
const ANSWER_PROMPT = 'humanCheck.answer';

export type ChallengeKindSetting = 'auto' | ChallengeKind;

/** The state keeps only the challenge's id and kind; its answer, and its words, stay in the server's store. */
type CurrentChallenge = { id: string; kind: ChallengeKind };
type Options = { challenge?: CurrentChallenge; preferText?: boolean };
type Values = { challenge: CurrentChallenge };

const ACCESSIBLE_WORDS = new Set(['erisilebilir', 'accessible', 'erisilebilir soru', 'yazili', 'text']);

/** The chat's "Resimdeki Yazı": ends with true when a person answered it. */
export class HumanCheckDialog extends ComponentDialog {
  constructor(
    private readonly humanCheck: HumanCheckService,
    private readonly rateLimits: RateLimits,
    private readonly kindSetting: ChallengeKindSetting,
    /** Where a conversation remembers that its user asked for the words check; without it every check starts as the setting says. */
    private readonly memory?: StatePropertyAccessor<ConversationMemory>,
  ) {
    super(HUMAN_CHECK_DIALOG);
    this.addDialog(new ChallengeAnswerPrompt(ANSWER_PROMPT, humanCheck));
    this.addDialog(new WaterfallDialog(STEPS, [this.showChallenge.bind(this), this.checkAnswer.bind(this)]));
    this.initialDialogId = STEPS;
  }

  /** Show a new challenge, or ask again for the answer to the current one; a paused source gets none. */
  private async showChallenge(step: WaterfallStepContext<Options>): Promise<DialogTurnResult> {
    if (!step.options.challenge && (await sourceIsPaused(step.context, this.rateLimits))) return step.endDialog(false);
    const challenge = step.options.challenge ?? (await this.newChallenge(step));
    (step.values as Values).challenge = challenge;
    const help = challenge.kind === 'image' ? 'humanCheck.help.image' : 'humanCheck.help.text';
    const prompt = challenge.kind === 'image' ? 'humanCheck.image.prompt' : 'humanCheck.text.prompt';
    return step.prompt(ANSWER_PROMPT, { validations: { prompt, help, challengeId: challenge.id } satisfies ChallengeAsk });
  }

  /** Pass, try again, or give up after the third wrong answer; "erişilebilir" switches to words. */
  private async checkAnswer(step: WaterfallStepContext<Options>): Promise<DialogTurnResult> {
    const answer = step.result as string;
    const { challenge } = step.values as Values;
    // The accessible alternative is always offered, whatever kind the deployment prefers. A person
    // asks for it once, a script every time: the first switch of a conversation counts against the
    // source like a failed check, and the conversation then starts every later check as words.
    if (challenge.kind === 'image' && ACCESSIBLE_WORDS.has(normalize(answer))) {
      await this.humanCheck.discard(challenge.id);
      await this.rateLimits.countAgainstSource(turnInfo(step.context).source);
      if (this.memory) {
        const memory = await this.memory.get(step.context, {});
        await this.memory.set(step.context, { ...memory, prefersWords: true });
      }
      return step.replaceDialog(STEPS, { preferText: true } satisfies Options);
    }

    const outcome = await this.humanCheck.answer(challenge.id, answer);
    if (outcome.result === 'passed') return step.endDialog(true);
    if (outcome.result === 'expired') {
      await say(step.context, 'humanCheck.expired');
      return step.replaceDialog(STEPS, { preferText: challenge.kind === 'text' } satisfies Options);
    }

    const counted = await this.rateLimits.recordFailedCheck(turnInfo(step.context));
    if (counted === 'conversation-paused') {
      await say(step.context, 'global.paused', { minutes: FAILED_CHECK_PAUSE_MS / 60_000 });
      return step.cancelAllDialogs(true);
    }
    if (counted === 'source-paused' && (await sourceIsPaused(step.context, this.rateLimits))) return step.endDialog(false);
    if (outcome.result === 'failed') {
      await say(step.context, 'humanCheck.failed');
      return step.endDialog(false);
    }
    await say(step.context, 'humanCheck.wrong', { left: outcome.answersLeft });
    return step.replaceDialog(STEPS, { challenge } satisfies Options);
  }

  private async newChallenge(step: WaterfallStepContext<Options>): Promise<CurrentChallenge> {
    const prefersWords = this.memory ? (await this.memory.get(step.context, {})).prefersWords === true : false;
    const challenge = await this.humanCheck.create(this.kindFor(step, prefersWords), turnInfo(step.context).locale);
    if (challenge.kind === 'image') {
      const picture = pngAttachment(challenge.png, text(step.context, 'humanCheck.image.alt'));
      await step.context.sendActivity({ type: ActivityTypes.Message, attachments: [picture] });
    }
    return { id: challenge.id, kind: challenge.kind };
  }

  private kindFor(step: WaterfallStepContext<Options>, prefersWords: boolean): ChallengeKind {
    // A text-only channel (SMS, WhatsApp) cannot show a picture, whatever CHALLENGE_KIND prefers.
    if (step.options.preferText || prefersWords || !turnInfo(step.context).profile.rich) return 'text';
    if (this.kindSetting !== 'auto') return this.kindSetting;
    return 'image';
  }
}

type ChallengeAsk = Ask & { challengeId: string };

/** Asks for the answer; a text challenge's words are read from the server's store each time it asks. */
class ChallengeAnswerPrompt extends TextInputPrompt {
  constructor(
    dialogId: string,
    private readonly humanCheck: HumanCheckService,
  ) {
    super(dialogId);
  }

  protected override async onPrompt(context: TurnContext, state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    const question = options.validations as ChallengeAsk;
    if (question.prompt === 'humanCheck.image.prompt') {
      // The accessible alternative, one click away: a button that answers "erişilebilir".
      const accessible = {
        type: ActionTypes.ImBack,
        title: text(context, 'humanCheck.image.accessibleChoice'),
        value: text(context, 'humanCheck.image.accessibleWord'),
      };
      await context.sendActivity(MessageFactory.suggestedActions([accessible], text(context, question.prompt)));
      return;
    }
    const words = question.prompt === 'humanCheck.text.prompt' ? await this.humanCheck.wordsOf(question.challengeId) : undefined;
    await super.onPrompt(context, state, { validations: { ...question, params: { words: words ?? '' } } }, isRetry);
  }
}

function pngAttachment(png: Buffer, name: string): Attachment {
  return { contentType: 'image/png', contentUrl: `data:image/png;base64,${png.toString('base64')}`, name };
}
