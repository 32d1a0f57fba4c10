import { pinPukVault } from '../support/domainFakes';

const values = { pin: '482913', puk: '73019284' };
const SERIAL = '3A7F00C2';

describe('the PIN/PUK vault: envelope encryption per card', () => {
  const vault = pinPukVault();

  test('when values are sealed, then they open again for the same card and are not readable in the record', () => {
    const sealed = vault.seal(values, SERIAL);
    expect(vault.open(sealed, SERIAL)).toEqual(values);
    const stored = Buffer.concat([sealed.wrappedDataKey, sealed.ciphertext]).toString('latin1');
    expect(stored).not.toContain(values.pin);
    expect(stored).not.toContain(values.puk);
  });

  test('when the same values are sealed twice, then each record has its own key and ciphertext', () => {
    const first = vault.seal(values, SERIAL);
    const second = vault.seal(values, SERIAL);
    expect(first.wrappedDataKey.equals(second.wrappedDataKey)).toBe(false);
    expect(first.ciphertext.equals(second.ciphertext)).toBe(false);
  });

  test.each([
    ['a byte of the ciphertext', 'ciphertext'],
    ['a byte of the wrapped key', 'wrappedDataKey'],
  ] as const)('when %s is changed, then the record is refused', (_case, field) => {
    const sealed = vault.seal(values, SERIAL);
    const tampered = Buffer.from(sealed[field]);
    tampered[tampered.length - 1]! ^= 0x01;
    expect(() => vault.open({ ...sealed, [field]: tampered }, SERIAL)).toThrow();
  });

  test("when a record is opened as another card's, then it is refused", () => {
    expect(() => vault.open(vault.seal(values, SERIAL), '3A7F00C3')).toThrow();
  });

  test('when another master key opens the record, then it is refused', () => {
    expect(() => pinPukVault(Buffer.alloc(32, 8)).open(vault.seal(values, SERIAL), SERIAL)).toThrow();
  });

  test('when the master key is not 32 bytes, then the vault is not built', () => {
    expect(() => pinPukVault(Buffer.alloc(16))).toThrow('32 bytes');
  });
});
