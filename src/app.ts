import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join, resolve } from 'node:path';
import {
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  MessageFactory,
  type ConversationReference,
  type TurnContext,
} from 'botbuilder';
import restify, { type Request, type Response, type Server } from 'restify';
import { decodeKey, type Config } from './config';
import { AssistantBot } from './bot';
import { openPglite } from './data/pglite';
import { openPostgres } from './data/postgres';
import { migrate } from './data/migrate';
import { MemoryStore } from './data/memoryStore';
import { RedisStore } from './data/redisStore';
import { DialogStateStorage } from './data/dialogStateStorage';
import { SqlAuditLog } from './data/sqlAudit';
import { SqlResetLinks } from './data/sqlResetLinks';
import { MailDeliveryWorker, MailSeal, mailBacklog, sealPlainQueuedMail, SqlMailQueue } from './data/mailOutbox';
import { purgeExpiredRecords } from './data/retention';
import { DataDirLock } from './data/dataDirLock';
import { SqlUsedMarks } from './data/sqlUsedMarks';
import { importSeed, readSeedFile } from './data/seed';
import type { SqlDatabase } from './data/database';
import { mountBotFramework } from './channels/botFramework';
import { mountBotFrameworkRefusal } from './channels/botFrameworkRefusal';
import { BotFrameworkCloudAdapter, type BotFrameworkAuthentication } from './channels/botFrameworkAdapter';
import { SqlAgentDesk, SqlAgents } from './data/sqlAgents';
import { AgentDesk } from './domain/agents';
import { HandOffService } from './domain/handOff';
import { AgentDialog } from './dialogs/agentDialog';
import { CallCenter } from './dialogs/callCenter';
import { HandOffRelay } from './dialogs/handOffRelay';
import { outboxMailer, smtpMailer } from './channels/mail';
import { outboxSms, twilioMessages, twilioSms } from './channels/sms';
import { isTwilioReference, TwilioAdapter } from './channels/twilioAdapter';
import { mountTwilioWebhook } from './channels/twilioWebhook';
import { clientAddress, TrustedProxies, warnOfUntrustedForwarding } from './channels/clientAddress';
import { BlockRateAlarm } from './domain/blockRateAlarm';
import { Conversations } from './channels/conversations';
import { SecretMessages, type Timers } from './channels/secretMessages';
import { DirectLineAdapter, isDirectLineReference } from './channels/directLineAdapter';
import { DIRECT_LINE_PATH, mountDirectLine } from './channels/directLine';
import { MemoryActivityStreams } from './data/memoryActivityStreams';
import { RedisActivityStreams } from './data/redisActivityStreams';
import type { ActivityStreams } from './channels/activityStreams';
import { DirectLineTokens } from './channels/directLineTokens';
import { AgentSignIn, agentSessionLive } from './web/agentSignIn';
import { AGENT_CONSOLE_PATH, AGENT_TOKEN_PATH, agentGuide, mountAgentConsole, sendSignInNeeded } from './web/agentConsole';
import { WhatsAppWindow } from './channels/whatsAppWindow';
import { SqlCards } from './data/sqlCards';
import { SqlLogin } from './data/sqlLogin';
import { LoginDialog } from './dialogs/loginDialog';
import { OperationsMenuDialog } from './dialogs/operationsMenuDialog';
import { PinPukDialog } from './dialogs/pinPukDialog';
import { SmsConfirmDialog } from './dialogs/smsConfirmDialog';
import { ActivateDialog } from './dialogs/activateDialog';
import { RevokeDialog } from './dialogs/revokeDialog';
import { UpdateDetailsDialog } from './dialogs/updateDetailsDialog';
import { UnlockDialog } from './dialogs/unlockDialog';
import { SqlContactDetails } from './data/sqlContactDetails';
import { SqlUnlockCodes } from './data/sqlUnlockCodes';
import { EmailChangeService } from './domain/emailChange';
import { PhoneChangeService } from './domain/phoneChange';
import { UnlockCodeService } from './domain/unlockCodes';
import { EMAIL_CHANGE_PATH, mountEmailChangePage } from './web/emailChangePage';
import { CertificateService } from './domain/certificates';
import { LoginService } from './domain/login';
import { OneTimeCodes } from './domain/oneTimeCodes';
import { PinPukService } from './domain/pinPuk';
import { Sessions } from './domain/sessions';
import { ConversationLocks } from './lib/conversationLocks';
import type { SmsSender } from './domain/sms';
import { MainDialog } from './dialogs/mainDialog';
import { IntentModel } from './language/intents/intentModel';
import type { ConversationMemory } from './dialogs/conversationMemory';
import { SessionGuard } from './dialogs/session';
import { ForgotWordDialog } from './dialogs/forgotWordDialog';
import { IdentificationDialog } from './dialogs/identificationDialog';
import { HumanCheckDialog } from './dialogs/humanCheckDialog';
import { LANGUAGE_TAGS, localeOf, translate } from './language/messages';
import { channelTurnOf, isRichChannel } from './channels/channelProfile';
import type { Locale } from './language/locale';
import { createLogger, type Logger } from './logger';
import { Metrics } from './metrics';
import { SqlPhoneCodeCounts } from './data/sqlPhoneCodeCounts';
import { NationalIdReferences } from './domain/nationalIdReferences';
import { mountMetrics } from './web/metricsEndpoint';
import { mountSecurityHeaders } from './web/securityHeaders';
import { mountRequestIds } from './requestIds';
import { mountRequestGuards } from './requestGuards';
import { TurnTracker } from './turns';
import { AuditSubjects } from './domain/audit';
import { BackgroundTasks } from './lib/background';
import { systemClock, type Clock } from './lib/clock';
import { HumanCheckService } from './domain/humanCheck';
import type { KeyValueStore } from './lib/keyValueStore';
import { Notifications, TextNotifications, type Mailer } from './domain/notifications';
import { PinPukVault } from './domain/pinPukVault';
import { cryptoRandom, type RandomSource } from './lib/random';
import { RateLimits } from './domain/rateLimits';
import { ResetLinkService, type SecurityWordChanged } from './domain/resetLinks';
import { deriveKey } from './lib/secrets';
import { argon2Hasher, type SecurityWordHasher } from './domain/securityWords';
import { mountOutboxPage } from './web/outboxPage';
import { mountResetPage, RESET_PATH } from './web/resetPage';
import { mountChatPage } from './web/chatPage';
import { mountStaticAssets } from './web/staticAssets';

