import { maskNationalId, maskPhone, parseNationalId, type IdRejection } from '../../src/domain/identity';

/**
 * Check digits of the valid T.C. Kimlik Numaraları below were computed by hand from the public rule
 * (10th = (7·odd − even) mod 10, 11th = sum of the first ten mod 10), not with the product's code.
 */
describe('parseNationalId', () => {
  const accepted: [string, string, 'tckn' | 'passport', string][] = [
    ['a demo TCKN', '10000000146', 'tckn', '10000000146'],
    ['another valid TCKN', '12345678950', 'tckn', '12345678950'],
    ['a TCKN with a large tenth-digit sum', '98765432150', 'tckn', '98765432150'],
    ['a TCKN ending in 38', '21987654338', 'tckn', '21987654338'],
    ['a TCKN typed with spaces', ' 100 000 001 46 ', 'tckn', '10000000146'],
    ['a TCKN typed with dashes', '100-000-001-46', 'tckn', '10000000146'],
    ['a TCKN typed with tabs and a newline', '\t10000000146\n', 'tckn', '10000000146'],
    ['a TCKN typed with spaces and dashes mixed', '123 456-789 50', 'tckn', '12345678950'],
    ['a passport number', 'U12345678', 'passport', 'U12345678'],
    ['a passport number in lower case', 'u12345678', 'passport', 'U12345678'],
    ['a passport number with spaces and dashes', 'U 1234-5678', 'passport', 'U12345678'],
    ['the shortest passport number (6)', 'AB1234', 'passport', 'AB1234'],
    ['the longest passport number (12)', 'ABCDEFGHIJ12', 'passport', 'ABCDEFGHIJ12'],
    ['a passport number with a single letter at the end', '1234567C', 'passport', '1234567C'],
  ];

  test.each(accepted)('when the citizen types %s (%j), then it is accepted as %s %s', (_name, input, type, value) => {
    expect(parseNationalId(input)).toEqual({ ok: true, id: { type, value } });
  });

  const refused: [string, string, IdRejection][] = [
    ['nothing', '', 'empty'],
    ['only spaces and dashes', '  - -  ', 'empty'],
    ['10 digits', '1000000014', 'tckn-length'],
    ['12 digits', '100000001460', 'tckn-length'],
    ['7 digits (a passport needs a letter)', '1234567', 'tckn-length'],
    ['11 digits starting with 0', '01234567890', 'tckn-first-digit'],
    ['a wrong 11th digit', '10000000147', 'tckn-checksum'],
    ['a wrong 10th digit', '10000000156', 'tckn-checksum'],
    ['a wrong 10th digit with a matching 11th', '12345678949', 'tckn-checksum'],
    ['two digits swapped', '21345678950', 'tckn-checksum'],
    ['a passport number of 5 characters', 'A1234', 'passport-format'],
    ['a passport number of 13 characters', 'ABCDEFGHIJ123', 'passport-format'],
    ['a passport number with a slash', 'U1234/5678', 'passport-format'],
    ['an emoji', '😀', 'passport-format'],
    ['an emoji in front of a TCKN', '😀10000000146', 'passport-format'],
    ['markup', '<script>alert(1)</script>', 'passport-format'],
    ['an SQL fragment', "1' OR '1'='1", 'passport-format'],
    ['Turkish letters', 'ĞÜŞÖÇ123', 'passport-format'],
  ];

  test.each(refused)('when the citizen types %s (%j), then it is refused with %s', (_name, input, reason) => {
    expect(parseNationalId(input)).toEqual({ ok: false, reason });
  });

  test('when the input is huge, then it is refused without throwing', () => {
    expect(parseNationalId('1'.repeat(100_000))).toEqual({ ok: false, reason: 'tckn-length' });
    expect(parseNationalId('A'.repeat(100_000)).ok).toBe(false);
  });
});

describe('maskNationalId', () => {
  test('when a TCKN is masked, then only the first 3 and the last 2 digits are shown ("123******01")', () => {
    expect(maskNationalId('12345678901')).toBe('123******01');
    expect(maskNationalId('10000000146')).toBe('100******46');
  });

  test('when a passport number is masked, then it keeps its length with the middle hidden', () => {
    expect(maskNationalId('U12345678')).toBe('U12****78');
  });

  test('when a value is too short to show anything safely, then everything is hidden', () => {
    expect(maskNationalId('12345')).toBe('*****');
  });
});

describe('maskPhone', () => {
  test('when a Turkish mobile number is masked, then it looks like "+90 5** *** ** 67"', () => {
    expect(maskPhone('+905321234567')).toBe('+90 5** *** ** 67');
    expect(maskPhone('+905059876543')).toBe('+90 5** *** ** 43');
  });

  test('when the number comes from WhatsApp, then the prefix does not change the mask', () => {
    expect(maskPhone('whatsapp:+905321234567')).toBe('+90 5** *** ** 67');
  });

  test('when a foreign number is masked, then only the country code and the last 2 digits are shown', () => {
    const masked = maskPhone('+4915112345678');
    expect(masked.startsWith('+49 ')).toBe(true);
    expect(masked.endsWith(' 78')).toBe(true);
    expect(masked.replace(/\D/g, '')).toBe('4978');
  });
});
