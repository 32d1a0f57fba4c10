import type { Config } from '../config';
import { SqlAgentDesk, SqlAgents } from '../data/sqlAgents';
import { SqlCards } from '../data/sqlCards';
import { SqlContactDetails } from '../data/sqlContactDetails';
import { SqlExpiryReminders } from '../data/sqlExpiryReminders';
import { SqlLogin } from '../data/sqlLogin';
import { SqlPhoneCodeCounts } from '../data/sqlPhoneCodeCounts';
import { SqlResetLinks } from '../data/sqlResetLinks';
import { SqlUnlockCodes } from '../data/sqlUnlockCodes';
import { AgentDesk } from '../domain/agents';
import { AuditSubjects } from '../domain/audit';
import { BlockRateAlarm } from '../domain/blockRateAlarm';
import { CertificateService } from '../domain/certificates';
import type { CitizenConversations } from '../domain/citizenConversations';
import { EmailChangeService } from '../domain/emailChange';
import { ExpiryReminders } from '../domain/expiryReminders';
import { HandOffService } from '../domain/handOff';
import { HumanCheckService } from '../domain/humanCheck';
import { LoginService } from '../domain/login';
import { NationalIdReferences } from '../domain/nationalIdReferences';
import { Notifications, TextNotifications } from '../domain/notifications';
import { OneTimeCodes } from '../domain/oneTimeCodes';
import { PhoneChangeService } from '../domain/phoneChange';
import { PinPukService } from '../domain/pinPuk';
import { RateLimits } from '../domain/rateLimits';
import { ResetLinkService } from '../domain/resetLinks';
import { Sessions } from '../domain/sessions';
import { UnlockCodeService } from '../domain/unlockCodes';
import type { Locale } from '../language/locale';
import { localeOf } from '../language/messages';
import { RENEWAL_CHAT_PATH } from '../web/chatPage';
import { EMAIL_CHANGE_PATH } from '../web/emailChangePage';
import { RESET_PATH } from '../web/resetPage';
import type { Channels } from './channels';
import type { Infrastructure } from './infrastructure';

/** The rules of SPEC §1–§5, each service on the stores and senders it needs. */
export type Domain = {
  notifications: Notifications;
  subjects: AuditSubjects;
  rateLimits: RateLimits;
  humanCheck: HumanCheckService;
  nationalIdReferences: NationalIdReferences;
  sessions: Sessions;
  login: LoginService;
  oneTimeCodes: OneTimeCodes;
  resetLinks: ResetLinkService;
  certificates: CertificateService;
  pinPuk: PinPukService;
  unlockCodes: UnlockCodeService;
  phoneChanges: PhoneChangeService;
  emailChanges: EmailChangeService;
  agentDirectory: SqlAgents;
  agentDesk: AgentDesk;
  handOff: HandOffService;
  /** Certificate expiry reminders (the daily job) and the conversations they may go to. */
  expiryReminders: ExpiryReminders;
  citizenConversations: CitizenConversations;
};

/** The language of the deployment, for whoever's own is not known. */
export function defaultLocale(config: Config): Locale {
  return localeOf(config.DEFAULT_LOCALE, 'tr');
}

export function createDomain(
  config: Config,
  infrastructure: Infrastructure,
  { tellWordChanged, tellEmailChanged, chats }: Pick<Channels, 'tellWordChanged' | 'tellEmailChanged' | 'chats'>,
): Domain {
  const { db, store, clock, random, hasher, audit, background, metrics, keyFor } = infrastructure;
  /** The address an e-mailed link opens: one of our pages, in the language it was asked in. */
  const linkTo = (path: string) => (token: string, locale: Locale) =>
    `${config.PUBLIC_BASE_URL}${path}/${token}${locale === 'en' ? '?lang=en' : ''}`;
  const notifications = new Notifications(infrastructure.mailer);
  const subjects = new AuditSubjects(keyFor('audit-subject'));
  const transactions = db;

  const resetLinks = new ResetLinkService({
    repository: new SqlResetLinks(db),
    hasher,
    notifications,
    audit,
    subjects,
    background,
    clock,
    random,
    linkFor: linkTo(RESET_PATH),
    onChanged: tellWordChanged,
    transactions,
  });
  const oneTimeCodes = new OneTimeCodes({
    store,
    sms: infrastructure.smsSender,
    clock,
    random,
    key: keyFor('one-time-code'),
    audit,
    onSendFailure: infrastructure.reportSmsFailure,
    perPhone: new SqlPhoneCodeCounts(db),
    meter: metrics,
  });
  const blockAlarm = new BlockRateAlarm(store, clock, config.BLOCK_ALERT_PER_HOUR, (message, fields) =>
    infrastructure.logger.warn(message, fields),
  );
  const cards = new SqlCards(db);
  const contactDetails = new SqlContactDetails(db);
  const texts = new TextNotifications(infrastructure.smsSender, infrastructure.reportSmsFailure);
  const reminders = new SqlExpiryReminders(db, clock);

  return {
    notifications,
    subjects,
    rateLimits: new RateLimits(store, config.FAILED_CHECKS_PER_SOURCE_PER_HOUR),
    humanCheck: new HumanCheckService(store, random, keyFor('human-check'), keyFor('human-check-sealing')),
    nationalIdReferences: new NationalIdReferences(store, random),
    sessions: new Sessions(store, clock, random),
    login: new LoginService({
      repository: new SqlLogin(db),
      hasher,
      notifications,
      audit,
      subjects,
      clock,
      transactions,
      meter: blockAlarm.watching(metrics, background),
    }),
    oneTimeCodes,
    resetLinks,
    certificates: new CertificateService(cards, notifications, audit, transactions, clock),
    pinPuk: new PinPukService(cards, infrastructure.vault, audit, clock),
    unlockCodes: new UnlockCodeService(new SqlUnlockCodes(db), audit, transactions, clock, random, keyFor('unlock-code')),
    phoneChanges: new PhoneChangeService({ repository: contactDetails, codes: oneTimeCodes, store, texts, audit, transactions, clock }),
    emailChanges: new EmailChangeService({
      repository: contactDetails,
      notifications,
      audit,
      subjects,
      transactions,
      clock,
      random,
      linkFor: linkTo(EMAIL_CHANGE_PATH),
      background,
      onChanged: tellEmailChanged,
    }),
    // Call-center agents (SPEC §2) and the citizens' hand-off to them.
    agentDirectory: new SqlAgents(db),
    agentDesk: new AgentDesk({
      repository: new SqlAgentDesk(db),
      resetLinks,
      notifications,
      audit,
      subjects,
      transactions,
      clock,
      citizenLocale: defaultLocale(config),
    }),
    handOff: new HandOffService(store, audit, clock, random),
    expiryReminders: new ExpiryReminders({
      repository: reminders,
      notifications,
      sms: infrastructure.smsSender,
      chats,
      audit,
      subjects,
      transactions,
      clock,
      random,
      thresholds: config.EXPIRY_REMINDER_DAYS,
      renewalChatLink: `${config.PUBLIC_BASE_URL}${RENEWAL_CHAT_PATH}`,
      log: (level, message, fields) => infrastructure.logger[level](message, fields),
      meter: metrics,
    }),
    citizenConversations: reminders,
  };
}
