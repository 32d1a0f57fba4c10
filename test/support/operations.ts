import { importSeed, parseSeed, type Seed } from '../../src/data/seed';
import type { CertificateStatus } from '../../src/domain/certificates';
import { LocalBotFrameworkIssuer } from './botFrameworkTokens';
import { codeIn, smsOutbox, toSmsOnay, type SmsLine } from './citizenLogin';
import { EmulatorClient } from './emulator';
import { FakeClock } from './fakeClock';
import { listOutboxMail, type ListedMail } from './resetLinkPage';
import { createTestDatabase, TEST_REDIS_URL } from './services';
import { startTestApp, type TestApp } from './testApp';

export const MINUTE = 60_000;
/** The bot's app id where the suite's app checks Bot Framework tokens (useOperationsApp's `signed`). */
export const SIGNED_APP_ID = '5b0e2c1d-7a3f-4e6b-9d8c-1f2e3d4c5b6a';
export const MENU = 'İşlemler Menüsü';
export const SESSION_EXPIRED = 'Oturumunuzun süresi doldu';
export const START_AGAIN = 'Başka ne yapmak istersiniz?';

/** A citizen made for one test, with exactly the cards and certificates it needs. */
export type TestCitizen = {
  id: string;
  maskedId: string;
  word: string;
  phone: string;
  email: string;
  name: string;
  cards: string[];
  certificates: string[];
};

/** The reply of a turn that came after the session timed out: it says so and shows the start again. */
export function expectSessionExpired(reply: string): void {
  expect(reply).toContain(SESSION_EXPIRED);
  expect(reply).toContain(START_AGAIN);
}

export type AuditRow = { action: string; subject_masked: string; channel: string; details: Record<string, string> };

/** A valid T.C. Kimlik Numarası from nine digits: the two check digits computed. */
function tcknFrom(nine: string): string {
  const d = [...nine].map(Number);
  const odd = d[0]! + d[2]! + d[4]! + d[6]! + d[8]!;
  const even = d[1]! + d[3]! + d[5]! + d[7]!;
  const tenth = (((odd * 7 - even) % 10) + 10) % 10;
  const eleventh = (d.reduce((sum, digit) => sum + digit, 0) + tenth) % 10;
  return `${nine}${tenth}${eleventh}`;
}

let made = 0;

/** Where a suite runs: the embedded default (PGlite, in-process store), or PostgreSQL and Redis. */
export type Backend = 'embedded' | 'postgres';

/**
 * The app of one suite, on a fake clock, and what its tests need: a fresh citizen of their own (so
 * no test sees another's changes), a conversation logged in up to the İşlemler Menüsü, and what the
 * app wrote (SMS, mail, audit rows, dialog state).
 */