/** What tests may replace; production uses the defaults. */
export type AppOverrides = {
  clock?: Clock;
  random?: RandomSource;
  hasher?: SecurityWordHasher;
  logger?: Logger;
  mailer?: Mailer;
  sms?: SmsSender;
  /** Schedules the replacement of messages with secrets 60 s after they were shown. */
  timers?: Timers;
  /** How often open Direct Line streams are pinged and their tokens checked again (default 30 s). */
  directLineHeartbeatMs?: number;
  /**
   * Where this deployment's keys live in Redis (default `eimza:`): suites sharing one Redis server
   * keep their counters (per phone, per source) apart, as separate deployments would.
   */
  redisKeyPrefix?: string;
  /** The seed CLI imports its own file instead of the demo citizens. */
  skipDemoSeed?: boolean;
  /**
   * How Bot Framework tokens are checked and the bot's replies signed: tests publish their own
   * signing keys on 127.0.0.1 and sign replies without the Microsoft login service.
   */
  botFrameworkAuthentication?: BotFrameworkAuthentication;
};

export type App = {
  config: Config;
  server: Server;
  bot: AssistantBot;
  db: SqlDatabase;
  store: KeyValueStore;
  logger: Logger;
  /** GET /metrics; the Direct Line server counts its connections in `metrics.directLineConnections`. */
  metrics: Metrics;
  background: BackgroundTasks;
  resetLinks: ResetLinkService;
  humanCheck: HumanCheckService;
  vault: PinPukVault;
  hasher: SecurityWordHasher;
  unlockCodes: UnlockCodeService;
  /** Proactive turns in any conversation, whichever adapter carries it. */
  conversations: Conversations;
  /** The daily retention job, also run at start. */
  purgeExpiredRecords(): Promise<void>;
  /** Starts listening; resolves with the port. */
  listen(port?: number): Promise<number>;
  /**
   * Graceful stop: /readyz answers 503, no new connections, turns in flight finish (10 s at most),
   * one last pass of the mail queue (5 s at most), then the stores close.
   */
  close(): Promise<void>;
};

