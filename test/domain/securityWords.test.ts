import {
  isCommonWord,
  SECURITY_WORD_MAX_LENGTH,
  SECURITY_WORD_MIN_LENGTH,
  securityWordPolicyFailures,
} from '../../src/domain/securityWords';

const ID = '10000000146';
const policy = (word: string, repeat = word) => securityWordPolicyFailures(word, repeat, ID);

describe('the security word policy (SPEC §1.4)', () => {
  test('when a word keeps every rule, then nothing fails', () => {
    expect(policy('Mavi-Kelebek-42')).toEqual([]);
  });

  test('when a word is one character short of 8, then it is too short; at 8 it is not', () => {
    expect(policy('Kz7#mQ2')).toEqual(['too-short']);
    expect(policy('Kz7#mQ2p')).toEqual([]);
    expect([...'Kz7#mQ2p']).toHaveLength(SECURITY_WORD_MIN_LENGTH);
  });

  test('when a word has Turkish letters, then each counts as one character', () => {
    expect(policy('çğışöüÇĞ')).toEqual([]);
  });

  test('when a word is over 64 characters, then it is too long and not compared with anything else', () => {
    expect(policy('k'.repeat(SECURITY_WORD_MAX_LENGTH))).toEqual([]);
    expect(policy(`${ID}${'k'.repeat(SECURITY_WORD_MAX_LENGTH)}`)).toEqual(['too-long']);
  });

  test('when a word contains the ID, then it is refused for that', () => {
    expect(policy(`Mavi${ID}Kelebek`)).toEqual(['contains-id']);
  });

  test('when a passport number is in the word in lower case, then it still contains the ID', () => {
    expect(securityWordPolicyFailures('benim-u12345678-sozcugum', 'benim-u12345678-sozcugum', 'U12345678')).toEqual(['contains-id']);
  });

  test('when the two entries differ, then the mismatch is named with every other failure, in the order to fix them', () => {
    expect(policy('kisa', 'kisa!')).toEqual(['too-short', 'mismatch']);
    expect(policy(`${ID}`, 'baska')).toEqual(['contains-id', 'mismatch']);
  });

  test('when a word is on the shipped list, then it is common', () => {
    expect(policy('fenerbahce')).toEqual(['common']);
    expect(policy('12345678')).toEqual(['common']);
  });

  test('when a word is what the login reads as "I forgot" (bilmiyorum, hatırlamıyorum), then it is refused as common', () => {
    expect(policy('bilmiyorum')).toEqual(['common']);
    expect(policy('Hatırlamıyorum')).toEqual(['common']);
    expect(policy('I do not know')).toEqual(['common']);
  });
});

describe('common words', () => {
  test.each(['Fenerbahçe', 'FENERBAHCE', 'fener bahce', 'fenerbahce2024', 'fenerbahce1907!'])(
    'when "%s" is typed, then case, Turkish letters, spaces and a number at the end do not hide the common word',
    (word) => {
      expect(isCommonWord(word)).toBe(true);
    },
  );

  test('when a word only starts like a common one, then it is not common', () => {
    expect(isCommonWord('fenerbahce-kelebek')).toBe(false);
    expect(isCommonWord('Mavi-Kelebek-42')).toBe(false);
  });
});
