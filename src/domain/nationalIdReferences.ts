import type { NationalId } from './identity';
import type { KeyValueStore } from '../lib/keyValueStore';
import type { RandomSource } from '../lib/random';

/** As long as a login or a reset request may take, from the Kimlik No to the last security word. */
export const NATIONAL_ID_REFERENCE_TTL_MS = 30 * 60_000;

/**
 * Keeps a typed Kimlik No out of dialog state (which lives 24 h): the state holds a random
 * reference, and the ID itself sits in the short-lived store only while its flow may need it.
 */
export class NationalIdReferences {
  constructor(
    private readonly store: KeyValueStore,
    private readonly random: RandomSource,
  ) {}

  /** A new reference to the ID, valid NATIONAL_ID_REFERENCE_TTL_MS. */
  async keep(id: NationalId): Promise<string> {
    const reference = this.random.bytes(16).toString('base64url');
    await this.store.set(this.key(reference), { type: id.type, value: id.value }, NATIONAL_ID_REFERENCE_TTL_MS);
    return reference;
  }

  /** The ID a reference stands for, or undefined once it expired or was forgotten. */
  async resolve(reference: string | undefined): Promise<NationalId | undefined> {
    if (!reference) return undefined;
    return this.store.get<NationalId>(this.key(reference));
  }

  async forget(reference: string | undefined): Promise<void> {
    if (reference) await this.store.delete(this.key(reference));
  }

  private key(reference: string): string {
    return `national-id-ref:${reference}`;
  }
}
