import { MemoryStore } from '../../src/data/memoryStore';
import type { CitizenConversations, RememberedConversation } from '../../src/domain/citizenConversations';
import { AuditSubjects, type AuditEntry, type AuditLog } from '../../src/domain/audit';
import { CertificateService, type Certificate, type CertificateRepository, type StatusChange } from '../../src/domain/certificates';
import { LoginService, type LoginCitizen, type LoginRepository, type ReservedAttempt } from '../../src/domain/login';
import { NationalIdReferences } from '../../src/domain/nationalIdReferences';
import { Notifications, type OutgoingMail } from '../../src/domain/notifications';
import { OneTimeCodes, type PhoneCodeCounts } from '../../src/domain/oneTimeCodes';
import { PinPukService, type PinPukRepository, type StoredCard } from '../../src/domain/pinPuk';
import { PinPukVault, type PinPuk } from '../../src/domain/pinPukVault';
import { RateLimits } from '../../src/domain/rateLimits';
import type { SecurityWordHasher } from '../../src/domain/securityWords';
import { Sessions } from '../../src/domain/sessions';
import { cryptoRandom } from '../../src/lib/random';
import type { Transactions } from '../../src/lib/transactions';
import { FakeClock } from './fakeClock';
import { secretKey } from '../../src/lib/secrets';

/**
 * The domain services the single-dialog tests drive, built in one place from in-memory fakes of
 * their ports: no database, no Redis, no mail or SMS leaves the process. Where a service's
 * constructor changes, only this file follows.
 */

/** A citizen of the tests, with the security word that logs them in and their cards. */
export type TestCitizen = LoginCitizen & {
  securityWord: string;
  certificates?: Certificate[];
  pinPuk?: { serial: string; values: PinPuk | null; offlineChanged?: boolean }[];
};

export const AYSE: TestCitizen = {
  id: 'citizen-ayse',
  nationalId: '10000000146',
  firstName: 'Ayşe',
  lastName: 'Yılmaz',
  email: 'ayse@example.test',
  phone: '+905321234567',
  securityWord: 'mavi-kelebek-42',
  certificates: [
    {
      serial: 'NES-1001',
      kind: 'Nitelikli',
      cardSerial: 'KART-01',
      status: 'active',
      published: true,
      notBefore: '2025-01-01',
      notAfter: '2028-01-01',
    },
    {
      serial: 'NES-1002',
      kind: 'Nitelikli',
      cardSerial: 'KART-02',
      status: 'pending',
      published: false,
      notBefore: '2026-11-01',
      notAfter: '2029-11-01',
    },
  ],
  pinPuk: [
    { serial: 'KART-01', values: { pin: '482915', puk: '73025184' } },
    { serial: 'KART-02', values: null },
  ],
};

export function testServices(citizens: readonly TestCitizen[] = [AYSE]) {
  const clock = new FakeClock();
  const store = new MemoryStore(clock);
  const random = cryptoRandom;
  const audit = new RecordingAudit();
  const subjects = new AuditSubjects(secretKey(Buffer.alloc(32, 7)));
  const mail = new MailInbox();
  const sms = new SmsInbox();
  const notifications = new Notifications(mail);
  const transactions: Transactions = { atomically: (work) => work() };
  const vault = new PinPukVault(Buffer.alloc(32, 9), random);
  const sessions = new Sessions(store, clock, random);
  return {
    clock,
    store,
    audit,
    subjects,
    mail,
    sms,
    sessions,
    conversations: new RememberedConversations(),
    rateLimits: new RateLimits(store),
    nationalIds: new NationalIdReferences(store, random),
    login: new LoginService({
      repository: new MemoryLogins(citizens),
      hasher: plainHasher,
      notifications,
      audit,
      subjects,
      clock,
      transactions,
    }),
    oneTimeCodes: new OneTimeCodes({
      store,
      sms,
      clock,
      random,
      key: secretKey(Buffer.alloc(32, 3)),
      audit,
      onSendFailure: () => undefined,
      perPhone: new MemoryPhoneCodeCounts(),
    }),
    certificates: new CertificateService(new MemoryCertificates(citizens), notifications, audit, transactions, clock),
    pinPuk: new PinPukService(new MemoryPinPuk(citizens, vault), vault, audit, clock),
    /** A session for the citizen, as a right security word starts it; `confirmed` as the right SMS code leaves it. */
    async logIn(citizen: TestCitizen, confirmed = true): Promise<string> {
      const { id, nationalId, firstName, lastName, phone } = citizen;
      const sessionId = await sessions.start({ citizenId: id, nationalId, firstName, lastName, phone });
      if (confirmed) await sessions.confirm(sessionId);
      return sessionId;
    },
  };
}

export type TestServices = ReturnType<typeof testServices>;

/** The conversations a confirmed login remembered, in order. */
export class RememberedConversations implements CitizenConversations {
  readonly remembered: (RememberedConversation & { citizenId: string })[] = [];

  remember(citizenId: string, conversation: RememberedConversation): Promise<void> {
    this.remembered.push({ citizenId, ...conversation });
    return Promise.resolve();
  }
}

export class RecordingAudit implements AuditLog {
  readonly entries: AuditEntry[] = [];
  async record(entry: AuditEntry): Promise<void> {
    this.entries.push(entry);
  }
  actions(): string[] {
    return this.entries.map((entry) => entry.action);
  }
}

