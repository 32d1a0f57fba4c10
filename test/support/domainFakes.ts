import { MemoryStore } from '../../src/data/memoryStore';
import { AuditSubjects, type AuditEntry, type AuditLog } from '../../src/domain/audit';
import type { NationalId } from '../../src/domain/identity';
import { LoginService, type LoginCitizen, type LoginRepository, type ReservedAttempt } from '../../src/domain/login';
import { Notifications, type OutgoingMail } from '../../src/domain/notifications';
import { OneTimeCodes, type PhoneCodeCounts } from '../../src/domain/oneTimeCodes';
import { PinPukVault } from '../../src/domain/pinPukVault';
import {
  ResetLinkService,
  type ResetCitizen,
  type ResetLinkFields,
  type ResetLinkRepository,
  type SecurityWordChanged,
  type StoredResetLink,
} from '../../src/domain/resetLinks';
import type { SecurityWordHasher } from '../../src/domain/securityWords';
import { Sessions } from '../../src/domain/sessions';
import type { NewLink } from '../../src/domain/singleUseLinks';
import type { SmsSender } from '../../src/domain/sms';
import { BackgroundTasks } from '../../src/lib/background';
import type { KeyValueStore } from '../../src/lib/keyValueStore';
import { cryptoRandom } from '../../src/lib/random';
import type { Transactions } from '../../src/lib/transactions';
import { FakeClock } from './fakeClock';
import { secretKey } from '../../src/lib/secrets';

/**
 * The domain's services built on fakes: a hand-moved clock, in-memory repositories, and mail, SMS
 * and audit that only record. Every service is constructed here and nowhere else in test/domain,
 * so a change of a constructor is made once.
 */

/** A hash a test can read: argon2 costs tens of milliseconds and proves nothing about the rules. */
export const plainHasher: SecurityWordHasher = {
  hash: async (word) => `hashed:${word}`,
  verify: async (storedHash, word) => storedHash === `hashed:${word}`,
};

/** Runs the work as it comes: the fakes below change their maps in one synchronous step anyway. */
const noTransactions: Transactions = { atomically: (work) => work() };

/** A citizen as the fake repositories keep them, with the lockout state the SQL rows hold. */
export type FakeCitizen = LoginCitizen & { securityWordHash: string | null; failedAttempts: number; blockedAt: Date | null };

let citizenNumber = 0;

/** The citizens rows: what the login and reset-link repositories read and write. */
export class FakeCitizens {
  private readonly byNationalId = new Map<string, FakeCitizen>();

  add(nationalId: string, securityWord: string | null, fields: Partial<LoginCitizen> = {}): FakeCitizen {
    citizenNumber += 1;
    const citizen: FakeCitizen = {
      id: `citizen-${citizenNumber}`,
      nationalId,
      phone: '+905321234567',
      email: `citizen${citizenNumber}@example.org`,
      firstName: 'Ayşe',
      lastName: 'Yılmaz',
      ...fields,
      securityWordHash: securityWord === null ? null : `hashed:${securityWord}`,
      failedAttempts: 0,
      blockedAt: null,
    };
    this.byNationalId.set(nationalId, citizen);
    return citizen;
  }

  find(id: NationalId): FakeCitizen | undefined {
    return this.byNationalId.get(id.value);
  }

  byId(citizenId: string): FakeCitizen {
    const citizen = [...this.byNationalId.values()].find((candidate) => candidate.id === citizenId);
    if (!citizen) throw new Error(`no citizen ${citizenId}`);
    return citizen;
  }
}

function loginCitizen({ id, nationalId, phone, email, firstName, lastName }: FakeCitizen): LoginCitizen {
  return { id, nationalId, phone, email, firstName, lastName };
}

/** The lockout counters of SqlLogin, kept in maps; each method is one atomic step, as each SQL statement is. */
export class FakeLoginRepository implements LoginRepository {
  /** Failures of IDs no citizen has, by their subject hash. */
  readonly unknown = new Map<string, { failedAttempts: number; blockedAt: Date | null }>();

  constructor(private readonly citizens: FakeCitizens) {}

