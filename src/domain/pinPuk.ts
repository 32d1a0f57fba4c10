import type { Actor, AuditEntry, AuditLog } from './audit';
import type { PinPuk, PinPukVault, SealedPinPuk } from './pinPukVault';

export type StoredCard = { serial: string; offlineChanged: boolean; deletedAt: Date | null; sealed: SealedPinPuk | null };

export type CardPinPuk =
  | { serial: string; offlineChanged: boolean; state: 'stored'; values: PinPuk }
  | { serial: string; offlineChanged: boolean; state: 'deleted' };

export interface PinPukRepository {
  cardsOf(citizenId: string): Promise<StoredCard[]>;
  /**
   * In one transaction: removes the encrypted values and their data keys of the citizen's named
   * cards, marks the cards deleted and writes the audit row. Returns the serials deleted.
   */
  destroy(citizenId: string, serials: readonly string[], now: Date, audit: AuditEntry): Promise<string[]>;
}

/** PIN / PUK Bilgisi: show, keep (Parolaları Kaydet) or destroy for good (Parolaları Sil). */
export class PinPukService {
  constructor(
    private readonly repository: PinPukRepository,
    private readonly vault: PinPukVault,
    private readonly audit: AuditLog,
    private readonly clock: { now(): Date },
  ) {}

  async show(citizenId: string, actor: Actor): Promise<CardPinPuk[]> {
    const cards = await this.repository.cardsOf(citizenId);
    const shown = cards.map((card): CardPinPuk =>
      card.sealed && !card.deletedAt
        ? { serial: card.serial, offlineChanged: card.offlineChanged, state: 'stored', values: this.vault.open(card.sealed, card.serial) }
        : { serial: card.serial, offlineChanged: card.offlineChanged, state: 'deleted' },
    );
    const stored = shown.filter((card) => card.state === 'stored').map((card) => card.serial);
    if (stored.length > 0) await this.record(actor, 'pinpuk.shown', stored);
    return shown;
  }

  async saved(serials: readonly string[], actor: Actor): Promise<void> {
    await this.record(actor, 'pinpuk.saved', serials);
  }

  async destroy(citizenId: string, serials: readonly string[], actor: Actor): Promise<string[]> {
    return this.repository.destroy(citizenId, serials, this.clock.now(), {
      actor: 'citizen',
      action: 'pinpuk.deleted',
      subject: actor.subject,
      channel: actor.channel,
      details: { cards: serials.join(',') },
    });
  }

  private record(actor: Actor, action: string, serials: readonly string[]): Promise<void> {
    return this.audit.record({
      actor: 'citizen',
      action,
      subject: actor.subject,
      channel: actor.channel,
      details: { cards: serials.join(',') },
    });
  }
}
