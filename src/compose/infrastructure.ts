import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { decodeKey, type Config } from '../config';
import type { ActivityStreams } from '../channels/activityStreams';
import { outboxMailer, smtpMailer } from '../channels/mail';
import { outboxSms, twilioMessages, twilioSms, type TwilioMessages } from '../channels/sms';
import type { SqlDatabase } from '../data/database';
import { DataDirLock } from '../data/dataDirLock';
import { MailDeliveryWorker, MailSeal, mailBacklog, sealPlainQueuedMail, SqlMailQueue } from '../data/mailOutbox';
import { MemoryActivityStreams } from '../data/memoryActivityStreams';
import { MemoryStore } from '../data/memoryStore';
import { migrate } from '../data/migrate';
import { openPglite } from '../data/pglite';
import { openPostgres } from '../data/postgres';
import { RedisActivityStreams } from '../data/redisActivityStreams';
import { RedisStore } from '../data/redisStore';
import { importSeed, readSeedFile } from '../data/seed';
import { SqlAuditLog } from '../data/sqlAudit';
import { SqlUsedMarks } from '../data/sqlUsedMarks';
import type { AuditLog } from '../domain/audit';
import type { Mailer } from '../domain/notifications';
import { PinPukVault } from '../domain/pinPukVault';
import { argon2Hasher, type SecurityWordHasher } from '../domain/securityWords';
import type { SmsSender } from '../domain/sms';
import { BackgroundTasks } from '../lib/background';
import { systemClock, type Clock } from '../lib/clock';
import { ConversationLocks } from '../lib/conversationLocks';
import type { KeyValueStore } from '../lib/keyValueStore';
import { cryptoRandom, type RandomSource } from '../lib/random';
import { deriveKey, type SecretKey } from '../lib/secrets';
import { createLogger, type Logger } from '../logger';
import { Metrics } from '../metrics';
import type { UsedMarks } from '../web/agentSignIn';
import type { AppOverrides } from './overrides';

/** A connection or database the app opened, closed by `App.close` or when the start fails. */
export type Closable = { close(): Promise<void> };
/** Records a resource to close and hands it back. */
export type Opened = <T extends Closable>(resource: T) => T;

/** The outside world as the app reaches it: database, stores, senders, keys. */
export type Infrastructure = {
  clock: Clock;
  random: RandomSource;
  hasher: SecurityWordHasher;
  logger: Logger;
  /** DATA_DIR/outbox: where mail and SMS go when no SMTP server or Twilio account is configured. */
  outboxDir: string;
  /** A key of its own for each purpose, derived from the master key. */
  keyFor: (purpose: string) => SecretKey;
  db: SqlDatabase;
  /** Held on the embedded database only: one process per DATA_DIR. */
  dataDirLock?: DataDirLock;
  store: KeyValueStore;
  /** Used sign-in links and handled Twilio messages, which must stay used across a restart. */
  usedMarks: UsedMarks;
  activityStreams: ActivityStreams;
  locks: ConversationLocks;
  vault: PinPukVault;
  metrics: Metrics;
  background: BackgroundTasks;
  audit: AuditLog;
  /** The queue every product mail goes through; `mailWorker` delivers it. */
  mailer: Mailer;
  mailWorker: MailDeliveryWorker;
  /** Set when Twilio credentials are: the SMS/WhatsApp channel and the SMS codes share it. */
  twilioClient?: TwilioMessages;
  smsSender: SmsSender;
  reportSmsFailure: (error: unknown, phone: string) => void;
};

