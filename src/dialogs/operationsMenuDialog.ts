import { ComponentDialog, WaterfallDialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from './dialogRuntime';
import type { Intent, IntentModel } from '../language/intents/intentModel';
import type { MessageKey } from '../language/messages';
import type { CertificateService } from '../domain/certificates';
import { ACTIVATE_DIALOG } from './activateDialog';
import { PIN_PUK_DIALOG } from './pinPukDialog';
import { REVOKE_DIALOG } from './revokeDialog';
import { UNLOCK_DIALOG } from './unlockDialog';
import { UPDATE_DETAILS_DIALOG, type UpdateDetailsOptions } from './updateDetailsDialog';
import { certificateList, expiryView } from './certificateViews';
import { ask } from './prompts';
import { FreeTextChoicePrompt } from './wishPrompt';
import type { SessionGuard } from './session';
import { say } from './turn';

export const OPERATIONS_MENU_DIALOG = 'operationsMenu';
const STEPS = 'operationsMenu.steps';
const MENU_CHOICE = 'operationsMenu.choice';

/** The İşlemler Menüsü's choices, in the order shown. */
export const MENU: readonly MessageKey[] = [
  'menu.choice.activate',
  'menu.choice.revoke',
  'menu.choice.update',
  'menu.choice.list',
  'menu.choice.pinPuk',
  'menu.choice.unlock',
  'menu.choice.logout',
];
/** What the menu does: its choices in the order shown, then what only a wish in the citizen's words reaches. */
enum Operation {
  Activate,
  Revoke,
  Update,
  List,
  PinPuk,
  Unlock,
  Logout,
  /** The days left of each certificate and the renewal steps: asked for in words ("e-imza süresi"), no button of its own. */
  Expiry,
}

/** What a wish in the citizen's own words stands for in the menu. */
const OPERATION_OF_WISH: Partial<Record<Intent, Operation>> = {
  activate: Operation.Activate,
  revoke: Operation.Revoke,
  updatePhone: Operation.Update,
  updateEmail: Operation.Update,
  listCertificates: Operation.List,
  certificateExpiry: Operation.Expiry,
  pinPuk: Operation.PinPuk,
  unlock: Operation.Unlock,
  goodbye: Operation.Logout,
};

/** `wish`: what the citizen asked for before logging in; the menu goes straight there once. */
export type MenuOptions = { wish?: Intent };

/** Whether an operation is under way in the menu's own dialog context, rather than the menu's question. */
export function operationRunning(menuDc: DialogContext | undefined): boolean {
  const active = menuDc?.activeDialog;
  return active !== undefined && active.id !== MENU_CHOICE;
}

/** İşlemler Menüsü: every choice first checks that the session is still alive (5 min idle, 15 min in all). */
export class OperationsMenuDialog extends ComponentDialog {
  constructor(
    private readonly guard: SessionGuard,
    private readonly certificates: CertificateService,
    intents: IntentModel,
    operations: {
      activate: ComponentDialog;
      revoke: ComponentDialog;
      updateDetails: ComponentDialog;
      pinPuk: ComponentDialog;
      unlock: ComponentDialog;
    },
  ) {
    super(OPERATIONS_MENU_DIALOG);
    this.addDialog(new FreeTextChoicePrompt(MENU_CHOICE, intents, (intent) => OPERATION_OF_WISH[intent]));
    Object.values(operations).forEach((operation) => this.addDialog(operation));
    this.addDialog(new WaterfallDialog(STEPS, [this.offer.bind(this), this.run.bind(this), this.loop.bind(this)]));
    this.initialDialogId = STEPS;
  }

  /** Show the menu to a citizen who is still logged in; a wish from before the login is taken as chosen. */
  private async offer(step: WaterfallStepContext<MenuOptions>): Promise<DialogTurnResult> {
    const session = await this.guard.active(step.context);
    if (!session) return step.endDialog();
    const wished = step.options.wish && OPERATION_OF_WISH[step.options.wish];
    if (wished !== undefined) return step.next(wished);
    return step.prompt(
      MENU_CHOICE,
      ask({ prompt: 'menu.prompt', params: { name: `${session.firstName} ${session.lastName}` }, help: 'menu.help', choices: MENU }),
    );
  }

  /** Do what was chosen, if the session has not timed out meanwhile. */
  private async run(step: WaterfallStepContext<MenuOptions>): Promise<DialogTurnResult> {
    const session = await this.guard.active(step.context);
    if (!session) return step.endDialog();
    const operation = step.result as Operation;
    switch (operation) {
      case Operation.Activate:
        return step.beginDialog(ACTIVATE_DIALOG);
      case Operation.Revoke:
        return step.beginDialog(REVOKE_DIALOG);
      case Operation.Update:
        return step.beginDialog(UPDATE_DETAILS_DIALOG, { detail: detailOf(step.options.wish) } satisfies UpdateDetailsOptions);
      case Operation.List:
        await step.context.sendActivity(certificateList(step.context, await this.certificates.listing(session.citizenId)));
        return step.next();
      case Operation.Expiry:
        await step.context.sendActivity(expiryView(step.context, await this.certificates.listing(session.citizenId)));
        return step.next();
      case Operation.PinPuk:
        return step.beginDialog(PIN_PUK_DIALOG);
      case Operation.Unlock:
        return step.beginDialog(UNLOCK_DIALOG);
      case Operation.Logout:
        await this.logOut(step);
        return step.endDialog();
    }
  }

  /** Back to the menu. */
  private async loop(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.replaceDialog(STEPS);
  }

  private async logOut(step: WaterfallStepContext): Promise<void> {
    await this.guard.forget(step.context);
    await say(step.context, 'session.loggedOut');
  }
}

/** Bilgi Güncelle goes straight to the phone or the e-mail address when the wish named one. */
function detailOf(wish: Intent | undefined): UpdateDetailsOptions['detail'] {
  return wish === 'updatePhone' ? 'phone' : wish === 'updateEmail' ? 'email' : undefined;
}
