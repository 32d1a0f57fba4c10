import { translate } from '../../src/language/messages';
import { MENU, useOperationsApp } from '../support/operations';

const tr = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('tr', key, params);

/**
 * Sertifika Listele (SPEC §1.9) tells what a citizen needs: dates as people write them, the days
 * left, what to do when a certificate runs out soon, and where the PIN / PUK state shows. The
 * suite's clock stands at 25.11.2026.
 */
describe('Sertifika Listele: readable dates, days left, and what to do before a certificate expires', () => {
  const world = useOperationsApp();

  test('when a certificate expires in 15 days, then the list shows 10.12.2026 with "15 gün kaldı" and the renewal steps (a new application, the call center); the others show their days left', async () => {
    const citizen = await world.newCitizen(['active', 'pending', 'revoked'], 0, ['2026-12-10', '2029-01-01', '2028-06-30']);
    const [soon, later, revoked] = citizen.certificates as [string, string, string];
    const client = await world.atMenu(citizen);
    const list = await client.sayText('Sertifika Listele');
    const lineOf = (serial: string) => list.split('\n').find((line) => line.startsWith(`• ${serial} `))!;

    expect(lineOf(soon)).toContain('01.01.2026 – 10.12.2026');
    expect(lineOf(soon)).toContain(tr('certificates.remaining', { days: 15 }));
    expect(lineOf(later)).toContain('01.01.2026 – 01.01.2029');
    expect(lineOf(later)).toContain(tr('certificates.remaining', { days: 768 }));
    expect(list).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    // A revoked certificate has no days left to count.
    expect(lineOf(revoked)).toContain('30.06.2028');
    expect(lineOf(revoked)).not.toContain('gün kaldı');

    expect(list).toContain(tr('certificates.expiresSoon', { serial: soon, date: '10.12.2026', days: 15 }));
    // The renewal steps, as "sertifikam ne zaman bitiyor" gives them, once after the notices.
    expect(list.split(tr('renewal.steps')).length - 1).toBe(1);
    expect(list).toContain('yeni bir sertifika başvurusu');
    expect(list).toContain('0262 648 18 18');
    expect(list).not.toContain(tr('certificates.expiresSoon', { serial: later, date: '01.01.2029', days: 768 }));
    expect(list).toContain(tr('certificates.pinPukState'));
    expect(list).toContain(MENU);
  });

  test('when a certificate has expired already, then the list says so and what to do, in English with "1 Jan 2026"-style dates', async () => {
    const citizen = await world.newCitizen(['active', 'active'], 0, ['2026-11-01', '2026-12-25']);
    const [expired, soon] = citizen.certificates as [string, string];
    const client = await world.atMenu(citizen, 'en-US');
    const list = await client.sayText('Sertifika Listele');
    const lineOf = (serial: string) => list.split('\n').find((line) => line.startsWith(`• ${serial} `))!;

    expect(lineOf(expired)).toContain('1 Jan 2026 – 1 Nov 2026');
    expect(lineOf(expired)).toContain(translate('en', 'certificates.remainingExpired'));
    expect(list).toContain(translate('en', 'certificates.expired', { serial: expired, date: '1 Nov 2026' }));
    expect(lineOf(soon)).toContain('1 Jan 2026 – 25 Dec 2026');
    expect(list).toContain(translate('en', 'certificates.expiresSoon', { serial: soon, date: '25 Dec 2026', days: 30 }));
    // Two notices, one set of renewal steps.
    expect(list.split(translate('en', 'renewal.steps')).length - 1).toBe(1);
    expect(list).toContain('+90 262 648 18 18');
    expect(list).toContain(translate('en', 'certificates.pinPukState'));
  });

  test('when no certificate runs out within 30 days, then the list has no notice and no renewal steps', async () => {
    const citizen = await world.newCitizen(['active'], 0, ['2026-12-26']);
    const client = await world.atMenu(citizen);
    const list = await client.sayText('Sertifika Listele');
    expect(list).toContain(tr('certificates.remaining', { days: 31 }));
    expect(list).not.toContain(tr('renewal.steps'));
    expect(list).toContain(tr('certificates.pinPukState'));
  });
});
