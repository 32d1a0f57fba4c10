import { daysUntil } from '../../src/domain/certificates';
import { formatDate } from '../../src/language/dates';

describe('formatDate: a certificate date as citizens write it', () => {
  test.each([
    ['tr', '2028-01-01', '01.01.2028'],
    ['en', '2028-01-01', '1 Jan 2028'],
    ['en', '2027-12-31', '31 Dec 2027'],
    ['tr', 'not a date', 'not a date'],
  ] as const)('when %s shows %s, then it reads %s', (locale, date, shown) => {
    expect(formatDate(locale, date)).toBe(shown);
  });
});

describe('daysUntil: the whole days left, counted on the Turkish calendar', () => {
  test('when the last day is tomorrow, today or yesterday, then 1, 0 and -1 days are left', () => {
    const now = new Date('2026-11-25T10:00:00Z');
    expect(daysUntil('2026-11-26', now)).toBe(1);
    expect(daysUntil('2026-11-25', now)).toBe(0);
    expect(daysUntil('2026-11-24', now)).toBe(-1);
  });

  test('when it is 22:30 UTC, then it is already the next day in Türkiye (UTC+3)', () => {
    expect(daysUntil('2026-11-26', new Date('2026-11-25T22:30:00Z'))).toBe(0);
  });
});
