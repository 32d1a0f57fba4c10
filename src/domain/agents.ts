import type { AuditLog, AuditSubjects } from './audit';
import type { Clock } from '../lib/clock';
import { maskEmail, maskName, maskNationalId, maskPhone, type NationalId } from './identity';
import type { MailRecipient, Notifications } from './notifications';
import type { ResetLinkService } from './resetLinks';
import type { Transactions } from '../lib/transactions';
import type { Locale } from '../language/locale';

/** A call-center agent of the seed file (SPEC §2). */
export type Agent = { id: string; name: string };

/** Who a verified channel identity belongs to. */
export interface AgentDirectory {
  /** The agent a channel identity (Teams AAD object id, the agent console's sign-in) belongs to. */
  findByIdentity(channel: string, externalId: string): Promise<Agent | undefined>;
  /** Whether any agent is configured; without one, "temsilci" only gives the call-center number. */
  anyAgents(): Promise<boolean>;
}

/** A citizen as the call center's records have them, never a secret. */
export type AgentCitizenRecord = MailRecipient & {
  id: string;
  nationalId: string;
  phone: string;
  failedAttempts: number;
  blockedAt: Date | null;
};

/** One audit row about a citizen, as an agent may read it. */
export type SecurityEvent = { at: Date; action: string; actor: string; channel: string | null };

export interface AgentDeskRepository {
  findCitizen(id: NationalId): Promise<AgentCitizenRecord | undefined>;
  /** One conditional UPDATE: clears the block and the counter of a blocked citizen; false when it was not blocked. */
  unblock(citizenId: string, now: Date): Promise<boolean>;
  /** The newest audit rows about a subject, newest first. */
  recentEvents(subjectHash: string, limit: number): Promise<SecurityEvent[]>;
}

/** What an agent sees of a citizen: masked data, block state and the last security events. */
export type CitizenView = {
  maskedId: string;
  maskedName: string;
  maskedEmail: string;
  maskedPhone: string;
  blockedAt: Date | null;
  failedAttempts: number;
  events: SecurityEvent[];
};

export type LookupOutcome = { result: 'found'; view: CitizenView } | { result: 'unknown'; maskedId: string };

export type UnblockOutcome =
  | { result: 'unblocked'; maskedId: string; maskedEmail: string }
  | { result: 'not-blocked'; maskedId: string }
  | { result: 'unknown'; maskedId: string }
  | { result: 'reason-refused' };

export type ResendOutcome =
  | { result: 'sent'; maskedId: string; maskedEmail: string }
  | { result: 'limited'; maskedId: string }
  | { result: 'unknown'; maskedId: string };

export type ReasonCheck = { ok: true; reason: string } | { ok: false };

/** A block is lifted only with a reason an auditor can read later. */
export const UNBLOCK_REASON_MIN_LENGTH = 10;
export const UNBLOCK_REASON_MAX_LENGTH = 500;
/** How many audit rows a lookup shows. */
export const LOOKUP_EVENTS = 5;

/** The agent's reason for lifting a block, trimmed; empty, too short or too long is refused. */
export function unblockReasonOf(text: string): ReasonCheck {
  const reason = text.trim().replace(/\s+/g, ' ');
  const length = [...reason].length;
  return length >= UNBLOCK_REASON_MIN_LENGTH && length <= UNBLOCK_REASON_MAX_LENGTH ? { ok: true, reason } : { ok: false };
}

/** How an agent appears in audit rows. */
export function agentActor(agent: Agent): string {
  return `agent:${agent.id}`;
}

/** What an AgentDesk is built from. */
export type AgentDeskOptions = {
  repository: AgentDeskRepository;
  resetLinks: ResetLinkService;
  notifications: Notifications;
  audit: AuditLog;
  subjects: AuditSubjects;
  transactions: Transactions;
  clock: Clock;
  /** The language of the e-mails a citizen gets because of an agent: the citizen's own is not known. */
  citizenLocale: Locale;
};

/**
 * What a call-center agent does for a citizen (SPEC §2): look them up, lift a block, send a new
 * reset link. Every call is audited with the agent's id, and a lifted block with its reason.
 */
