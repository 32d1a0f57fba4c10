/** Calendar dates as citizens read them: "01.01.2028" in Turkish, "1 Jan 2028" in English. */

import type { Locale } from './locale';
import { translate, type MessageKey } from './messages';

const ENGLISH_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** A date kept as "YYYY-MM-DD" (a certificate's validity), written for the reader; anything else is left as it is. */
export function formatDate(locale: Locale, isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const [, year, month, day] = match as unknown as [string, string, string, string];
  if (locale === 'tr') return `${day}.${month}.${year}`;
  return `${Number(day)} ${ENGLISH_MONTHS[Number(month) - 1] ?? month} ${year}`;
}

/**
 * The catalog's way of saying how long is left before a certificate's last day: `today` on that
 * day, `oneDay` the day before, `days` (with {days}) before that. Each audience (mail, SMS, chat)
 * has its own three sentences.
 */
export function daysLeftText(locale: Locale, daysLeft: number, keys: { today: MessageKey; oneDay: MessageKey; days: MessageKey }): string {
  return translate(locale, daysLeft === 0 ? keys.today : daysLeft === 1 ? keys.oneDay : keys.days, { days: daysLeft });
}
