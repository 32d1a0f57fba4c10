import { createCipheriv, createDecipheriv } from 'node:crypto';
import type { RandomSource } from './random';

export type PinPuk = { pin: string; puk: string };
export type SealedPinPuk = { wrappedDataKey: Buffer; ciphertext: Buffer };

/**
 * Envelope encryption for PIN/PUK: each record has its own AES-256-GCM data key, stored only
 * wrapped (AES-256-GCM) by the master key. Deleting a record's row destroys its key, so the
 * values are gone for good even from backups of the master key.
 */
export class PinPukVault {
  constructor(
    private readonly masterKey: Buffer,
    private readonly random: RandomSource,
  ) {
    if (masterKey.length !== 32) throw new Error('PIN/PUK master key must be 32 bytes');
  }

  seal(values: PinPuk, cardSerial: string): SealedPinPuk {
    const dataKey = this.random.bytes(32);
    return {
      wrappedDataKey: encrypt(this.masterKey, dataKey, `key:${cardSerial}`, this.random),
      ciphertext: encrypt(dataKey, Buffer.from(JSON.stringify(values), 'utf8'), `pinpuk:${cardSerial}`, this.random),
    };
  }

  open(sealed: SealedPinPuk, cardSerial: string): PinPuk {
    const dataKey = decrypt(this.masterKey, sealed.wrappedDataKey, `key:${cardSerial}`);
    return JSON.parse(decrypt(dataKey, sealed.ciphertext, `pinpuk:${cardSerial}`).toString('utf8')) as PinPuk;
  }
}

/** nonce (12) | tag (16) | ciphertext; the associated data binds a blob to its card. */
function encrypt(key: Buffer, plaintext: Buffer, associatedData: string, random: RandomSource): Buffer {
  const nonce = random.bytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([nonce, cipher.getAuthTag(), body]);
}

function decrypt(key: Buffer, blob: Buffer, associatedData: string): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, blob.subarray(0, 12));
  decipher.setAAD(Buffer.from(associatedData, 'utf8'));
  decipher.setAuthTag(blob.subarray(12, 28));
  return Buffer.concat([decipher.update(blob.subarray(28)), decipher.final()]);
}
