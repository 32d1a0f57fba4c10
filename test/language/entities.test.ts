import { parseNationalId } from '../../src/domain/identity';
import { codeInSentence, nationalIdIn, yesNoInSentence } from '../../src/language/entities';
import { matchSerial } from '../../src/language/serials';

describe('the Kimlik No inside a sentence', () => {
  test.each([
    ['TC kimlik numaram 100 000 001 46', '10000000146'],
    ['T.C. 10000000146', '10000000146'],
    ['T.C.10000000146', '10000000146'],
    ['tc no: 100-000-001-46', '10000000146'],
    ['Kimlik numaram 10000000146 teşekkürler', '10000000146'],
    ['my passport number is U1234567', 'U1234567'],
    ['pasaport no U1234567.', 'U1234567'],
  ])('when "%s" is typed, then the ID read is %s', (typed, id) => {
    expect(nationalIdIn(typed)).toBe(id);
  });

  test('when "T.C. 10000000146" is typed, then it is a valid T.C. Kimlik Numarası, not a passport', () => {
    expect(parseNationalId(nationalIdIn('T.C. 10000000146'))).toEqual({ ok: true, id: { type: 'tckn', value: '10000000146' } });
  });

  test.each(['10000000146', '100 000 001 46', 'U1234567', '1234'])('when "%s" alone is typed, then it is left as typed', (typed) => {
    expect(nationalIdIn(typed)).toBe(typed);
  });
});

describe('the SMS code inside a sentence', () => {
  test.each([
    ['kodum 482 913', '482913'],
    ['the code is 482-913', '482913'],
    ['Onay kodu: 482913, teşekkürler', '482913'],
  ])('when "%s" is typed, then the code is %s', (typed, code) => {
    expect(codeInSentence(typed, 6)).toBe(code);
  });

  test.each(['kod yok', '482913 ya da 123456', 'kodum 4829'])('when "%s" is typed, then no code is guessed', (typed) => {
    expect(codeInSentence(typed, 6)).toBeUndefined();
  });
});

describe('yes and no inside a sentence', () => {
  test.each<[string, boolean | undefined]>([
    ['evet gönder', true],
    ['tamam olur', true],
    ['Evet, lütfen sil', true],
    ['yes please', true],
    ['hayır istemiyorum', false],
    ['no thanks', false],
    ['evet ama önce bir şey soracağım', undefined],
    ['evet hayır', undefined],
    ['bilmiyorum', undefined],
  ])('when "%s" is typed, then the answer is %s', (typed, answer) => {
    expect(yesNoInSentence(typed)).toBe(answer);
  });
});

describe('a serial number inside a sentence', () => {
  test('when "NES-0002 numaralı sertifikam" is typed, then NES-0002 is picked', () => {
    expect(matchSerial('NES-0002 numaralı sertifikam', ['NES-0001', 'NES-0002'])).toBe(1);
  });
  test('when a sentence names two serials, then none is picked', () => {
    expect(matchSerial('NES-0001 ya da NES-0002', ['NES-0001', 'NES-0002'])).toBeUndefined();
  });
});
