import { parseEmail } from '../../src/domain/emailChange';
import { formatMobilePhone, parseMobilePhone, type PhoneRejection } from '../../src/domain/phoneChange';

describe('parseMobilePhone: a Turkish mobile number as citizens type it', () => {
  const accepted: [string, string][] = [
    ['with the trunk 0 and spaces', '0532 123 45 67'],
    ['without the 0, with dashes', '532-123-4567'],
    ['with +90 and spaces', '+90 532 123 45 67'],
    ['with 0090', '0090 532 123 45 67'],
    ['with 90 and no plus', '905321234567'],
    ['with +90 and the trunk 0 in brackets', '+90 (0532) 123 45 67'],
    ['with dots', '0532.123.45.67'],
    ['written together', '05321234567'],
  ];

  test.each(accepted)('when it is typed %s (%j), then it is read as +905321234567', (_how, typed) => {
    expect(parseMobilePhone(typed)).toEqual({ ok: true, phone: '+905321234567' });
  });

  const refused: [string, string, PhoneRejection][] = [
    ['nothing', '', 'format'],
    ['letters', 'beş yüz otuz iki', 'format'],
    ['a plus in the middle', '0532+1234567', 'format'],
    ['a German mobile', '+49 151 23456789', 'foreign'],
    ['an international number with 00', '0044 7911 123456', 'foreign'],
    ['nine digits', '0532 123 45 6', 'length'],
    ['eleven digits without the trunk 0', '5321234567 8', 'length'],
    ['+90 with a short number', '+90 532 123', 'length'],
    ['the call center (a landline)', '0262 648 18 18', 'not-mobile'],
    ['an Istanbul landline with +90', '+90 212 123 45 67', 'not-mobile'],
  ];

  test.each(refused)('when %s is typed (%j), then it is refused as %s', (_what, typed, reason) => {
    expect(parseMobilePhone(typed)).toEqual({ ok: false, reason });
  });

  test('when a number is shown back, then it reads in groups: +90 532 123 45 67', () => {
    expect(formatMobilePhone('+905321234567')).toBe('+90 532 123 45 67');
  });
});

describe('parseEmail: an e-mail address as typed', () => {
  test.each([
    ['trimmed, the domain in lower case', '  Ayse.Yilmaz@Example.ORG ', 'Ayse.Yilmaz@example.org'],
    ['with a plus tag and a subdomain', 'ayse+kamusm@mail.example.com.tr', 'ayse+kamusm@mail.example.com.tr'],
  ])('when it is typed %s, then it is accepted as %s', (_how, typed, email) => {
    expect(parseEmail(typed)).toEqual({ ok: true, email });
  });

  test.each([
    ['no domain', 'ayse@'],
    ['no @', 'ayse.example.org'],
    ['a space inside', 'ayse yilmaz@example.org'],
    ['two addresses', 'a@example.org b@example.org'],
    ['markup', '<a@example.org>'],
    ['longer than 254 characters', `${'a'.repeat(64)}@${'b'.repeat(190)}.org`],
  ])('when it has %s, then it is refused', (_what, typed) => {
    expect(parseEmail(typed)).toEqual({ ok: false });
  });
});
