import type { RandomSource } from '../lib/random';
import { seal, secretKey, unseal, type SecretKey } from '../lib/secrets';

export type PinPuk = { pin: string; puk: string };
export type SealedPinPuk = { wrappedDataKey: Buffer; ciphertext: Buffer };

/**
 * Envelope encryption for PIN/PUK: each record has its own AES-256-GCM data key, stored only
 * wrapped (AES-256-GCM) by the master key. Deleting a record's row destroys its key, so the
 * values are gone for good even from backups of the master key.
 */
export class PinPukVault {
  private readonly masterKey: SecretKey;

  constructor(
    masterKey: Buffer,
    private readonly random: RandomSource,
  ) {
    if (masterKey.length !== 32) throw new Error('PIN/PUK master key must be 32 bytes');
    this.masterKey = secretKey(masterKey);
  }

  seal(values: PinPuk, cardSerial: string): SealedPinPuk {
    const dataKey = this.random.bytes(32);
    return {
      wrappedDataKey: seal(this.masterKey, dataKey, `key:${cardSerial}`, this.random),
      ciphertext: seal(secretKey(dataKey), Buffer.from(JSON.stringify(values), 'utf8'), `pinpuk:${cardSerial}`, this.random),
    };
  }

  open(sealed: SealedPinPuk, cardSerial: string): PinPuk {
    const dataKey = unseal(this.masterKey, sealed.wrappedDataKey, `key:${cardSerial}`);
    return JSON.parse(unseal(secretKey(dataKey), sealed.ciphertext, `pinpuk:${cardSerial}`).toString('utf8')) as PinPuk;
  }
}