  async reserveAttempt(id: NationalId, unknownSubjectHash: string, limit: number): Promise<ReservedAttempt | undefined> {
    const citizen = this.citizens.find(id);
    if (citizen) {
      if (citizen.blockedAt || citizen.failedAttempts >= limit) return undefined;
      citizen.failedAttempts += 1;
      return { kind: 'known', citizen: loginCitizen(citizen), securityWordHash: citizen.securityWordHash, attempt: citizen.failedAttempts };
    }
    const row = this.unknown.get(unknownSubjectHash) ?? { failedAttempts: 0, blockedAt: null };
    if (row.blockedAt || row.failedAttempts >= limit) return undefined;
    row.failedAttempts += 1;
    this.unknown.set(unknownSubjectHash, row);
    return { kind: 'unknown', subjectHash: unknownSubjectHash, attempt: row.failedAttempts };
  }

  async succeeded(citizenId: string): Promise<boolean> {
    const citizen = this.citizens.byId(citizenId);
    if (citizen.blockedAt) return false;
    citizen.failedAttempts = 0;
    return true;
  }

  async blockIfLimitReached(attempt: ReservedAttempt, limit: number, now: Date): Promise<boolean> {
    const row = this.rowOf(attempt);
    if (row.blockedAt || row.failedAttempts < limit) return false;
    row.blockedAt = now;
    return true;
  }

  async countAgain(attempt: ReservedAttempt, limit: number): Promise<number | undefined> {
    const row = this.rowOf(attempt);
    if (row.blockedAt || row.failedAttempts >= limit) return undefined;
    row.failedAttempts += 1;
    return row.failedAttempts;
  }

  async isBlocked(attempt: ReservedAttempt): Promise<boolean> {
    return this.rowOf(attempt).blockedAt !== null;
  }

  private rowOf(attempt: ReservedAttempt): { failedAttempts: number; blockedAt: Date | null } {
    return attempt.kind === 'known' ? this.citizens.byId(attempt.citizen.id) : this.unknown.get(attempt.subjectHash)!;
  }
}

type FakeLink = NewLink & ResetLinkFields & { id: string; usedAt: Date | null; supersededAt: Date | null; refusals: number };

/** The reset_links table of SqlResetLinks in an array, with the same conditions on every update. */
export class FakeResetLinkRepository implements ResetLinkRepository {
  readonly links: FakeLink[] = [];

  constructor(private readonly citizens: FakeCitizens) {}

  async findCitizen(id: NationalId): Promise<ResetCitizen | undefined> {
    const citizen = this.citizens.find(id);
    return citizen && this.resetCitizen(citizen);
  }

  async issue(link: NewLink & ResetLinkFields, since: Date, limit: number): Promise<boolean> {
    const mine = this.links.filter((stored) => stored.citizenId === link.citizenId);
    if (mine.filter((stored) => stored.createdAt > since).length >= limit) return false;
    for (const stored of mine) if (!stored.usedAt && !stored.supersededAt) stored.supersededAt = link.createdAt;
    this.links.push({ ...link, id: `link-${this.links.length + 1}`, usedAt: null, supersededAt: null, refusals: 0 });
    return true;
  }

  async findByTokenHash(tokenHash: Buffer): Promise<StoredResetLink | undefined> {
    const link = this.links.find((stored) => stored.tokenHash.equals(tokenHash));
    if (!link) return undefined;
    const { id, expiresAt, usedAt, supersededAt, locale, conversation } = link;
    return { id, expiresAt, usedAt, supersededAt, locale, conversation, citizen: this.resetCitizen(this.citizens.byId(link.citizenId)) };
  }

  async complete(linkId: string, citizenId: string, securityWordHash: string, now: Date): Promise<boolean> {
    const link = this.live(linkId, now);
    if (!link) return false;
    link.usedAt = now;
    const citizen = this.citizens.byId(citizenId);
    citizen.securityWordHash = securityWordHash;
    citizen.failedAttempts = 0;
    return true;
  }

  async recordRefusal(linkId: string, limit: number, now: Date): Promise<number | undefined> {
    const link = this.links.find((stored) => stored.id === linkId && !stored.usedAt);
    if (!link) return undefined;
    link.refusals += 1;
    if (link.refusals >= limit) link.usedAt = now;
    return link.refusals;
  }

