import { FakeClock } from '../support/fakeClock';
import { startTestApp, type TestApp } from '../support/testApp';

const DAY_MS = 24 * 60 * 60_000;

describe('the daily retention job', () => {
  let running: TestApp;
  const clock = new FakeClock();

  beforeAll(async () => {
    running = await startTestApp({ AUDIT_RETENTION_DAYS: '30' }, { clock });
  });
  afterAll(() => running.close());

  test('when a day has passed, then old reset links are gone, and audit rows go only after their retention', async () => {
    await running.app.resetLinks.issue({ type: 'tckn', value: '10000000146' }, { channel: 'test', locale: 'tr' });
    await running.app.background.drain();
    const count = async (table: string) => (await running.app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;
    expect(await count('reset_links')).toBe(1);
    const auditBefore = await count('audit_log');
    expect(auditBefore).toBeGreaterThan(0);

    clock.advance(DAY_MS + 1000);
    await running.app.purgeExpiredRecords();
    expect(await count('reset_links')).toBe(0);
    expect(await count('audit_log')).toBe(auditBefore);

    clock.advance(30 * DAY_MS);
    await running.app.purgeExpiredRecords();
    expect(await count('audit_log')).toBe(0);
  });

  test('when a day has passed, then e-mail change links are gone; unlock codes go as soon as they are used or expired', async () => {
    const count = async (table: string) => (await running.app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;
    const citizenId = async (nationalId: string) =>
      (await running.app.db.query<{ id: string }>('SELECT id::text AS id FROM citizens WHERE national_id = $1', [nationalId]))[0]!.id;
    const actor = { subject: { hash: 'retention-test', masked: 'retention-test' }, channel: 'test' };
    await running.app.db.query(
      `INSERT INTO email_change_links (citizen_id, token_hash, new_email, locale, created_at, expires_at)
       VALUES ($1, $2, 'yeni@example.org', 'tr', $3, $3)`,
      [await citizenId('10000000146'), Buffer.alloc(32, 7), clock.now()],
    );
    const used = await running.app.unlockCodes.issue(await citizenId('10000000146'), 'KSM0000001', actor);
    expect(used.result === 'issued' && (await running.app.unlockCodes.redeem('KSM0000001', used.code))).toBe(true);
    await running.app.unlockCodes.issue(await citizenId('10000000214'), 'KSM0000002', actor);

    await running.app.purgeExpiredRecords();
    expect(await running.app.db.query('SELECT card_serial FROM unlock_codes')).toEqual([{ card_serial: 'KSM0000002' }]);
    expect(await count('email_change_links')).toBe(1);

    clock.advance(DAY_MS + 1000);
    await running.app.purgeExpiredRecords();
    expect(await count('unlock_codes')).toBe(0);
    expect(await count('email_change_links')).toBe(0);
  });

  test('when anything else tries to change or delete an audit row, then the database refuses', async () => {
    await running.app.db.query("INSERT INTO audit_log (at, actor, action) VALUES (now(), 'test', 'probe')");
    await expect(running.app.db.query("UPDATE audit_log SET action = 'changed'")).rejects.toThrow(/append-only/);
    await expect(running.app.db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  });
});

describe('the daily retention job and the expiry reminders', () => {
  test('when a certificate is past its last day, then its reminders go; a conversation not logged in for 400 days goes too', async () => {
    const clock = new FakeClock();
    const running = await startTestApp({ EXPIRY_REMINDER_DAYS: '30' }, { clock });
    try {
      await running.app.background.drain();
      const count = async (table: string) => (await running.app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;
      // The demo seed's NES-0006 expires 20 days from now: reminded of at start.
      expect(await count('expiry_reminders')).toBe(1);
      await running.app.db.query(
        `INSERT INTO citizen_conversations (citizen_id, channel, locale, updated_at)
         SELECT id, 'directline', 'en', $1 FROM citizens WHERE national_id = '10000000450'`,
        [clock.now()],
      );

      clock.advance(21 * DAY_MS);
      await running.app.purgeExpiredRecords();
      expect(await count('expiry_reminders')).toBe(1);

      clock.advance(2 * DAY_MS);
      await running.app.purgeExpiredRecords();
      expect(await count('expiry_reminders')).toBe(0);
      expect(await count('citizen_conversations')).toBe(1);

      clock.advance(400 * DAY_MS);
      await running.app.purgeExpiredRecords();
      expect(await count('citizen_conversations')).toBe(0);
    } finally {
      await running.close();
    }
  });
});
