import { timingSafeEqual } from 'node:crypto';
import { keyedHash, type SecretKey } from './secrets';

export type Unsealed = { ok: true; payload: unknown } | { ok: false; reason: 'malformed' | 'forged' };

/**
 * Self-contained tokens: `base64url(JSON payload).base64url(HMAC-SHA256)`. Nothing is stored; any
 * instance holding the key checks them. Callers validate the payload and its expiry.
 */
export function signToken(key: SecretKey, payload: object): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${keyedHash(key, body)}`;
}

export function openToken(key: SecretKey, token: string | undefined, maxLength = 1024): Unsealed {
  if (!token || token.length > maxLength) return { ok: false, reason: 'malformed' };
  const [body, signature, ...rest] = token.split('.');
  if (!body || !signature || rest.length > 0) return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(keyedHash(key, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'forged' };
  try {
    return { ok: true, payload: JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) };
  } catch {
    return { ok: false, reason: 'malformed' };
  }
}
