import { AsyncLocalStorage } from 'node:async_hooks';
import pino from 'pino';
import { cryptoRandom } from './lib/random';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
type Fields = Record<string, unknown>;

export interface Logger {
  error(message: string, fields?: Fields): void;
  warn(message: string, fields?: Fields): void;
  info(message: string, fields?: Fields): void;
  debug(message: string, fields?: Fields): void;
}

/** What every line written while a request or a turn is handled carries, to find its lines together. */
export type LogContext = { requestId?: string; turnId?: string };

const context = new AsyncLocalStorage<LogContext>();

/** Runs `work` with these ids added to every line it (and whatever it starts) logs. */
export function withLogContext<T>(ids: LogContext, work: () => T): T {
  return context.run({ ...context.getStore(), ...ids }, work);
}

/**
 * Paths pino censors before a line is written, whatever the field-name guard below lets through:
 * secrets by name one level down, message bodies (mails and SMS carry links and codes), an
 * activity's text and value (a typed security word), and the headers that authenticate requests.
 */
export const SECRET_PATHS = [
  ...[
    'securityWord',
    'word',
    'newWord',
    'token',
    'password',
    'secret',
    'pin',
    'puk',
    'answer',
    'code',
    'oneTimeCode',
    'unlockCode',
  ].flatMap((name) => [name, `*.${name}`]),
  'body',
  '*.body',
  'activity.text',
  'activity.value',
  '*.activity.text',
  '*.activity.value',
  'headers.authorization',
  'headers.cookie',
  'headers["x-twilio-signature"]',
  '*.headers.authorization',
  '*.headers.cookie',
  '*.headers["x-twilio-signature"]',
];

const REDACTED = '[redacted]';

/**
 * One JSON object per line (pino): time, level, the message as `msg`, the request/turn ids, and the
 * caller's fields. Callers pass masked IDs and no secrets; as second guards, fields whose names
 * suggest a secret are replaced (deeper down, unless they hold a count or an error's code),
 * SECRET_PATHS are censored, and errors keep only their name and their message with long digit
 * runs masked.
 */
export function createLogger(level: LogLevel, write?: (line: string) => void): Logger {
  const destination = write
    ? { write: (chunk: string) => write(chunk.endsWith('\n') ? chunk.slice(0, -1) : chunk) }
    : pino.destination({ dest: 1, sync: true });
  const logger = pino(
    {
      level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (fields) => guard(fields, 0) as Fields,
      },
      redact: {
        paths: SECRET_PATHS,
        censor: (value: unknown, path: string[]) => (path.at(-1) === 'code' && isErrorCode(value) ? value : REDACTED),
      },
      mixin: () => ({ ...context.getStore() }),
    },
    destination,
  );
  return {
    error: (message, fields = {}) => logger.error(fields, message),
    warn: (message, fields = {}) => logger.warn(fields, message),
    info: (message, fields = {}) => logger.info(fields, message),
    debug: (message, fields = {}) => logger.debug(fields, message),
  };
}

const SECRET_FIELD = /word|token|code|pin|puk|password|secret|answer|authorization|cookie|signature/i;
const MAX_DEPTH = 6;

/**
 * Below the top level a `code` is usually an error's, and those stay: Twilio's (21211, never six
 * digits like an SMS code), Node's (ECONNREFUSED, ERR_…; shorter than an unlock code).
 */
function isErrorCode(value: unknown): boolean {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 && value < 100_000;
  return typeof value === 'string' && /^(?:E[A-Z]{2,14}|ERR_[A-Z0-9_]+)$/.test(value);
}

function guard(value: unknown, depth: number): unknown {
  if (value instanceof Error) return { name: value.name, message: maskNumbers(value.message) };
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[too deep]';
  if (Array.isArray(value)) return value.map((item) => guard(item, depth + 1));
  if (!isPlainObject(value)) return value;
  const safe: Fields = {};
  for (const [name, field] of Object.entries(value)) {
    if (isSecretField(name, field, depth)) safe[name] = REDACTED;
    else safe[name] = guard(field, depth + 1);
  }
  return safe;
}

/**
 * At the top level a suspicious name is enough. Deeper down, numbers and flags stay (counts such as
 * `purged.unlockCodes`), and so do error codes; numbers under secret names are censored by SECRET_PATHS.
 */
function isSecretField(name: string, value: unknown, depth: number): boolean {
  if (!SECRET_FIELD.test(name)) return false;
  if (depth === 0) return true;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return false;
  return !(name === 'code' && isErrorCode(value));
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/** Long digit runs in messages (phone numbers, ID numbers) are masked, whatever wrote them. */
function maskNumbers(text: string): string {
  return text.replace(/\+?\d[\d ]{8,}\d/g, (run) => `${run.slice(0, 3)}***${run.slice(-2)}`);
}

/**
 * A request or turn id: 16 random base64url characters. Not a UUID, whose hex can hold a run of
 * 9–11 digits that reads like a phone or ID number to anyone (or any check) scanning the logs.
 */
export function newLogId(): string {
  return cryptoRandom.bytes(12).toString('base64url');
}
