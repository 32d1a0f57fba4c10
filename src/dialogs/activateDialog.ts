import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from './dialogRuntime';
import type { MessageKey } from '../language/messages';
import type { CertificateService, CertificateStatus } from '../domain/certificates';
import { ask, YesNoPrompt } from './prompts';
import { chooseSerial, SerialChoicePrompt } from './serialPrompt';
import type { SessionGuard } from './session';
import { say, text } from './turn';

export const ACTIVATE_DIALOG = 'activate';
const STEPS = 'activate.steps';
const CERTIFICATE_CHOICE = 'activate.certificate';
const CONFIRM = 'activate.confirm';

/** Why a certificate cannot be activated: it is in use already, revoked, or not the citizen's. */
function whyNotActivated(status: CertificateStatus | 'unknown'): MessageKey {
  if (status === 'active') return 'activate.unavailable.active';
  if (status === 'revoked') return 'activate.unavailable.revoked';
  return 'certificates.unknown';
}

type Values = { serial: string };

/**
 * Kullanıma Aç: the certificates waiting for activation, the one to activate, an explicit yes,
 * and from then on it is in use.
 */
export class ActivateDialog extends ComponentDialog {
  constructor(
    private readonly certificates: CertificateService,
    private readonly guard: SessionGuard,
  ) {
    super(ACTIVATE_DIALOG);
    this.addDialog(new SerialChoicePrompt(CERTIFICATE_CHOICE));
    this.addDialog(new YesNoPrompt(CONFIRM));
    this.addDialog(new WaterfallDialog(STEPS, [this.offer.bind(this), this.confirm.bind(this), this.activate.bind(this)]));
    this.initialDialogId = STEPS;
  }

  /** Offer the certificates waiting for activation; with none, say so and why the others need nothing. */
  private async offer(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const session = await this.guard.active(step.context);
    if (!session) return step.endDialog();
    const certificates = await this.certificates.list(session.citizenId);
    const pending = certificates.filter((certificate) => certificate.status === 'pending').map((certificate) => certificate.serial);
    const others = certificates
      .filter((certificate) => certificate.status !== 'pending')
      .map((certificate) => ({ serial: certificate.serial, reason: whyNotActivated(certificate.status) }));
    if (pending.length === 0) {
      const reasons = others.map((other) => text(step.context, other.reason, { serial: other.serial }));
      await step.context.sendActivity([text(step.context, 'activate.none'), ...reasons].join('\n'));
      return step.endDialog();
    }
    const question = { prompt: 'activate.prompt', help: 'activate.help', serials: pending, unavailable: others } as const;
    return chooseSerial(step, CERTIFICATE_CHOICE, question, 'choice.onlyCertificate');
  }

  /** Ask for an explicit yes before activating the chosen one. */
  private async confirm(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const serial = step.result as string;
    (step.values as Values).serial = serial;
    if (!(await this.guard.active(step.context))) return step.endDialog();
    return step.prompt(CONFIRM, ask({ prompt: 'activate.confirm', params: { serial }, help: 'activate.confirmHelp' }));
  }

  /** Only a yes activates, and only while the session is alive. */
  private async activate(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { serial } = step.values as Values;
    const session = await this.guard.active(step.context);
    if (!session) return step.endDialog();
    if (step.result !== true) {
      await say(step.context, 'activate.notActivated', { serial });
      return step.endDialog();
    }
    const outcome = await this.certificates.activate(session.citizenId, serial, this.guard.actor(step.context, session));
    const reply = outcome.result === 'changed' ? 'activate.done' : whyNotActivated(outcome.status);
    await say(step.context, reply, { serial });
    return step.endDialog();
  }
}