const RETENTION_INTERVAL_MS = 24 * 60 * 60_000;
/** Shutdown waits this long for turns in flight, then for other requests, then for the last mail pass. */
const TURN_GRACE_MS = 10_000;
const REQUEST_GRACE_MS = 3_000;
const MAIL_FLUSH_MS = 5_000;
const PATH_QUOTING_ERRORS = new Map([
  ['ResourceNotFoundError', 'Not found.'],
  ['MethodNotAllowedError', 'Method not allowed.'],
]);

/** A connection or database the app opened, closed by `App.close`. */
type Closable = { close(): Promise<void> };

/**
 * The composition root: configuration → stores → services → dialogs → bot → HTTP routes. When a
 * start fails halfway, what it had opened is closed again: a Redis or database connection left open
 * keeps the process (or a test run) from exiting.
 */
export async function createApp(config: Config, overrides: AppOverrides = {}): Promise<App> {
  const opened: Closable[] = [];
  try {
    return await assembleApp(config, overrides, (resource) => (opened.push(resource), resource));
  } catch (error) {
    for (const resource of opened.reverse()) await resource.close().catch(() => undefined);
    throw error;
  }
}

async function assembleApp(config: Config, overrides: AppOverrides, opened: <T extends Closable>(resource: T) => T): Promise<App> {
  const clock = overrides.clock ?? systemClock;
  const random = overrides.random ?? cryptoRandom;
  const hasher = overrides.hasher ?? argon2Hasher;
  const logger = overrides.logger ?? createLogger(config.LOG_LEVEL);
  /** The address an e-mailed link opens: one of our pages, in the language it was asked in. */
  const linkTo = (path: string) => (token: string, locale: Locale) => `${config.PUBLIC_BASE_URL}${path}/${token}${locale === 'en' ? '?lang=en' : ''}`;
  const dataDir = resolve(config.DATA_DIR);
  const outboxDir = join(dataDir, 'outbox');

  // One embedded database has one owner: a second process on this DATA_DIR stops here.
  const dataDirLock = config.DATABASE_URL ? undefined : opened(DataDirLock.acquire(dataDir));
  const masterKey = loadMasterKey(config, dataDir, random, logger);
  const db = opened(config.DATABASE_URL ? openPostgres(config.DATABASE_URL) : await openPglite(join(dataDir, 'pgdata')));
  await migrate(db);
  const metrics = new Metrics(() => mailBacklog(db));
  const turns = new TurnTracker(metrics, logger);
  const store: KeyValueStore = opened(config.REDIS_URL ? await RedisStore.connect(config.REDIS_URL, overrides.redisKeyPrefix) : new MemoryStore(clock));
  // Used sign-in links and handled Twilio messages must stay used across a restart: the in-process store forgets.
  const usedMarks = config.REDIS_URL ? store : new SqlUsedMarks(db, clock);
  const activityStreams: ActivityStreams = opened(
    config.REDIS_URL ? await RedisActivityStreams.connect(config.REDIS_URL) : new MemoryActivityStreams(clock),
  );

  const vault = new PinPukVault(masterKey, random);
  await loadSeeds(config, db, vault, hasher, logger, overrides.skipDemoSeed ?? false);

  const background = new BackgroundTasks((error, task) => logger.error('background task failed', { task, error }));
  const mailTransport =
    overrides.mailer ?? (config.SMTP_URL ? smtpMailer(config.SMTP_URL, config.MAIL_FROM) : outboxMailer(join(outboxDir, 'mail'), config.MAIL_FROM, random));
  const mailSeal = new MailSeal(deriveKey(masterKey, 'mail-outbox'), random);
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
  const mailer = new SqlMailQueue(db, clock, mailWorker.wake, mailSeal);
  const audit = new SqlAuditLog(db, clock);
  const subjects = new AuditSubjects(deriveKey(masterKey, 'audit-subject'));
  const rateLimits = new RateLimits(store, config.FAILED_CHECKS_PER_SOURCE_PER_HOUR);
  const trustedProxies = TrustedProxies.parse(config.TRUSTED_PROXIES);
  const addressOf = (req: IncomingMessage) => clientAddress(req, trustedProxies);
  const notifications = new Notifications(mailer);
  const humanCheck = new HumanCheckService(store, random, deriveKey(masterKey, 'human-check'), deriveKey(masterKey, 'human-check-sealing'));

  const adapter = new BotFrameworkCloudAdapter(
    overrides.botFrameworkAuthentication ??
      new ConfigurationBotFrameworkAuthentication({
        MicrosoftAppId: config.MICROSOFT_APP_ID ?? '',
        MicrosoftAppPassword: config.MICROSOFT_APP_PASSWORD ?? '',
        MicrosoftAppType: config.MICROSOFT_APP_TYPE,
        MicrosoftAppTenantId: config.MICROSOFT_APP_TENANT_ID ?? '',
      }),
  );

  // SMS and WhatsApp need the auth token (to check the webhook's signature) and the account (to reply).
  // One REST client serves the channel's replies and the SMS codes.
  const twilioClient =
    config.TWILIO_ACCOUNT_SID && config.TWILIO_AUTH_TOKEN
      ? twilioMessages({ accountSid: config.TWILIO_ACCOUNT_SID, authToken: config.TWILIO_AUTH_TOKEN, apiBaseUrl: config.TWILIO_API_BASE_URL })
      : undefined;
  const twilioAdapter = twilioClient
    ? new TwilioAdapter({
        messages: twilioClient,
        senders: { sms: config.TWILIO_SMS_FROM, whatsapp: config.TWILIO_WHATSAPP_FROM },
        window: new WhatsAppWindow(store, clock, random),
        clock,
        logger,
      })
    : undefined;

  const conversations = new Conversations();
  if (twilioAdapter) conversations.add({ owns: isTwilioReference, continueConversation: (reference, logic) => twilioAdapter.continueConversation(reference, logic) });
  const directLineAdapter = new DirectLineAdapter(activityStreams, clock, random);
  conversations.add({ owns: isDirectLineReference, continueConversation: (reference, logic) => directLineAdapter.continueConversation(reference, logic) });
  conversations.add({
    owns: (reference) => !isTwilioReference(reference) && !isDirectLineReference(reference),
    continueConversation: (reference, logic) => adapter.continueConversationAsync(config.MICROSOFT_APP_ID ?? '', reference, logic),
  });

  /** Tells the conversation that asked for a reset link that the new word is set, on whichever adapter it lives. */
  const tellConversation = async (event: SecurityWordChanged) => {
    const reference = event.conversation as Partial<ConversationReference>;
    const told = await conversations.continue(reference, async (context) => {
      const told = translate(event.locale, 'forgot.canLogInNow');
      // Where buttons show, the way on is one press away: the page's earlier buttons went with the earlier message.
      const login = translate(event.locale, 'start.choice.login');
      const message = isRichChannel(reference.channelId) ? MessageFactory.suggestedActions([{ type: 'imBack', title: login, value: login }], told) : MessageFactory.text(told);
      await context.sendActivity({ ...message, locale: LANGUAGE_TAGS[event.locale] });
    });
    if (!told) logger.warn('the conversation cannot be told: its channel is not configured here', { channel: reference.channelId });
  };

  const resetLinks = new ResetLinkService(
    new SqlResetLinks(db),
    hasher,
    notifications,
    audit,
    subjects,
    background,
    clock,
    random,
    linkTo(RESET_PATH),
    tellConversation,
    db,
  );

  const smsSender =
    overrides.sms ??
    (twilioClient && config.TWILIO_SMS_FROM
      ? twilioSms(twilioClient, config.TWILIO_SMS_FROM)
      : outboxSms(join(outboxDir, 'sms.jsonl'), clock));
  const reportSmsFailure = (error: unknown, phone: string) => logger.warn('SMS could not be sent', { phone, failure: describeSendFailure(error) });
  const oneTimeCodes = new OneTimeCodes(store, smsSender, clock, random, deriveKey(masterKey, 'one-time-code'), audit, reportSmsFailure, new SqlPhoneCodeCounts(db), metrics);
  const sessions = new Sessions(store, clock, random);
  const blockAlarm = new BlockRateAlarm(store, clock, config.BLOCK_ALERT_PER_HOUR, (message, fields) => logger.warn(message, fields));
  const loginService = new LoginService(new SqlLogin(db), hasher, notifications, audit, subjects, clock, db, blockAlarm.watching(metrics, background));
  const cards = new SqlCards(db);
  const certificates = new CertificateService(cards, notifications, audit, db, clock);
  const contactDetails = new SqlContactDetails(db);
  const phoneChanges = new PhoneChangeService(contactDetails, oneTimeCodes, store, new TextNotifications(smsSender, reportSmsFailure), audit, db, clock);
  const emailChanges = new EmailChangeService(contactDetails, notifications, audit, subjects, db, clock, random, linkTo(EMAIL_CHANGE_PATH));
  const unlockCodes = new UnlockCodeService(new SqlUnlockCodes(db), audit, db, clock, random, deriveKey(masterKey, 'unlock-code'));

  const secretMessages = new SecretMessages(conversations, logger, overrides.timers);
  const conversationState = new ConversationState(new DialogStateStorage(store, random));
  const memory = conversationState.createProperty<ConversationMemory>('memory');
  const identification = new IdentificationDialog(rateLimits);
  const nationalIdReferences = new NationalIdReferences(store, random);
  const humanCheckDialog = new HumanCheckDialog(humanCheck, rateLimits, config.CHALLENGE_KIND, memory);
  // Call-center agents (SPEC §2) and the citizens' hand-off to them.
  const agentDirectory = new SqlAgents(db);
  const agentDesk = new AgentDesk(new SqlAgentDesk(db), resetLinks, notifications, audit, subjects, db, clock, defaultLocale(config));
  const handOffRelay = new HandOffRelay(new HandOffService(store, audit, clock, random), agentDirectory, agentDesk, conversations, logger);
  const callCenter = new CallCenter(agentDirectory, handOffRelay, new AgentDialog(memory, agentDesk, handOffRelay, nationalIdReferences), conversationState.createProperty('agentDialogState'));
  const sessionGuard = new SessionGuard(sessions, subjects, memory);
  const intents = await IntentModel.shared();
  const mainDialog = new MainDialog(memory, sessions, {
    forgotWord: new ForgotWordDialog(resetLinks, nationalIdReferences, identification, humanCheckDialog),
    login: new LoginDialog(loginService, sessions, rateLimits, memory, nationalIdReferences, {
      identification,
      humanCheck: humanCheckDialog,
      smsConfirm: new SmsConfirmDialog(oneTimeCodes, sessions, rateLimits, subjects, memory),
    }),
    operationsMenu: new OperationsMenuDialog(sessionGuard, certificates, intents, {
      activate: new ActivateDialog(certificates, sessionGuard),
      revoke: new RevokeDialog(certificates, sessionGuard),
      updateDetails: new UpdateDetailsDialog(phoneChanges, emailChanges, rateLimits, sessionGuard),
      pinPuk: new PinPukDialog(new PinPukService(cards, vault, audit, clock), sessionGuard, secretMessages, config.PINPUK_TEXT_CHANNELS),
      unlock: new UnlockDialog(unlockCodes, sessionGuard, config.PINPUK_TEXT_CHANNELS),
    }),
  }, handOffRelay, intents);
  const bot = new AssistantBot({
    conversationState,
    mainDialog,
    rateLimits,
    defaultLocale: defaultLocale(config),
    memory,
    locks: new ConversationLocks(store, random),
    channelTurn: channelTurnOf,
    turns,
    callCenter,
  });

  const onTurnError = async (context: TurnContext, error: Error) => {
    logger.error('turn failed', { error, channel: context.activity.channelId });
    await conversationState.delete(context).catch(() => undefined);
    const locale = localeOf(context.activity.locale, defaultLocale(config));
    await context.sendActivity(translate(locale, 'global.error')).catch(() => undefined);
  };
  adapter.onTurnError = onTurnError;
  if (twilioAdapter) twilioAdapter.onTurnError = onTurnError;
  directLineAdapter.onTurnError = onTurnError;

  // Long path parameters (a mangled reset token) must reach our handlers, which answer them clearly.
  const server = restify.createServer({ name: 'e-imza-yardimcisi', handleUncaughtExceptions: false, maxParamLength: 8192 });
  mountSecurityHeaders(server, { https: config.PUBLIC_BASE_URL.startsWith('https:') });
  if (config.NODE_ENV === 'production') warnOfUntrustedForwarding(server.server, trustedProxies, logger);
  mountRequestGuards(server);
  mountRequestIds(server);
  server.on('restifyError', (_req: Request, res: Response, error: Error & { body?: { message?: string }; statusCode?: number }, callback: () => void) => {
    // restify's own 404/405 quote the path, and under the reset page a path holds a token:
    // neither the answer nor the log may repeat it.
    const plain = PATH_QUOTING_ERRORS.get(error.name);
    if (plain && error.body) error.body.message = plain;
    res.header('Cache-Control', 'no-store');
    res.header('Referrer-Policy', 'no-referrer');
    logger.warn('request refused', { kind: error.name, status: error.statusCode });
    callback();
  });

  // In production without an app id nobody's token can be checked: the endpoint runs no turn and calls no serviceUrl.
  if (config.NODE_ENV === 'production' && !config.MICROSOFT_APP_ID) mountBotFrameworkRefusal(server, logger);
  else mountBotFramework(server, adapter, (context) => bot.handle(context), { store, logger, publicBaseUrl: config.PUBLIC_BASE_URL, clientAddress: addressOf });
  const directLine = mountDirectLine(server, {
    adapter: directLineAdapter,
    streams: activityStreams,
    tokens: new DirectLineTokens(deriveKey(masterKey, 'directline-token'), clock, agentSessionLive(store)),
    store,
    random,
    clock,
    logger,
    background,
    publicBaseUrl: config.PUBLIC_BASE_URL,
    logic: (context) => bot.handle(context),
    clientAddress: addressOf,
    heartbeatMs: overrides.directLineHeartbeatMs,
    onConnections: (delta) => (delta > 0 ? metrics.directLineConnections.inc() : metrics.directLineConnections.dec()),
  });
  mountTwilioWebhook(server, {
    channel: twilioAdapter && { authToken: config.TWILIO_AUTH_TOKEN!, adapter: twilioAdapter },
    publicBaseUrl: config.PUBLIC_BASE_URL,
    store,
    seenMessages: usedMarks,
    background,
    logger,
    logic: (context) => bot.handle(context),
    unavailableReply: translate(defaultLocale(config), 'global.error'),
  });

  server.get('/healthz', async (_req: Request, res: Response) => {
    res.send(200, { status: 'ok' });
  });
  let draining = false;
  server.get('/readyz', async (_req: Request, res: Response) => {
    // Once draining, a load balancer must stop sending here, whatever the stores say.
    if (draining) {
      res.send(503, { ready: false, draining: true });
      return;
    }
    const checks = await readiness(db, store);
    res.send(checks.ready ? 200 : 503, checks);
  });
  // Answers given while draining close their connection, so none is kept alive for another request.
  server.server.on('request', (_req: unknown, res: { shouldKeepAlive: boolean }) => {
    if (draining) res.shouldKeepAlive = false;
  });
  const metricsEndpoint = mountMetrics(server, metrics, {
    port: config.METRICS_PORT,
    token: config.METRICS_TOKEN,
    production: config.NODE_ENV === 'production',
  });

  const linkPages = { random, secureCookies: config.PUBLIC_BASE_URL.startsWith('https:'), logger };
  mountResetPage(server, { ...linkPages, resetLinks, csrfKey: deriveKey(masterKey, 'csrf') });
  mountEmailChangePage(server, { ...linkPages, emailChanges, csrfKey: deriveKey(masterKey, 'csrf-email-change') });
  mountStaticAssets(server);
  mountChatPage(server, {
    path: '/',
    tokenUrl: `${DIRECT_LINE_PATH}/tokens/generate`,
    directLinePath: DIRECT_LINE_PATH,
    title: 'chatPage.title',
    intro: 'chatPage.intro',
    publicBaseUrl: config.PUBLIC_BASE_URL,
    random,
  });
  // The web chat agent console: signed in by a personal link (npm run agent:link), recognized by its Direct Line token.
  const agentConsole = mountAgentConsole(server, {
    signIn: new AgentSignIn(deriveKey(masterKey, 'agent-sign-in'), clock, () => random.bytes(12).toString('base64url')),
    agents: agentDirectory,
    store,
    usedLinks: usedMarks,
    secureCookies: linkPages.secureCookies,
    logger,
    startConversation: (grant) => directLine.startConversation(grant),
  });
  mountChatPage(server, {
    path: AGENT_CONSOLE_PATH,
    tokenUrl: AGENT_TOKEN_PATH,
    directLinePath: DIRECT_LINE_PATH,
    title: 'agentConsole.title',
    intro: 'agentConsole.intro',
    publicBaseUrl: config.PUBLIC_BASE_URL,
    random,
    guard: async (req, res, locale) => {
      if (await agentConsole.agentOf(req)) return true;
      sendSignInNeeded(res, locale);
      return false;
    },
    aside: agentGuide,
  });
  const mailToOutbox = !config.SMTP_URL && !overrides.mailer;
  const smsToOutbox = !usesTwilio(config) && !overrides.sms;
  if ((mailToOutbox || smsToOutbox) && config.NODE_ENV !== 'production') mountOutboxPage(server, outboxDir);
  // The outbox files hold reset links and codes as written: a development set-up, not for production.
  if ((mailToOutbox || smsToOutbox) && config.NODE_ENV === 'production') {
    logger.warn('production without SMTP_URL or Twilio: e-mails or SMS are written to files in DATA_DIR/outbox, links and codes readable', { mail: mailToOutbox, sms: smsToOutbox });
  }

  const purge = async () => {
    const summary = await purgeExpiredRecords(db, clock.now(), config.AUDIT_RETENTION_DAYS);
    logger.info('expired records purged', { purged: summary });
  };
  const retentionTimer = setInterval(() => background.run('retention', purge), RETENTION_INTERVAL_MS);
  retentionTimer.unref();
  background.run('retention', purge);
  mailWorker.start();

  return {
    config,
    server,
    bot,
    db,
    store,
    logger,
    metrics,
    background,
    resetLinks,
    humanCheck,
    vault,
    hasher,
    unlockCodes,
    conversations,
    listen: async (port = config.PORT) => {
      await metricsEndpoint.listen();
      return new Promise((done) => {
        server.listen(port, config.HOST, () => done((server.address() as { port: number }).port));
      });
    },
    purgeExpiredRecords: purge,
    async close() {
      draining = true;
      logger.info('draining: no new connections, finishing the turns in flight', { turns: turns.running });
      clearInterval(retentionTimer);
      directLine.close();
      await metricsEndpoint.close();
      const http = server.server;
      const closed = new Promise<void>((done) => http.close(() => done()));
      if (!(await turns.settled(TURN_GRACE_MS))) logger.warn('turns still running at shutdown', { turns: turns.running });
      // Connections that answered their last request would otherwise wait seconds for another.
      http.closeIdleConnections();
      if (!(await within(closed, REQUEST_GRACE_MS))) http.closeAllConnections();
      mailWorker.flush();
      if (!(await within(background.drain(), MAIL_FLUSH_MS))) logger.warn('mail delivery or other background work still running at shutdown');
      await store.close();
      await activityStreams.close();
      await db.close();
      await dataDirLock?.close();
    },
  };
}