  private live(linkId: string, now: Date): FakeLink | undefined {
    return this.links.find((stored) => stored.id === linkId && !stored.usedAt && !stored.supersededAt && stored.expiresAt > now);
  }

  private resetCitizen({ id, nationalId, email, firstName, lastName, securityWordHash, blockedAt }: FakeCitizen): ResetCitizen {
    return { id, nationalId, email, firstName, lastName, securityWordHash, blocked: blockedAt !== null };
  }
}

/** Codes per phone number and day, as SqlPhoneCodeCounts keeps them. */
export class FakePhoneCodeCounts implements PhoneCodeCounts {
  private readonly counts = new Map<string, number>();

  async increment(phoneHash: string, day: string): Promise<number> {
    const count = (this.counts.get(`${phoneHash}|${day}`) ?? 0) + 1;
    this.counts.set(`${phoneHash}|${day}`, count);
    return count;
  }

  async release(phoneHash: string, day: string): Promise<void> {
    this.counts.set(`${phoneHash}|${day}`, (this.counts.get(`${phoneHash}|${day}`) ?? 1) - 1);
  }
}

/** A text message as the fake sender received it. */
export type SentSms = { to: string; body: string };

/**
 * One test's world: the clock, what was audited, mailed and texted, and the stores behind it.
 * `close` stops the memory store's sweeper.
 */
export function fakeWorld() {
  const clock = new FakeClock();
  const audited: AuditEntry[] = [];
  const mails: OutgoingMail[] = [];
  const texts: SentSms[] = [];
  const backgroundErrors: unknown[] = [];
  const smsFailures: string[] = [];
  /** Set to make the next text messages fail, as Twilio down would. */
  const smsOutage = { on: false };
  const audit: AuditLog = { record: async (entry) => void audited.push(entry) };
  const sms: SmsSender = {
    send: async (to, body) => {
      if (smsOutage.on) throw new Error('SMS provider unavailable');
      texts.push({ to, body });
    },
  };
  const citizens = new FakeCitizens();
  const store = new MemoryStore(clock);
  const key = secretKey(Buffer.alloc(32, 7));
  return {
    clock,
    audited,
    mails,
    texts,
    smsOutage,
    smsFailures,
    backgroundErrors,
    citizens,
    store,
    audit,
    sms,
    key,
    subjects: new AuditSubjects(key),
    notifications: new Notifications({ send: async (mail) => void mails.push(mail) }),
    background: new BackgroundTasks((error) => backgroundErrors.push(error)),
    close: () => store.close(),
  };
}

export type FakeWorld = ReturnType<typeof fakeWorld>;

export function loginService(world: FakeWorld, repository: LoginRepository = new FakeLoginRepository(world.citizens)): LoginService {
  return new LoginService({
    repository,
    hasher: plainHasher,
    notifications: world.notifications,
    audit: world.audit,
    subjects: world.subjects,
    clock: world.clock,
    transactions: noTransactions,
  });
}

export function resetLinkService(
  world: FakeWorld,
  repository: ResetLinkRepository,
  onChanged: (event: SecurityWordChanged) => Promise<void> = async () => undefined,
): ResetLinkService {
  return new ResetLinkService({
    repository,
    hasher: plainHasher,
    notifications: world.notifications,
    audit: world.audit,
    subjects: world.subjects,
    background: world.background,
    clock: world.clock,
    random: cryptoRandom,
    linkFor: (token) => `https://eimza.example/reset/${token}`,
    onChanged,
    transactions: noTransactions,
  });
}

export function oneTimeCodes(world: FakeWorld, perPhone: PhoneCodeCounts = new FakePhoneCodeCounts()): OneTimeCodes {
  return new OneTimeCodes({
    store: world.store,
    sms: world.sms,
    clock: world.clock,
    random: cryptoRandom,
    key: world.key,
    audit: world.audit,
    onSendFailure: (_error, maskedPhone) => void world.smsFailures.push(maskedPhone),
    perPhone,
  });
}

export function pinPukVault(masterKey: Buffer = Buffer.alloc(32, 9)): PinPukVault {
  return new PinPukVault(masterKey, cryptoRandom);
}

export function sessions(world: FakeWorld, store: KeyValueStore = world.store): Sessions {
  return new Sessions(store, world.clock, cryptoRandom);
}
