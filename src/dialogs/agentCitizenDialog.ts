import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from './dialogRuntime';
import { UNBLOCK_REASON_MAX_LENGTH, UNBLOCK_REASON_MIN_LENGTH, type AgentDesk } from '../domain/agents';
import { maskNationalId, parseNationalId, type NationalId } from '../domain/identity';
import type { NationalIdReferences } from '../domain/nationalIdReferences';
import { currentAgent, describeCitizen } from './agentTurn';
import { ask, TextInputPrompt } from './prompts';
import { say, turnInfo } from './turn';

export const AGENT_CITIZEN_DIALOG = 'agentCitizen';
const STEPS = 'agentCitizen.steps';
const REASON_STEPS = 'agentCitizen.reason';
const ID_PROMPT = 'agentCitizen.idPrompt';
const REASON_PROMPT = 'agentCitizen.reasonPrompt';

/** What the agent does for the citizen whose ID they give. */
export type CitizenAction = 'lookup' | 'unblock' | 'resend';

/** The action, and the ID when the agent typed it with the command ("ara 10000000146"). */
export type AgentCitizenOptions = { action: CitizenAction; typedId?: string };

/** While the reason is asked: the citizen's ID by reference only (dialog state outlives the step), and masked. */
type ReasonOptions = { idRef: string; maskedId: string };

/**
 * Vatandaş Sorgula, Blokeyi Kaldır and Sıfırlama Bağlantısı Gönder: the citizen's Kimlik No, then
 * the action; lifting a block also takes a reason. The agent sees masked data only.
 */
export class AgentCitizenDialog extends ComponentDialog {
  constructor(
    private readonly desk: AgentDesk,
    private readonly ids: NationalIdReferences,
  ) {
    super(AGENT_CITIZEN_DIALOG);
    this.addDialog(new TextInputPrompt(ID_PROMPT));
    this.addDialog(new TextInputPrompt(REASON_PROMPT));
    this.addDialog(new WaterfallDialog(STEPS, [this.askForId.bind(this), this.act.bind(this)]));
    this.addDialog(new WaterfallDialog(REASON_STEPS, [this.askForReason.bind(this), this.unblock.bind(this)]));
    this.initialDialogId = STEPS;
  }

  /** Whose record: the Kimlik No, unless it came with the command. */
  private async askForId(step: WaterfallStepContext<AgentCitizenOptions>): Promise<DialogTurnResult> {
    if (step.options.typedId) return step.next(step.options.typedId);
    return step.prompt(ID_PROMPT, ask({ prompt: 'agent.idPrompt', help: 'agent.idHelp' }));
  }

  /** A valid ID gets the action; an invalid one its reason and the question again. */
  private async act(step: WaterfallStepContext<AgentCitizenOptions>): Promise<DialogTurnResult> {
    const check = parseNationalId(step.result as string);
    if (!check.ok) {
      await say(step.context, `identification.invalid.${check.reason}`);
      return step.replaceDialog(STEPS, { action: step.options.action } satisfies AgentCitizenOptions);
    }
    switch (step.options.action) {
      case 'lookup':
        await this.lookUp(step, check.id);
        return step.endDialog();
      case 'resend':
        await this.resend(step, check.id);
        return step.endDialog();
      case 'unblock':
        return this.startUnblock(step, check.id);
    }
  }

  /** Vatandaş Sorgula: the masked record, block state and last security events. */
  private async lookUp(step: WaterfallStepContext, id: NationalId): Promise<void> {
    const outcome = await this.desk.lookUp(currentAgent(step.context), id, turnInfo(step.context).channel);
    if (outcome.result === 'unknown') return say(step.context, 'agent.notFound', { id: outcome.maskedId });
    await step.context.sendActivity(describeCitizen(turnInfo(step.context).locale, outcome.view));
  }

  /** Sıfırlama Bağlantısı Gönder: a new link to the registered address, within the daily limit. */
  private async resend(step: WaterfallStepContext, id: NationalId): Promise<void> {
    const outcome = await this.desk.sendResetLink(currentAgent(step.context), id, turnInfo(step.context).channel);
    if (outcome.result === 'sent') return say(step.context, 'agent.resend.sent', { id: outcome.maskedId, email: outcome.maskedEmail });
    if (outcome.result === 'limited') return say(step.context, 'agent.resend.limited', { id: outcome.maskedId });
    return say(step.context, 'agent.notFound', { id: outcome.maskedId });
  }

  /** Blokeyi Kaldır: only a blocked account gets the question for a reason. */
  private async startUnblock(step: WaterfallStepContext, id: NationalId): Promise<DialogTurnResult> {
    const state = await this.desk.blockState(currentAgent(step.context), id, turnInfo(step.context).channel);
    const masked = maskNationalId(id.value);
    if (state === 'unknown') await say(step.context, 'agent.notFound', { id: masked });
    if (state === 'not-blocked') await say(step.context, 'agent.unblock.notBlocked', { id: masked });
    if (state !== 'blocked') return step.endDialog();
    return step.replaceDialog(REASON_STEPS, { idRef: await this.ids.keep(id), maskedId: masked } satisfies ReasonOptions);
  }

  /** Why the block is lifted: it goes to the audit log. */
  private async askForReason(step: WaterfallStepContext<ReasonOptions>): Promise<DialogTurnResult> {
    return step.prompt(
      REASON_PROMPT,
      ask({
        prompt: 'agent.unblock.reasonPrompt',
        params: { id: step.options.maskedId, min: UNBLOCK_REASON_MIN_LENGTH },
        help: 'agent.unblock.reasonHelp',
      }),
    );
  }

  /** Lift the block with the reason; a reason too short (or too long) is asked for again. */
  private async unblock(step: WaterfallStepContext<ReasonOptions>): Promise<DialogTurnResult> {
    const id = await this.ids.resolve(step.options.idRef);
    if (!id) {
      await say(step.context, 'identification.expired');
      return step.endDialog();
    }
    const outcome = await this.desk.unblock(currentAgent(step.context), id, step.result as string, turnInfo(step.context).channel);
    if (outcome.result !== 'reason-refused') await this.ids.forget(step.options.idRef);
    switch (outcome.result) {
      case 'reason-refused':
        await say(step.context, 'agent.unblock.reasonRefused', { min: UNBLOCK_REASON_MIN_LENGTH, max: UNBLOCK_REASON_MAX_LENGTH });
        return step.replaceDialog(REASON_STEPS, step.options);
      case 'unblocked':
        await say(step.context, 'agent.unblock.done', { id: outcome.maskedId, email: outcome.maskedEmail });
        break;
      case 'not-blocked':
        await say(step.context, 'agent.unblock.notBlocked', { id: outcome.maskedId });
        break;
      case 'unknown':
        await say(step.context, 'agent.notFound', { id: outcome.maskedId });
    }
    return step.endDialog();
  }
}
