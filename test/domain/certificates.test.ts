import { revocationNoteOf } from '../../src/domain/certificates';

describe('revocationNoteOf: the citizen\'s own words for the reason "diğer"', () => {
  test('when the words come with spaces around them, then they are kept trimmed', () => {
    expect(revocationNoteOf('  Kartımı başka birine verdim  ')).toEqual({ ok: true, note: 'Kartımı başka birine verdim' });
  });

  test('when they are exactly 200 characters (Turkish letters counted as one), then they are kept', () => {
    expect(revocationNoteOf('ğ'.repeat(200))).toEqual({ ok: true, note: 'ğ'.repeat(200) });
  });

  test('when they are 201 characters, then they are refused as too long', () => {
    expect(revocationNoteOf('a'.repeat(201))).toEqual({ ok: false, reason: 'too-long' });
  });

  test('when there are only spaces, then they are refused as empty', () => {
    expect(revocationNoteOf(' \t ')).toEqual({ ok: false, reason: 'empty' });
  });
});
