import { TurnContext } from 'botbuilder';
import { ComponentDialog, type DialogTurnResult, type WaterfallStepContext } from './dialogRuntime';
import type { NationalId } from '../domain/identity';
import type { NationalIdReferences } from '../domain/nationalIdReferences';
import type { ResetLinkService } from '../domain/resetLinks';
import { HUMAN_CHECK_DIALOG } from './humanCheckDialog';
import { IDENTIFICATION_DIALOG } from './identificationDialog';
import { IdReferenceSteps } from './idReferenceSteps';
import { say, turnEnded, turnInfo } from './turn';

export const FORGOT_WORD_DIALOG = 'forgotWord';
const STEPS = 'forgotWord.steps';

/** The Kimlik No by reference only: dialog state outlives the flow (see NationalIdReferences). */
type Values = { idRef: string };

/**
 * Güvenlik Sözcüğümü Unuttum: Kimlik No, the human check, then the same answer whether or not the
 * ID is known; a known one gets a link by e-mail. The reply never shows the e-mail address.
 */
export class ForgotWordDialog extends ComponentDialog {
  constructor(
    private readonly resetLinks: ResetLinkService,
    private readonly ids: NationalIdReferences,
    identification: ComponentDialog,
    humanCheck: ComponentDialog,
  ) {
    super(FORGOT_WORD_DIALOG);
    this.addDialog(identification);
    this.addDialog(humanCheck);
    this.addDialog(new IdReferenceSteps(STEPS, [this.identify.bind(this), this.checkHuman.bind(this), this.sendLink.bind(this)], ids));
    this.initialDialogId = STEPS;
  }

  /** Who is asking: the Kimlik No. */
  private async identify(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.beginDialog(IDENTIFICATION_DIALOG);
  }

  /** Before a mail can be sent, a person must answer the human check. */
  private async checkHuman(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const id = step.result as NationalId | undefined;
    if (!id) return step.endDialog();
    (step.values as Values).idRef = await this.ids.keep(id);
    return step.beginDialog(HUMAN_CHECK_DIALOG);
  }

  /** Ask for the link and give the one answer that reveals nothing about the ID. */
  private async sendLink(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (step.result !== true) return step.endDialog();
    const { idRef } = step.values as Values;
    const id = await this.ids.resolve(idRef);
    await this.ids.forget(idRef);
    if (!id) {
      await say(step.context, 'identification.expired');
      return step.endDialog();
    }
    this.resetLinks.request(
      id,
      {
        channel: turnInfo(step.context).channel,
        locale: turnInfo(step.context).locale,
        conversation: TurnContext.getConversationReference(step.context.activity),
      },
      turnEnded(step.context),
    );
    await say(step.context, 'forgot.sent');
    return step.endDialog();
  }
}
