import { normalize } from '../../src/language/normalize';
import { expectQuick, HUGE_INPUT } from '../support/hostileInput';

describe('normalize', () => {
  test.each([
    ['İPTAL', 'iptal'],
    ['iptal', 'iptal'],
    ['Güvenlik Sözcüğümü Unuttum', 'guvenlik sozcugumu unuttum'],
    ['  IŞIK!! ', 'isik'],
    ['i\u0307ptal', 'iptal'],
    ['İSTANBUL', 'istanbul'],
    ['ÇĞİÖŞÜ çğıöşü', 'cgiosu cgiosu'],
    ['Café crème', 'cafe creme'],
    ['a \t\n  b', 'a b'],
    ["Ali'nin", 'alinin'],
    ['e-imza', 'e imza'],
    ['<b>1</b>', '1'],
    ['Ｅｖｅｔ', 'evet'],
    ['', ''],
    ['👍', ''],
    ['!!!', ''],
  ])('normalize(%j) is %j', (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });

  test('handles a 10,000-character input quickly', () => {
    expect(expectQuick(() => normalize(HUGE_INPUT))).toBe(HUGE_INPUT);
  });
});