/** Opens the database (migrated and seeded), the stores and the senders the configuration names. */
export async function openInfrastructure(config: Config, overrides: AppOverrides, opened: Opened): Promise<Infrastructure> {
  const clock = overrides.clock ?? systemClock;
  const random = overrides.random ?? cryptoRandom;
  const hasher = overrides.hasher ?? argon2Hasher;
  const logger = overrides.logger ?? createLogger(config.LOG_LEVEL);
  const dataDir = resolve(config.DATA_DIR);
  const outboxDir = join(dataDir, 'outbox');

  // One embedded database has one owner: a second process on this DATA_DIR stops here.
  const dataDirLock = config.DATABASE_URL ? undefined : opened(DataDirLock.acquire(dataDir));
  const masterKey = loadMasterKey(config, dataDir, random, logger);
  const keyFor = (purpose: string) => deriveKey(masterKey, purpose);
  const db = opened(config.DATABASE_URL ? openPostgres(config.DATABASE_URL) : await openPglite(join(dataDir, 'pgdata')));
  await migrate(db);
  const metrics = new Metrics(() => mailBacklog(db));
  const store: KeyValueStore = opened(
    config.REDIS_URL ? await RedisStore.connect(config.REDIS_URL, overrides.redisKeyPrefix) : new MemoryStore(clock),
  );
  // The in-process store forgets at a restart; the database does not.
  const usedMarks = config.REDIS_URL ? store : new SqlUsedMarks(db, clock);
  const activityStreams: ActivityStreams = opened(
    config.REDIS_URL ? await RedisActivityStreams.connect(config.REDIS_URL) : new MemoryActivityStreams(clock),
  );

  const vault = new PinPukVault(masterKey, random);
  await loadSeeds(config, db, vault, hasher, logger, overrides.skipDemoSeed ?? false, clock.now());

  const background = new BackgroundTasks((error, task) => logger.error('background task failed', { task, error }));
  const mailTransport =
    overrides.mailer ??
    (config.SMTP_URL ? smtpMailer(config.SMTP_URL, config.MAIL_FROM) : outboxMailer(join(outboxDir, 'mail'), config.MAIL_FROM, random));
  const mailSeal = new MailSeal(keyFor('mail-outbox'), random);
  const sealedNow = await sealPlainQueuedMail(db, mailSeal);
  if (sealedNow > 0) logger.info('queued mails sealed', { count: sealedNow });
  const mailWorker = new MailDeliveryWorker(
    db,
    mailTransport,
    clock,
    random,
    (message, fields) => logger.warn(message, fields),
    (pass) => background.run('mail-delivery', pass),
    mailSeal,
    metrics,
  );

  // SMS and WhatsApp need the auth token (to check the webhook's signature) and the account (to reply).
  const twilioClient =
    config.TWILIO_ACCOUNT_SID && config.TWILIO_AUTH_TOKEN
      ? twilioMessages({
          accountSid: config.TWILIO_ACCOUNT_SID,
          authToken: config.TWILIO_AUTH_TOKEN,
          apiBaseUrl: config.TWILIO_API_BASE_URL,
        })
      : undefined;
  const smsSender =
    overrides.sms ??
    (twilioClient && config.TWILIO_SMS_FROM
      ? twilioSms(twilioClient, config.TWILIO_SMS_FROM)
      : outboxSms(join(outboxDir, 'sms.jsonl'), clock));

  return {
    clock,
    random,
    hasher,
    logger,
    outboxDir,
    keyFor,
    db,
    dataDirLock,
    store,
    usedMarks,
    activityStreams,
    locks: new ConversationLocks(store, random),
    vault,
    metrics,
    background,
    audit: new SqlAuditLog(db, clock),
    mailer: new SqlMailQueue(db, clock, mailWorker.wake, mailSeal),
    mailWorker,
    twilioClient,
    smsSender,
    reportSmsFailure: (error, phone) => logger.warn('SMS could not be sent', { phone, failure: describeSendFailure(error) }),
  };
}

/** What a failed send may log: its kind and codes, never its message, which may quote the number. */
function describeSendFailure(error: unknown): Record<string, unknown> {
  const { name, status, code } = (error ?? {}) as { name?: string; status?: number; code?: number | string };
  return { name, status, code };
}

/** PINPUK_MASTER_KEY, or on the embedded default a key generated once and kept in DATA_DIR. */
function loadMasterKey(config: Config, dataDir: string, random: RandomSource, logger: Logger): Buffer {
  if (config.PINPUK_MASTER_KEY) return decodeKey(config.PINPUK_MASTER_KEY)!;
  const file = join(dataDir, 'pinpuk-master.key');
  if (existsSync(file)) {
    const key = decodeKey(readFileSync(file, 'utf8'));
    if (!key) throw new Error(`${file} does not hold a 32-byte key`);
    return key;
  }
  mkdirSync(dataDir, { recursive: true });
  const key = random.bytes(32);
  writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600 });
  logger.warn('PINPUK_MASTER_KEY is not set: generated one in DATA_DIR (fine for development, not for production)');
  return key;
}

const DEMO_SEED = join(__dirname, '..', '..', 'seed', 'demo.json');

/** SEED_FILE at every start; the demo citizens on the embedded default's first start outside production. */
async function loadSeeds(
  config: Config,
  db: SqlDatabase,
  vault: PinPukVault,
  hasher: SecurityWordHasher,
  logger: Logger,
  skipDemoSeed: boolean,
  now: Date,
) {
  if (config.SEED_FILE) {
    const summary = await importSeed(db, readSeedFile(config.SEED_FILE), vault, hasher, now);
    logger.info('seed imported', { file: config.SEED_FILE, ...summary });
    return;
  }
  // Demo citizens (with known words) are a development aid: production gets only an explicit SEED_FILE.
  if (config.DATABASE_URL || skipDemoSeed || config.NODE_ENV === 'production') return;
  const [{ count } = { count: 0 }] = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM citizens');
  if (count > 0) return;
  const summary = await importSeed(db, readSeedFile(DEMO_SEED), vault, hasher, now);
  logger.info('demo citizens loaded', { ...summary });
}
