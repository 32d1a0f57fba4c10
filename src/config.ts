import { z } from 'zod';
import { TrustedProxies } from './channels/clientAddress';
import { DEFAULT_EXPIRY_REMINDER_DAYS } from './domain/expiryReminders';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const urlWithProtocol = (protocols: readonly string[]) =>
  z
    .string()
    .trim()
    .refine(
      (value) => {
        try {
          return protocols.includes(new URL(value).protocol);
        } catch {
          return false;
        }
      },
      `must be a URL starting with ${protocols.join(' or ')}//`,
    );

const optionalUrl = (protocols: readonly string[]) =>
  z.preprocess((value) => (value === '' ? undefined : value), urlWithProtocol(protocols).optional());

const e164 = z.preprocess(
  (value) => (value === '' ? undefined : value),
  z
    .string()
    .regex(/^(whatsapp:)?\+[1-9]\d{6,14}$/, 'must be a phone number in E.164 form, such as +908501234567')
    .optional(),
);

/** Every environment variable the assistant reads (SPEC §5b), with its default. */
export const configSchema = z
  .object({
    /** Interface the HTTP server listens on; unset → 127.0.0.1 outside production, 0.0.0.0 in production (containers). */
    HOST: optionalText,
    /** HTTP port. */
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    /** A second port that serves only /metrics (the public port then has none); unset → /metrics on PORT, see METRICS_TOKEN. */
    METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    /** Bearer token /metrics asks for (on PORT, and on METRICS_PORT when set); with neither this nor METRICS_PORT, /metrics is loopback-only outside production and absent in production. */
    METRICS_TOKEN: z.string().trim().min(16, 'must be at least 16 characters').optional(),
    /** The address citizens reach the server at; links in e-mails start with it. Defaults to http://localhost:PORT. */
    PUBLIC_BASE_URL: optionalUrl(['http:', 'https:']),
    /** Where the embedded database, the generated master key and the outbox live. */
    DATA_DIR: z.string().trim().min(1).default('.data'),
    /** PostgreSQL connection URL; unset → embedded PostgreSQL (PGlite) in DATA_DIR. */
    DATABASE_URL: optionalUrl(['postgres:', 'postgresql:']),
    /** Redis URL for short-lived state; unset → an in-process store (one instance only). */
    REDIS_URL: optionalUrl(['redis:', 'rediss:']),
    /** SMTP server URL (smtp:// or smtps://); unset → mails are written to DATA_DIR/outbox/mail. */
    SMTP_URL: optionalUrl(['smtp:', 'smtps:']),
    /** Sender of every e-mail. */
    MAIL_FROM: z.string().trim().min(3).default('e-İmza Yardımcısı <no-reply@localhost>'),
    /** Twilio account SID (AC…); with TWILIO_AUTH_TOKEN, SMS go through Twilio. */
    TWILIO_ACCOUNT_SID: z.preprocess(
      (value) => (value === '' ? undefined : value),
      z
        .string()
        .regex(/^AC[0-9a-fA-F]{32}$/, 'must look like AC followed by 32 hex digits')
        .optional(),
    ),
    /** Twilio auth token: signs webhooks and authenticates REST calls. */
    TWILIO_AUTH_TOKEN: optionalText,
    /** The Twilio number SMS are sent from. */
    TWILIO_SMS_FROM: e164,
    /** The Twilio WhatsApp sender (whatsapp:+…). */
    TWILIO_WHATSAPP_FROM: e164,
    /** Overrides Twilio's REST base URL (sandboxes, tests). */
    TWILIO_API_BASE_URL: optionalUrl(['http:', 'https:']),
    /** Bot Framework registration; unset → unauthenticated activities are accepted (Bot Framework Emulator). */
    MICROSOFT_APP_ID: optionalText,
    MICROSOFT_APP_PASSWORD: optionalText,
    MICROSOFT_APP_TENANT_ID: optionalText,
    MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
    /** 32 bytes, base64 or hex, that wrap every PIN/PUK data key; required in production, generated in DATA_DIR otherwise. */
    PINPUK_MASTER_KEY: z.preprocess(
      (value) => (value === '' ? undefined : value),
      z
        .string()
        .trim()
        .refine((value) => decodeKey(value) !== undefined, 'must be 32 bytes written as 64 hex digits or base64')
        .optional(),
    ),
    /** A seed file (SPEC §6) imported at start. */
    SEED_FILE: optionalText,
    /** Which human check to show: auto (image where the channel shows images), image or text. */
    CHALLENGE_KIND: z.enum(['auto', 'image', 'text']).default('auto'),
    /** Whether PIN/PUK are shown over SMS and WhatsApp: registered-phone (only to the citizen's registered number), never or always. */
    PINPUK_TEXT_CHANNELS: z.enum(['registered-phone', 'never', 'always']).default('registered-phone'),
    /** Language of a conversation whose activities carry no locale. */
    DEFAULT_LOCALE: z.enum(['tr-TR', 'en-US']).default('tr-TR'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
    /** Proxies (comma-separated addresses/CIDRs, IPv4 or IPv6) whose X-Forwarded-For names the client; unset → none, the socket's peer is the client. */
    TRUSTED_PROXIES: z
      .string()
      .trim()
      .default('')
      .superRefine((value, context) => {
        try {
          TrustedProxies.parse(value);
        } catch (error) {
          context.addIssue({
            code: 'custom',
            message: `must be IP addresses or CIDR ranges separated by commas (${(error as Error).message})`,
          });
        }
      }),
    /** Failed checks (human check, security word, SMS code, switches to the words check) one source may make in an hour across its conversations before it is paused 15 minutes. */
    FAILED_CHECKS_PER_SOURCE_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(30),
    /** Account blocks in a clock hour (all instances) above which a warning is logged, once per hour crossed. */
    BLOCK_ALERT_PER_HOUR: z.coerce.number().int().min(1).max(1_000_000).default(20),
    /** Days the audit log is kept. */
    AUDIT_RETENTION_DAYS: z.coerce.number().int().min(1).max(36500).default(1095),
    /**
     * Days before a certificate's last day when its holder is reminded, comma-separated (each 1–3650,
     * each once); `off` turns the reminders off.
     */
    EXPIRY_REMINDER_DAYS: z
      .string()
      .trim()
      .default(DEFAULT_EXPIRY_REMINDER_DAYS.join(','))
      .transform((value, context) => {
        if (value.toLowerCase() === 'off') return [];
        const parts = value.split(',').map((part) => part.trim());
        const days = parts.map(Number);
        if (
          parts.some((part) => !/^\d{1,4}$/.test(part)) ||
          days.some((day) => day < 1 || day > 3650) ||
          new Set(days).size !== days.length
        ) {
          context.addIssue({
            code: 'custom',
            message: 'must be whole days from 1 to 3650 separated by commas, each once (such as 90,60,30,15,7,1), or off',
          });
          return z.NEVER;
        }
        return days.sort((a, b) => b - a);
      }),
    /** Production refuses to start without PINPUK_MASTER_KEY. */
    NODE_ENV: z.string().default('development'),
  })
  .superRefine((config, context) => {
    if (config.NODE_ENV === 'production' && !config.PINPUK_MASTER_KEY) {
      context.addIssue({ code: 'custom', path: ['PINPUK_MASTER_KEY'], message: 'is required when NODE_ENV=production' });
    } else if (config.DATABASE_URL && !config.PINPUK_MASTER_KEY) {
      // A key generated per instance would seal PIN/PUK that the other instances cannot open.
      context.addIssue({
        code: 'custom',
        path: ['PINPUK_MASTER_KEY'],
        message: 'is required with DATABASE_URL: every instance must share it',
      });
    }
  });

export type Config = z.infer<typeof configSchema> & { PUBLIC_BASE_URL: string; HOST: string };

export class ConfigError extends Error {}

/** Validates an environment; a bad value throws a ConfigError naming the variable and the reason. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  // An empty or blank variable counts as unset (PORT= is not port 0).
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''));
  const result = configSchema.safeParse(present);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'} ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const config = result.data;
  const publicBaseUrl = (config.PUBLIC_BASE_URL ?? `http://localhost:${config.PORT}`).replace(/\/+$/, '');
  const host = config.HOST ?? (config.NODE_ENV === 'production' ? '0.0.0.0' : '127.0.0.1');
  return { ...config, PUBLIC_BASE_URL: publicBaseUrl, HOST: host };
}

/** A 32-byte key written as hex or base64, or undefined. */
export function decodeKey(text: string): Buffer | undefined {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  return key.length === 32 ? key : undefined;
}
