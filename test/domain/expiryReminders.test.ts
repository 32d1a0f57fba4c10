import { countSegments } from '../../src/channels/smsSegments';
import {
  chatReminderText,
  DEFAULT_EXPIRY_REMINDER_DAYS,
  nearestThreshold,
  smsReminderText,
  thresholdDue,
} from '../../src/domain/expiryReminders';

const DAYS = DEFAULT_EXPIRY_REMINDER_DAYS;

describe('which threshold a certificate has reached (EXPIRY_REMINDER_DAYS 90,60,30,15,7,1)', () => {
  test.each<[number, number | undefined]>([
    [400, undefined],
    [91, undefined],
    [90, 90],
    [61, 90],
    [60, 60],
    [31, 60],
    [30, 30],
    [20, 30],
    [15, 15],
    [8, 15],
    [7, 7],
    [2, 7],
    [1, 1],
    [0, 1],
    [-1, undefined],
  ])('when %i days are left, then the nearest threshold reached is %p', (daysLeft, threshold) => {
    expect(nearestThreshold(daysLeft, DAYS)).toBe(threshold);
  });

  test.each<[string, readonly number[], number, number | null, number | undefined]>([
    ['a first run finds 20 days left: only the nearest threshold, not 90 and 60 as well', DAYS, 20, null, 30],
    ['the 30-day reminder went out and 19 days are left', DAYS, 19, 30, undefined],
    ['the 30-day reminder went out and 15 days are left', DAYS, 15, 30, 15],
    ['the 1-day reminder went out and the last day has come', DAYS, 0, 1, undefined],
    ['a first run finds the certificate on its last day', DAYS, 0, null, 1],
    ['the certificate expired yesterday and was never reminded of', DAYS, -1, null, undefined],
    ['the thresholds became 30,7 after the 60-day reminder went out, with 45 days left', [30, 7], 45, 60, undefined],
    ['the thresholds became 30,7 after the 60-day reminder went out, with 30 days left', [30, 7], 30, 60, 30],
  ])('when %s, then the reminder due is for %p days', (_, thresholds, daysLeft, lastReminded, due) => {
    expect(thresholdDue(daysLeft, thresholds, lastReminded)).toBe(due);
  });
});

describe('the reminder SMS and the Teams message', () => {
  const longSerial = 'NES-2026-000000000000000000000000000000000000000000000000-ABCDEFG';

  test.each<['tr' | 'en', number, string]>([
    ['tr', 20, '20 gun kaldi'],
    ['tr', 1, '1 gun kaldi'],
    ['tr', 0, 'bugun son gun'],
    ['en', 20, '20 days left'],
    ['en', 1, '1 day left'],
    ['en', 0, 'last day today'],
  ])(
    'when it goes out in %s with %i days left, then it says "%s", the date and the serial\'s last characters, within two GSM-7 segments',
    (locale, days, says) => {
      const text = smsReminderText(locale, longSerial, '2028-01-01', days);
      expect(text).toContain(says);
      expect(text).toContain('01.01.2028');
      expect(text).toContain('DEFG');
      expect(text).not.toContain(longSerial);
      expect(countSegments(text)).toMatchObject({ encoding: 'GSM-7' });
      expect(countSegments(text).segments).toBeLessThanOrEqual(2);
    },
  );

  test('when it goes to a Teams chat, then it names the whole serial, the date as the citizen reads it, and the word that leads on to renewal', () => {
    expect(chatReminderText('tr', 'NES-0006', '2026-12-15', 15)).toBe(
      'Hatırlatma: NES-0006 seri numaralı e-imza sertifikanızın süresi 15.12.2026 tarihinde doluyor (15 gün kaldı). Sertifikalar uzatılmaz; yenilemek için yeni bir sertifika başvurusu yapmanız gerekir. Adımları birlikte görmek için bana "yenileme" yazın.',
    );
    expect(chatReminderText('en', 'NES-0006', '2026-12-15', 1)).toContain('15 Dec 2026 (1 day left)');
  });
});
