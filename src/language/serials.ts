/** Certificate and card serial numbers as citizens type or copy them. */

import { optionNumberOf } from './choices';
import { MAX_RECOGNIZED_LENGTH, normalize } from './normalize';

/** A serial number as compared: case, spaces and dashes do not matter ("nes 0002" = "NES-0002"). */
function compactSerial(text: string): string {
  return normalize(text).replace(/ /g, '');
}

/** Whether the input is this serial number, as typed or copied. */
export function isSerial(text: string, serial: string): boolean {
  return text.length <= MAX_RECOGNIZED_LENGTH && compactSerial(text) !== '' && compactSerial(text) === compactSerial(serial);
}

/**
 * Picks one of `serials` (certificate or card serial numbers) by the serial itself or by its
 * option number. Never by a near miss: NES-0002 and NES-0003 differ in one character; and "0002",
 * a piece of a serial, is not option 2.
 */
export function matchSerial(text: string, serials: readonly string[]): number | undefined {
  const exact = serials.findIndex((serial) => isSerial(text, serial));
  if (exact >= 0) return exact;
  const inSentence = serials.map((serial, index) => (mentions(text, serial) ? index : -1)).filter((index) => index >= 0);
  if (inSentence.length === 1) return inSentence[0];
  const input = normalize(text);
  if (input === '' || input.length > MAX_RECOGNIZED_LENGTH || input.startsWith('0')) return undefined;
  const optionNumber = optionNumberOf(input);
  return optionNumber !== undefined && optionNumber >= 1 && optionNumber <= serials.length ? optionNumber - 1 : undefined;
}

/** Whether a sentence names this serial as one to three of its words: "NES-0002 numaralı sertifikam", "ksm 0000001 olan kart". */
function mentions(text: string, serial: string): boolean {
  if (text.length > MAX_RECOGNIZED_LENGTH) return false;
  const words = normalize(text).split(' ');
  const wanted = compactSerial(serial);
  for (let start = 0; start < words.length; start += 1) {
    for (let end = start + 1; end <= Math.min(start + 3, words.length); end += 1) {
      if (words.slice(start, end).join('') === wanted) return true;
    }
  }
  return false;
}

/**
 * The last four letters or digits of a serial number ("NES-0001" → "0001"), as a revocation is
 * confirmed (SPEC §1.9): dashes and spaces are not counted, so the four are never a separator.
 */
export function lastFourOf(serial: string): string {
  return [...serial.replace(/[^\p{L}\p{N}]/gu, '')].slice(-4).join('');
}

/** Whether the input is the last four characters of the serial: case, spaces and dashes do not matter. */
export function isLastFourOf(text: string, serial: string): boolean {
  return text.length <= MAX_RECOGNIZED_LENGTH && compactSerial(text) !== '' && compactSerial(text) === compactSerial(lastFourOf(serial));
}