export class AgentDesk {
  private readonly repository: AgentDeskRepository;
  private readonly resetLinks: ResetLinkService;
  private readonly notifications: Notifications;
  private readonly audit: AuditLog;
  private readonly subjects: AuditSubjects;
  private readonly transactions: Transactions;
  private readonly clock: Clock;
  private readonly citizenLocale: Locale;

  constructor(options: AgentDeskOptions) {
    this.repository = options.repository;
    this.resetLinks = options.resetLinks;
    this.notifications = options.notifications;
    this.audit = options.audit;
    this.subjects = options.subjects;
    this.transactions = options.transactions;
    this.clock = options.clock;
    this.citizenLocale = options.citizenLocale;
  }

  async lookUp(agent: Agent, id: NationalId, channel: string): Promise<LookupOutcome> {
    const subject = this.subjects.of(id.value);
    const citizen = await this.repository.findCitizen(id);
    // The events are read before this look-up is recorded, so it does not crowd them out.
    const events = citizen ? await this.repository.recentEvents(subject.hash, LOOKUP_EVENTS) : [];
    await this.audit.record({ actor: agentActor(agent), action: 'agent.lookup', subject, channel, details: { found: Boolean(citizen) } });
    if (!citizen) return { result: 'unknown', maskedId: subject.masked };
    return {
      result: 'found',
      view: {
        maskedId: subject.masked,
        maskedName: maskName(citizen.firstName, citizen.lastName),
        maskedEmail: maskEmail(citizen.email),
        maskedPhone: maskPhone(citizen.phone),
        blockedAt: citizen.blockedAt,
        failedAttempts: citizen.failedAttempts,
        events,
      },
    };
  }

  /**
   * Whether the citizen is there and blocked, so the agent is asked for a reason only when it
   * matters. The agent learns something about the citizen from it, so it is audited too.
   */
  async blockState(agent: Agent, id: NationalId, channel: string): Promise<'blocked' | 'not-blocked' | 'unknown'> {
    const citizen = await this.repository.findCitizen(id);
    const state = !citizen ? 'unknown' : citizen.blockedAt ? 'blocked' : 'not-blocked';
    await this.audit.record({
      actor: agentActor(agent),
      action: 'agent.block-checked',
      subject: this.subjects.of(id.value),
      channel,
      details: { state },
    });
    return state;
  }

  /** Lifts the block, clears the counter, audits the reason and e-mails the citizen: all or nothing. */
  async unblock(agent: Agent, id: NationalId, reasonText: string, channel: string): Promise<UnblockOutcome> {
    const reason = unblockReasonOf(reasonText);
    if (!reason.ok) return { result: 'reason-refused' };
    const subject = this.subjects.of(id.value);
    const citizen = await this.repository.findCitizen(id);
    if (!citizen) return { result: 'unknown', maskedId: subject.masked };
    const unblocked = await this.transactions.atomically(async () => {
      if (!(await this.repository.unblock(citizen.id, this.clock.now()))) return false;
      await this.audit.record({
        actor: agentActor(agent),
        action: 'account.unblocked',
        subject,
        channel,
        details: { reason: reason.reason },
      });
      await this.notifications.accountUnblocked(citizen, this.citizenLocale);
      return true;
    });
    if (!unblocked) return { result: 'not-blocked', maskedId: subject.masked };
    return { result: 'unblocked', maskedId: subject.masked, maskedEmail: maskEmail(citizen.email) };
  }

  /** A new reset link to the registered address, under the citizen's own rules (≤ 3 a day, newest wins). */
  async sendResetLink(agent: Agent, id: NationalId, channel: string): Promise<ResendOutcome> {
    const maskedId = maskNationalId(id.value);
    const citizen = await this.repository.findCitizen(id);
    if (!citizen) {
      await this.audit.record({
        actor: agentActor(agent),
        action: 'agent.reset-link.unknown',
        subject: this.subjects.of(id.value),
        channel,
      });
      return { result: 'unknown', maskedId };
    }
    const issued = await this.resetLinks.issue(id, { channel, locale: this.citizenLocale, actor: agentActor(agent) });
    if (issued === 'sent') return { result: 'sent', maskedId, maskedEmail: maskEmail(citizen.email) };
    return { result: issued === 'limited' ? 'limited' : 'unknown', maskedId };
  }
}
