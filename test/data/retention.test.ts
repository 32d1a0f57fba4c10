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
    const count = async (table: string) =>
      (await running.app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;
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

  test('when anything else tries to change or delete an audit row, then the database refuses', async () => {
    await running.app.db.query("INSERT INTO audit_log (at, actor, action) VALUES (now(), 'test', 'probe')");
    await expect(running.app.db.query("UPDATE audit_log SET action = 'changed'")).rejects.toThrow(/append-only/);
    await expect(running.app.db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  });
});
