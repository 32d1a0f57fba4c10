import { ActivityTypes, type TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  Prompt,
  WaterfallDialog,
  type DialogTurnResult,
  type PromptOptions,
  type PromptRecognizerResult,
  type WaterfallStepContext,
} from './dialogRuntime';
import { matchChoice } from '../language/choices';
import { currentAgent } from './agentTurn';
import type { HandOffRelay } from './handOffRelay';
import { ask, askOf, renderChoices } from './prompts';
import { say, text } from './turn';

export const AGENT_QUEUE_DIALOG = 'agentQueue';
const STEPS = 'agentQueue.steps';
const PICK_PROMPT = 'agentQueue.pick';

type Values = { requestIds: string[] };

/** A choice among labels made at the time of asking (the waiting requests), by number or label. */
class PickPrompt extends Prompt<number> {
  constructor(dialogId: string) {
    super(dialogId);
  }

  protected async onPrompt(context: TurnContext, _state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    const question = askOf(options);
    if (!question) return;
    const body = text(context, question.prompt, question.params);
    await context.sendActivity(renderChoices(context, isRetry ? `${text(context, 'choice.retry')}\n${body}` : body, options.choices ?? []));
  }

  protected async onRecognize(context: TurnContext, _state: object, options: PromptOptions): Promise<PromptRecognizerResult<number>> {
    const input = context.activity.type === ActivityTypes.Message ? (context.activity.text ?? '') : '';
    const index = matchChoice(input, options.choices ?? []);
    return index === undefined ? { succeeded: false } : { succeeded: true, value: index };
  }
}

/** Bekleyen Talepler: the citizens waiting for an agent, longest first; the agent takes one. Ends with true when connected. */
export class AgentQueueDialog extends ComponentDialog {
  constructor(private readonly relay: HandOffRelay) {
    super(AGENT_QUEUE_DIALOG);
    this.addDialog(new PickPrompt(PICK_PROMPT));
    this.addDialog(new WaterfallDialog(STEPS, [this.list.bind(this), this.take.bind(this)]));
    this.initialDialogId = STEPS;
  }

  /** The waiting requests, or that there are none. */
  private async list(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const waiting = await this.relay.waiting();
    if (waiting.length === 0) {
      await say(step.context, 'agent.queue.empty');
      return step.endDialog(false);
    }
    (step.values as Values).requestIds = waiting.map((request) => request.id);
    const labels = waiting.map((request) => {
      const minutes = Math.floor(request.waitingMs / 60_000);
      // "0 dakikadır bekliyor" reads as a glitch: under a minute is "az önce".
      return text(step.context, minutes === 0 ? 'agent.queue.entryJustNow' : 'agent.queue.entry', {
        minutes,
        channel: request.channel,
        language: text(step.context, `agent.language.${request.locale}`),
      });
    });
    labels.push(text(step.context, 'agent.queue.back'));
    return step.prompt(PICK_PROMPT, {
      ...ask({ prompt: 'agent.queue.prompt', params: { count: waiting.length }, help: 'agent.queue.help' }),
      choices: labels,
    });
  }

  /** Take the chosen request; if another agent was quicker, the list again. */
  private async take(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const requestId = (step.values as Values).requestIds[step.result as number];
    if (requestId === undefined) return step.endDialog(false);
    const outcome = await this.relay.take(step.context, currentAgent(step.context), requestId);
    if (outcome === 'taken') return step.endDialog(true);
    if (outcome === 'gone') {
      await say(step.context, 'agent.queue.gone');
      return step.replaceDialog(STEPS);
    }
    return step.endDialog(false);
  }
}