/** Waits for `work` at most `ms`; true when it finished in time. */
async function within(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((done) => (timer = setTimeout(() => done(false), ms)));
  const finished = await Promise.race([work.then(() => true as const), timeout]);
  clearTimeout(timer);
  return finished;
}

/** What a failed send may log: its kind and codes, never its message, which may quote the number. */
function describeSendFailure(error: unknown): Record<string, unknown> {
  const { name, status, code } = (error ?? {}) as { name?: string; status?: number; code?: number | string };
  return { name, status, code };
}

function usesTwilio(config: Config): boolean {
  return Boolean(config.TWILIO_ACCOUNT_SID && config.TWILIO_AUTH_TOKEN && config.TWILIO_SMS_FROM);
}

function defaultLocale(config: Config): Locale {
  return localeOf(config.DEFAULT_LOCALE, 'tr');
}

async function readiness(db: SqlDatabase, store: KeyValueStore) {
  const database = await db.query('SELECT 1').then(() => true, () => false);
  const shortLivedStore = await store.ttl('readyz').then(() => true, () => false);
  return { ready: database && shortLivedStore, database, store: shortLivedStore };
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

const DEMO_SEED = join(__dirname, '..', 'seed', 'demo.json');

/** SEED_FILE at every start; the demo citizens on the embedded default's first start outside production. */
async function loadSeeds(
  config: Config,
  db: SqlDatabase,
  vault: PinPukVault,
  hasher: SecurityWordHasher,
  logger: Logger,
  skipDemoSeed: boolean,
) {
  if (config.SEED_FILE) {
    const summary = await importSeed(db, readSeedFile(config.SEED_FILE), vault, hasher);
    logger.info('seed imported', { file: config.SEED_FILE, ...summary });
    return;
  }
  // Demo citizens (with known words) are a development aid: production gets only an explicit SEED_FILE.
  if (config.DATABASE_URL || skipDemoSeed || config.NODE_ENV === 'production') return;
  const [{ count } = { count: 0 }] = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM citizens');
  if (count > 0) return;
  const summary = await importSeed(db, readSeedFile(DEMO_SEED), vault, hasher);
  logger.info('demo citizens loaded', { ...summary });
}
