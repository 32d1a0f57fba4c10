import { isIP } from 'node:net';
import { z } from 'zod';

/** Lengths no channel comes near; activity ids are kept (hashed) for the duplicate check. */
export const MAX_ACTIVITY_ID_LENGTH = 256;
const MAX_CONVERSATION_ID_LENGTH = 512;
const MAX_PARTY_ID_LENGTH = 512;
const MAX_NAME_LENGTH = 256;
const MAX_SERVICE_URL_LENGTH = 2048;

/**
 * Ids are visible ASCII (Teams' "a:1…", "19:…@thread.v2;messageid=…", the Emulator's GUIDs): they
 * travel in URL paths, store keys and log fields, where a control character, a lone surrogate or
 * a non-Latin-1 character failed the turn after the request was already answered 200.
 */
const asciiId = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[\x20-\x7E]+$/, 'visible ASCII only');
/** Display names are any text a person may have, but no control characters and no lone surrogates. */
const displayName = z
  .string()
  .max(MAX_NAME_LENGTH)
  .refine(
    (name) => !/\p{Cc}/u.test(name) && !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(name),
    'no control characters or lone surrogates',
  );

const party = z.looseObject({
  id: asciiId(MAX_PARTY_ID_LENGTH),
  name: displayName.optional(),
  aadObjectId: asciiId(64).optional(),
  role: asciiId(32).optional(),
});

/**
 * Every field of an incoming Bot Framework activity that the bot (or botbuilder for it) reads, with
 * its type, length and characters, checked before the request reaches the adapter: a malformed
 * activity gets a 400 instead of failing inside a turn. `serviceUrl` is required (without one
 * botbuilder would post the replies to the public Bot Framework host) and must be http(s) with no
 * user or password (so the urn: service URLs of our own Direct Line and Twilio conversations are
 * refused here too); whether it points at the bot itself is `pointsAtItself`'s to say.
 */
export const activityEnvelope = z.looseObject({
  type: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9/._-]+$/),
  id: asciiId(MAX_ACTIVITY_ID_LENGTH).optional(),
  replyToId: asciiId(MAX_ACTIVITY_ID_LENGTH).optional(),
  channelId: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9._-]+$/),
  serviceUrl: z
    .string()
    .max(MAX_SERVICE_URL_LENGTH)
    .refine((value) => {
      const url = parsedUrl(value);
      return url !== undefined && (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '';
    }, 'must be an http(s) URL without credentials'),
  conversation: z.looseObject({
    id: asciiId(MAX_CONVERSATION_ID_LENGTH),
    name: displayName.optional(),
    conversationType: asciiId(32).optional(),
    tenantId: asciiId(64).optional(),
    isGroup: z.boolean().optional(),
  }),
  from: party.optional(),
  recipient: party.optional(),
  locale: z
    .string()
    .max(35)
    .regex(/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$/)
    .optional(),
  timestamp: z.string().max(64).optional(),
  localTimestamp: z.string().max(64).optional(),
  text: z.string().optional(),
  name: z.string().max(256).optional(),
  textFormat: z.string().max(32).optional(),
  channelData: z.looseObject({}).optional(),
  membersAdded: z.array(party).max(100).optional(),
  membersRemoved: z.array(party).max(100).optional(),
});

/** Host names that reach this machine whatever the port. */
const LOOPBACK = new Set(['localhost', '0.0.0.0', '[::]', '[::1]', '[::ffff:7f00:1]', '[::ffff:127.0.0.1]']);

/**
 * Whether replies to `serviceUrl` would come back to the bot itself: its public address, or the
 * port it listens on under any name that reaches this machine (loopback, the address the request
 * came in on, the Host the caller used). The bot would post its own replies to /v3/… on itself.
 */
export function pointsAtItself(
  serviceUrl: string,
  own: { publicBaseUrl: string; localAddress?: string; localPort?: number; host?: string },
): boolean {
  const url = parsedUrl(serviceUrl);
  if (!url) return false;
  const publicOrigin = parsedUrl(own.publicBaseUrl)?.origin;
  if (publicOrigin && url.origin === publicOrigin) return true;
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  if (own.localPort === undefined || port !== own.localPort) return false;
  const hostname = url.hostname.toLowerCase();
  const names = new Set([...LOOPBACK, bracketed(own.localAddress), parsedUrl(`http://${own.host ?? ''}`)?.hostname.toLowerCase()]);
  return names.has(hostname) || /^127\.\d+\.\d+\.\d+$/.test(hostname) || hostname.endsWith('.localhost');
}

function bracketed(address: string | undefined): string | undefined {
  if (!address) return undefined;
  const plain = address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
  return isIP(plain) === 6 ? `[${plain}]` : plain;
}

function parsedUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}
