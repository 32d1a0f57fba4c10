import { isLastFourOf, isSerial, lastFourOf, matchSerial } from '../../src/language/serials';

const SERIALS = ['NES-0002', 'NES-0004'];

describe("matchSerial: picking one of the citizen's serial numbers", () => {
  test.each([
    ['the serial itself', 'NES-0004', 1],
    ['the serial in lower case without the dash', 'nes0004', 1],
    ['the serial with a space', 'NES 0002', 0],
    ['its number', '2', 1],
    ['its number with a bracket, as listed', '1)', 0],
    ['its number in Turkish words', 'iki', 1],
    ['its ordinal', 'birinci', 0],
  ])('when the citizen types %s (%j), then option %i is picked', (_how, typed, index) => {
    expect(matchSerial(typed, SERIALS)).toBe(index);
  });

  test.each([
    ['a serial one character away (no near misses)', 'NES-0003'],
    ['a number out of range', '3'],
    ['part of a serial', '0002'],
    ['nothing', ''],
    ['a very long text', 'NES-0002 '.repeat(50)],
  ])('when the citizen types %s, then nothing is picked', (_how, typed) => {
    expect(matchSerial(typed, SERIALS)).toBeUndefined();
  });

  test('when a serial is compared, then case, spaces and dashes do not matter, but every character does', () => {
    expect(isSerial(' ksm-0000-001 ', 'KSM0000001')).toBe(true);
    expect(isSerial('KSM0000002', 'KSM0000001')).toBe(false);
    expect(isSerial('', '')).toBe(false);
  });
});

describe('lastFourOf / isLastFourOf: the four characters that confirm a revocation', () => {
  test('when a serial has dashes, then the last four letters or digits are taken, never a dash', () => {
    expect(lastFourOf('NES-0001')).toBe('0001');
    expect(lastFourOf('NES-T12-1')).toBe('T121');
  });

  test.each([
    ['as shown', 'NES-0001', '0001', true],
    ['with spaces', 'NES-0001', ' 00 01 ', true],
    ['in lower case', 'NES-T12-1', 't121', true],
    ['"iptal"', 'NES-0001', 'iptal', false],
    ['"İPTAL"', 'NES-0001', 'İPTAL', false],
    ['three of the four', 'NES-0001', '001', false],
    ['the whole serial', 'NES-0001', 'NES-0001', false],
    ['nothing', 'NES-0001', '', false],
  ])('when the citizen types %s for %s (%j), then the answer is %s', (_how, serial, typed, expected) => {
    expect(isLastFourOf(typed, serial)).toBe(expected);
  });
});
