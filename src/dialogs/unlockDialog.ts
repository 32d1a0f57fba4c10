import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from './dialogRuntime';
import type { PinPukTextChannels } from '../domain/pinPukChannels';
import type { UnlockCodeService } from '../domain/unlockCodes';
import { ask, YesNoPrompt } from './prompts';
import { chooseSerial, SerialChoicePrompt } from './serialPrompt';
import type { SessionGuard } from './session';
import { maySeeSecretsHere } from './textChannelSecrets';
import { say } from './turn';

export const UNLOCK_DIALOG = 'unlock';
const STEPS = 'unlock.steps';
const CARD_CHOICE = 'unlock.card';
const BLOCKED = 'unlock.blocked';

type Values = { card: string };

/**
 * Kilit Çözme: the card, the citizen's word that its PIN and PUK are both blocked, then a one-time
 * unlock code for the card software, shown this once and never again.
 */
export class UnlockDialog extends ComponentDialog {
  constructor(
    private readonly unlockCodes: UnlockCodeService,
    private readonly guard: SessionGuard,
    private readonly textChannels: PinPukTextChannels = 'registered-phone',
  ) {
    super(UNLOCK_DIALOG);
    this.addDialog(new SerialChoicePrompt(CARD_CHOICE));
    this.addDialog(new YesNoPrompt(BLOCKED));
    this.addDialog(new WaterfallDialog(STEPS, [this.chooseCard.bind(this), this.confirmBlocked.bind(this), this.issue.bind(this)]));
    this.initialDialogId = STEPS;
  }

  /** Which card (Kart Seri Numarası) is locked. */
  private async chooseCard(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const session = await this.guard.active(step.context);
    if (!session) return step.endDialog();
    const cards = await this.unlockCodes.cardsOf(session.citizenId);
    if (cards.length === 0) {
      await say(step.context, 'unlock.none');
      return step.endDialog();
    }
    return chooseSerial(step, CARD_CHOICE, { prompt: 'unlock.prompt', help: 'unlock.help', serials: cards }, 'choice.onlyCard');
  }

  /** The code is only for a card whose PIN and PUK are both blocked. */
  private async confirmBlocked(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const card = step.result as string;
    (step.values as Values).card = card;
    if (!(await this.guard.active(step.context))) return step.endDialog();
    return step.prompt(BLOCKED, ask({ prompt: 'unlock.blockedPrompt', params: { card }, help: 'unlock.blockedHelp' }));
  }

  /** A yes issues the code, while the session is alive; it is shown now and can never be shown again. */
  private async issue(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { card } = step.values as Values;
    const session = await this.guard.active(step.context);
    if (!session) return step.endDialog();
    if (step.result !== true) {
      await say(step.context, 'unlock.notBlocked');
      return step.endDialog();
    }
    // The code is as secret as the PIN/PUK it replaces: the same rule decides whether SMS/WhatsApp may show it.
    const refusals = { never: 'unlock.textChannel.never', notRegisteredPhone: 'unlock.textChannel.notRegisteredPhone' } as const;
    if (!(await maySeeSecretsHere(step.context, this.textChannels, session.phone, refusals))) return step.endDialog();
    const outcome = await this.unlockCodes.issue(session.citizenId, card, this.guard.actor(step.context, session));
    if (outcome.result === 'issued') await say(step.context, 'unlock.code', { card, code: outcome.code });
    else await say(step.context, 'unlock.unknownCard', { card });
    return step.endDialog();
  }
}
