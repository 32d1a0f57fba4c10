import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from './dialogRuntime';
import type { MessageKey } from '../language/messages';
import { isLastFourOf, lastFourOf } from '../language/serials';
import {
  REVOCATION_NOTE_MAX_LENGTH,
  REVOCATION_REASONS,
  revocationNoteOf,
  type CertificateService,
  type RevocationReason,
} from '../domain/certificates';
import { ask, ChoiceInputPrompt, TextInputPrompt } from './prompts';
import { chooseSerial, SerialChoicePrompt } from './serialPrompt';
import type { SessionGuard } from './session';
import { say, turnInfo } from './turn';

export const REVOKE_DIALOG = 'revoke';
const STEPS = 'revoke.steps';
const NOTE_STEPS = 'revoke.note';
const CERTIFICATE_CHOICE = 'revoke.certificate';
const REASON_CHOICE = 'revoke.reason';
const NOTE_PROMPT = 'revoke.notePrompt';
const CONFIRMATION = 'revoke.confirmation';

const REASON_CHOICES: readonly MessageKey[] = REVOCATION_REASONS.map((reason) => `revoke.reason.${reason}` as const);

type Values = { serial: string; reason: RevocationReason; note: string | null };

/**
 * Sertifikamı İptal Et: the certificate, the reason (with a few words for "diğer"), the warning
 * that this cannot be undone and a new certificate costs a fee, and the last four characters of
 * the certificate's serial number typed back (SPEC §1.9). Any other answer, "iptal" and "İPTAL"
 * included, leaves the certificate as it is.
 */
export class RevokeDialog extends ComponentDialog {
  constructor(
    private readonly certificates: CertificateService,
    private readonly guard: SessionGuard,
  ) {
    super(REVOKE_DIALOG);
    this.addDialog(new SerialChoicePrompt(CERTIFICATE_CHOICE));
    this.addDialog(new ChoiceInputPrompt(REASON_CHOICE));
    this.addDialog(new TextInputPrompt(NOTE_PROMPT));
    this.addDialog(new TextInputPrompt(CONFIRMATION));
    this.addDialog(
      new WaterfallDialog(STEPS, [
        this.chooseCertificate.bind(this),
        this.chooseReason.bind(this),
        this.describeOther.bind(this),
        this.warn.bind(this),
        this.revoke.bind(this),
      ]),
    );
    this.addDialog(new WaterfallDialog(NOTE_STEPS, [this.askNote.bind(this), this.checkNote.bind(this)]));
    this.initialDialogId = STEPS;
  }

  /** Offer the certificates not yet revoked; naming a revoked one gets the reason. */
  private async chooseCertificate(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const session = await this.guard.active(step.context);
    if (!session) return step.endDialog();
    const certificates = await this.certificates.list(session.citizenId);
    const revocable = certificates.filter((certificate) => certificate.status !== 'revoked').map((certificate) => certificate.serial);
    if (revocable.length === 0) {
      await say(step.context, 'revoke.none');
      return step.endDialog();
    }
    const revoked = certificates
      .filter((certificate) => certificate.status === 'revoked')
      .map((certificate) => ({ serial: certificate.serial, reason: 'revoke.unavailable.revoked' as const }));
    const question = { prompt: 'revoke.prompt', help: 'revoke.help', serials: revocable, unavailable: revoked } as const;
    return chooseSerial(step, CERTIFICATE_CHOICE, question, 'choice.onlyCertificate');
  }

  /** Why: kayıp / çalıntı, bilgi değişikliği, anahtar güvenliği or diğer. */
  private async chooseReason(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const serial = step.result as string;
    (step.values as Values).serial = serial;
    if (!(await this.guard.active(step.context))) return step.endDialog();
    return step.prompt(
      REASON_CHOICE,
      ask({ prompt: 'revoke.reasonPrompt', params: { serial }, help: 'revoke.reasonHelp', choices: REASON_CHOICES }),
    );
  }

  /** "Diğer" asks for a few words of the citizen's own. */
  private async describeOther(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const reason = REVOCATION_REASONS[step.result as number]!;
    (step.values as Values).reason = reason;
    return reason === 'other' ? step.beginDialog(NOTE_STEPS) : step.next(null);
  }

  /**
   * The warning, and the question only the serial's last four characters answer with a yes: a word
   * could be typed from habit ("iptal" cancels everywhere else), these four only on purpose.
   */
  private async warn(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as Values;
    values.note = step.result as string | null;
    if (!(await this.guard.active(step.context))) return step.endDialog();
    const params = { serial: values.serial, lastFour: lastFourOf(values.serial) };
    return step.prompt(
      CONFIRMATION,
      ask({ prompt: 'revoke.warning', params, help: 'revoke.warningHelp', helpParams: params, takesCancelWords: true }),
    );
  }

  /** The last four characters revoke, while the session is alive; any other answer changes nothing. */
  private async revoke(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { serial, reason, note } = step.values as Values;
    const session = await this.guard.active(step.context);
    if (!session) return step.endDialog();
    if (!isLastFourOf(step.result as string, serial)) {
      await say(step.context, 'revoke.notRevoked', { serial });
      return step.endDialog();
    }
    const actor = this.guard.actor(step.context, session);
    const outcome = await this.certificates.revoke(session.citizenId, serial, { reason, note }, actor, turnInfo(step.context).locale);
    const reply =
      outcome.result === 'changed' ? 'revoke.done' : outcome.status === 'revoked' ? 'revoke.unavailable.revoked' : 'certificates.unknown';
    await say(step.context, reply, { serial });
    return step.endDialog();
  }

  /** A few words for "diğer". */
  private async askNote(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const params = { max: REVOCATION_NOTE_MAX_LENGTH };
    return step.prompt(NOTE_PROMPT, ask({ prompt: 'revoke.notePrompt', params, help: 'revoke.noteHelp', helpParams: params }));
  }

  /** At most 200 characters, trimmed; asked again otherwise. */
  private async checkNote(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const check = revocationNoteOf(step.result as string);
    if (check.ok) return step.endDialog(check.note);
    await say(step.context, `revoke.note.${check.reason}`, { max: REVOCATION_NOTE_MAX_LENGTH });
    return step.replaceDialog(NOTE_STEPS);
  }
}