export class MailInbox {
  readonly sent: OutgoingMail[] = [];
  async send(mail: OutgoingMail): Promise<void> {
    this.sent.push(mail);
  }
}

export class SmsInbox {
  readonly sent: { to: string; body: string }[] = [];
  async send(to: string, body: string): Promise<void> {
    this.sent.push({ to, body });
  }
  /** The six digits of the last SMS sent. */
  lastCode(): string {
    const code = /\d{6}/.exec(this.sent.at(-1)?.body ?? '')?.[0];
    if (!code) throw new Error('no SMS with a code was sent');
    return code;
  }
}

/** Words kept as "plain:<word>": the dialogs see only whether a word was right. */
const plainHasher: SecurityWordHasher = {
  hash: async (word) => `plain:${word}`,
  verify: async (storedHash, word) => storedHash === `plain:${word}`,
};

/** The lockout's counters, as the SQL repository keeps them, for known and unknown IDs alike. */
class MemoryLogins implements LoginRepository {
  private readonly failed = new Map<string, number>();
  private readonly blocked = new Set<string>();

  constructor(private readonly citizens: readonly TestCitizen[]) {}

  async reserveAttempt(id: { value: string }, unknownSubjectHash: string, limit: number): Promise<ReservedAttempt | undefined> {
    const known = this.citizens.find((citizen) => citizen.nationalId === id.value);
    const key = known ? known.id : unknownSubjectHash;
    const failed = this.failed.get(key) ?? 0;
    if (this.blocked.has(key) || failed >= limit) return undefined;
    this.failed.set(key, failed + 1);
    if (!known) return { kind: 'unknown', subjectHash: unknownSubjectHash, attempt: failed + 1 };
    const { securityWord, certificates: _certificates, pinPuk: _pinPuk, ...citizen } = known;
    return { kind: 'known', citizen, securityWordHash: `plain:${securityWord}`, attempt: failed + 1 };
  }

  async succeeded(citizenId: string): Promise<boolean> {
    if (this.blocked.has(citizenId)) return false;
    this.failed.set(citizenId, 0);
    return true;
  }

  async blockIfLimitReached(attempt: ReservedAttempt, limit: number): Promise<boolean> {
    const key = keyOf(attempt);
    if (attempt.attempt < limit || this.blocked.has(key)) return false;
    this.blocked.add(key);
    return true;
  }

  async countAgain(): Promise<number | undefined> {
    return undefined;
  }

  async isBlocked(attempt: ReservedAttempt): Promise<boolean> {
    return this.blocked.has(keyOf(attempt));
  }
}

function keyOf(attempt: ReservedAttempt): string {
  return attempt.kind === 'known' ? attempt.citizen.id : attempt.subjectHash;
}

class MemoryCertificates implements CertificateRepository {
  private readonly byCitizen: Map<string, Certificate[]>;

  constructor(citizens: readonly TestCitizen[]) {
    this.byCitizen = new Map(citizens.map((citizen) => [citizen.id, (citizen.certificates ?? []).map((each) => ({ ...each }))]));
  }

  async certificatesOf(citizenId: string): Promise<Certificate[]> {
    return (this.byCitizen.get(citizenId) ?? []).map((each) => ({ ...each }));
  }

  async changeStatus(change: StatusChange) {
    const certificate = this.byCitizen.get(change.citizenId)?.find((each) => each.serial === change.serial);
    if (!certificate || !change.from.includes(certificate.status)) return undefined;
    certificate.status = change.to;
    return { email: 'citizen@example.test', firstName: 'Test', lastName: 'Citizen' };
  }
}

class MemoryPinPuk implements PinPukRepository {
  private readonly byCitizen: Map<string, StoredCard[]>;

  constructor(citizens: readonly TestCitizen[], vault: PinPukVault) {
    this.byCitizen = new Map(
      citizens.map((citizen) => [
        citizen.id,
        (citizen.pinPuk ?? []).map((card) => ({
          serial: card.serial,
          offlineChanged: card.offlineChanged ?? false,
          deletedAt: card.values ? null : new Date(0),
          sealed: card.values ? vault.seal(card.values, card.serial) : null,
        })),
      ]),
    );
  }

  async cardsOf(citizenId: string): Promise<StoredCard[]> {
    return this.byCitizen.get(citizenId) ?? [];
  }

  async destroy(citizenId: string, serials: readonly string[], now: Date): Promise<string[]> {
    const cards = (this.byCitizen.get(citizenId) ?? []).filter((card) => serials.includes(card.serial) && card.sealed);
    for (const card of cards) Object.assign(card, { sealed: null, deletedAt: now });
    return cards.map((card) => card.serial);
  }
}

class MemoryPhoneCodeCounts implements PhoneCodeCounts {
  private readonly counts = new Map<string, number>();
  async increment(phoneHash: string, day: string): Promise<number> {
    const count = (this.counts.get(`${phoneHash}:${day}`) ?? 0) + 1;
    this.counts.set(`${phoneHash}:${day}`, count);
    return count;
  }
  async release(phoneHash: string, day: string): Promise<void> {
    this.counts.set(`${phoneHash}:${day}`, (this.counts.get(`${phoneHash}:${day}`) ?? 1) - 1);
  }
}