export function useOperationsApp(backend: Backend = 'embedded', options: { signed?: boolean } = {}) {
  const clock = new FakeClock();
  let running: TestApp;
  let database: { url: string; drop(): Promise<void> } | undefined;
  /** With `signed`: the app checks Bot Framework tokens (as with MICROSOFT_APP_ID), and every conversation signs its requests. */
  let issuer: LocalBotFrameworkIssuer | undefined;
  let signer: ((serviceUrl: string) => string) | undefined;
  const clients: EmulatorClient[] = [];
  const conversations = new WeakMap<EmulatorClient, string>();
  const seeds = new Map<string, Seed>();

  // A signed world also makes two RSA keys and a key server: more than the default 30 s on a busy machine.
  beforeAll(async () => {
    if (backend === 'postgres') database = await createTestDatabase();
    const env: Record<string, string> = database ? { DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL } : {};
    if (options.signed) {
      issuer = await new LocalBotFrameworkIssuer().start();
      signer = issuer.signerFor(SIGNED_APP_ID);
      running = await startTestApp(
        { ...env, MICROSOFT_APP_ID: SIGNED_APP_ID },
        { clock, botFrameworkAuthentication: issuer.authentication(SIGNED_APP_ID) },
      );
    } else running = await startTestApp(env, { clock });
  }, 90_000);
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.stop()));
  });
  afterAll(async () => {
    await running.close();
    await database?.drop();
    await issuer?.stop();
  });

  const world = {
    clock,
    get running(): TestApp {
      return running;
    },

    /** Signs a client's requests for this app (undefined unless the app checks tokens). */
    get signer(): ((serviceUrl: string) => string) | undefined {
      return signer;
    },

    /** Adds a citizen with one card per certificate, each certificate in the given status (valid until 2029-01-01 unless `notAfter` says otherwise). */
    async newCitizen(
      certificates: CertificateStatus[] = ['active'],
      extraCards = 0,
      notAfter: readonly string[] = [],
    ): Promise<TestCitizen> {
      const n = ++made;
      const id = tcknFrom(`3${String(n).padStart(8, '0')}`);
      const cards = Array.from({ length: certificates.length + extraCards }, (_, index) => `KSMT${n}${String(index + 1).padStart(2, '0')}`);
      const citizen: TestCitizen = {
        id,
        maskedId: `${id.slice(0, 3)}******${id.slice(-2)}`,
        word: 'Deniz.Yildiz.24',
        phone: `+90555${String(n).padStart(7, '0')}`,
        email: `deniz${n}@example.org`,
        name: `Deniz Yıldız${n}`,
        cards,
        certificates: certificates.map((_, index) => `NES-T${n}-${index + 1}`),
      };
      const seed = parseSeed({
        citizens: [
          {
            idType: 'tckn',
            nationalId: id,
            firstName: 'Deniz',
            lastName: `Yıldız${n}`,
            email: citizen.email,
            phone: citizen.phone,
            securityWord: citizen.word,
            cards: cards.map((serial) => ({ serial, pin: '123456', puk: '12345678' })),
            certificates: certificates.map((status, index) => ({
              serial: citizen.certificates[index],
              cardSerial: cards[index],
              status,
              published: status === 'active',
              notBefore: '2026-01-01',
              notAfter: notAfter[index] ?? '2029-01-01',
            })),
          },
        ],
      });
      await importSeed(running.app.db, seed, running.app.vault, running.app.hasher);
      seeds.set(id, seed);
      return citizen;
    },

    /** Imports the citizen's seed again, as a restart with SEED_FILE does. */
    async reimport(citizen: TestCitizen): Promise<void> {
      await importSeed(running.app.db, seeds.get(citizen.id)!, running.app.vault, running.app.hasher);
    },

    /** A conversation of its own, in Turkish or English. */
    async open(locale = 'tr-TR'): Promise<EmulatorClient> {
      const conversation = `conv-${Math.random().toString(36).slice(2)}`;
      const client = new EmulatorClient(running.baseUrl, conversation, 'emulator', locale);
      client.signer = signer;
      await client.start();
      clients.push(client);
      conversations.set(client, conversation);
      return client;
    },

    /** The conversation's stored dialog state (bot state), as JSON. */
    async dialogState(client: EmulatorClient): Promise<string> {
      return JSON.stringify(await running.app.store.get(`dialog-state:emulator/conversations/${conversations.get(client)}/`));
    },

    /** Şifreli Giriş and SMS Onay: a conversation at the İşlemler Menüsü. */
    async atMenu(citizen: TestCitizen, locale = 'tr-TR'): Promise<EmulatorClient> {
      const client = await world.open(locale);
      await toSmsOnay(client, citizen);
      await client.say('Onay');
      const menu = await client.sayText(codeIn(world.smsTo(citizen.phone).at(-1)!.body));
      if (!menu.includes(MENU)) throw new Error(`the login did not reach the menu: ${menu}`);
      return client;
    },

    sms(): SmsLine[] {
      return smsOutbox(running.dataDir);
    },

    smsTo(phone: string): SmsLine[] {
      return world.sms().filter((line) => line.to === phone);
    },

    /** The mails delivered so far to an address, once the mail queue has done its work. */
    async mailTo(address: string): Promise<ListedMail[]> {
      await running.app.background.drain();
      return (await listOutboxMail(running)).filter((mail) => mail.to.includes(address));
    },

    /** The audit rows of one citizen, oldest first; of one action when given. */
    async audit(citizen: TestCitizen, action?: string): Promise<AuditRow[]> {
      const rows = await running.app.db.query<AuditRow>(
        'SELECT action, subject_masked, channel, details FROM audit_log WHERE subject_masked = $1 ORDER BY id',
        [citizen.maskedId],
      );
      return rows.filter((row) => action === undefined || row.action === action);
    },

    /** One certificate's row as the database has it. */
    async certificate(serial: string) {
      const [row] = await running.app.db.query<{
        status: CertificateStatus;
        status_changed_at: Date | null;
        revocation_reason: string | null;
        revocation_note: string | null;
      }>('SELECT status, status_changed_at, revocation_reason, revocation_note FROM certificates WHERE serial = $1', [serial]);
      return row!;
    },

    /** The citizen's e-mail address and phone as the database has them. */
    async contact(citizen: TestCitizen) {
      const [row] = await running.app.db.query<{ email: string; phone: string }>(
        'SELECT email, phone FROM citizens WHERE national_id = $1',
        [citizen.id],
      );
      return row!;
    },
  };
  return world;
}
