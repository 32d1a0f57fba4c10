/** A citizen's identifier: a T.C. Kimlik Numarası or, for foreign nationals, a passport number. */
export type NationalId = { type: 'tckn' | 'passport'; value: string };

export type IdRejection = 'empty' | 'tckn-length' | 'tckn-first-digit' | 'tckn-checksum' | 'passport-format';

export type IdCheck = { ok: true; id: NationalId } | { ok: false; reason: IdRejection };

/**
 * Reads what a citizen typed as Kimlik No. Spaces and dashes are ignored. Input made only of digits
 * is a T.C. Kimlik Numarası (so a mistyped one gets its own reason); a passport number has at least
 * one letter and 6–12 letters and digits.
 */
export function parseNationalId(text: string): IdCheck {
  const compact = text.replace(/[\s\-–.]/g, '').toUpperCase();
  if (compact === '') return { ok: false, reason: 'empty' };
  if (/^\d+$/.test(compact)) return checkTckn(compact);
  if (/^[A-Z0-9]{6,12}$/.test(compact)) return { ok: true, id: { type: 'passport', value: compact } };
  return { ok: false, reason: 'passport-format' };
}

function checkTckn(digits: string): IdCheck {
  if (digits.length !== 11) return { ok: false, reason: 'tckn-length' };
  if (digits[0] === '0') return { ok: false, reason: 'tckn-first-digit' };
  if (!hasValidTcknCheckDigits(digits)) return { ok: false, reason: 'tckn-checksum' };
  return { ok: true, id: { type: 'tckn', value: digits } };
}

/** The 10th and 11th digits of a T.C. Kimlik Numarası are checksums of the ones before them. */
export function hasValidTcknCheckDigits(digits: string): boolean {
  const d = [...digits].map(Number);
  const odd = d[0]! + d[2]! + d[4]! + d[6]! + d[8]!;
  const even = d[1]! + d[3]! + d[5]! + d[7]!;
  const tenth = (((odd * 7 - even) % 10) + 10) % 10;
  const eleventh = d.slice(0, 10).reduce((sum, digit) => sum + digit, 0) % 10;
  return d[9] === tenth && d[10] === eleventh;
}

/** An ID as logs and agents may show it: "123******01". */
export function maskNationalId(value: string): string {
  if (value.length <= 5) return '*'.repeat(value.length);
  return value.slice(0, 3) + '*'.repeat(value.length - 5) + value.slice(-2);
}

/** A phone number as a citizen may see it: "+90 5** *** ** 67". */
export function maskPhone(e164: string): string {
  const digits = e164.replace(/\D/g, '');
  if (digits.startsWith('90') && digits.length === 12) {
    return `+90 ${digits[2]}** *** ** ${digits.slice(-2)}`;
  }
  return `+${digits.slice(0, 2)} ${'*'.repeat(Math.max(digits.length - 4, 0))} ${digits.slice(-2)}`;
}

/** An e-mail address as an agent may see it: "a***@example.org". */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}***@${domain}`;
}

/** A name as an agent may see it: "A*** Y*****", the first letter of each word. */
export function maskName(firstName: string, lastName: string): string {
  return `${firstName} ${lastName}`
    .trim()
    .split(/\s+/)
    .map((word) => `${[...word][0] ?? ''}${'*'.repeat(Math.max([...word].length - 1, 3))}`)
    .join(' ');
}
