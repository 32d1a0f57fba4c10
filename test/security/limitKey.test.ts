import { limitKey } from '../../src/channels/clientAddress';
import { addressSource } from '../../src/channels/turnOrigin';

/**
 * The per-source limits and the Direct Line start limit count a client address: an IPv6 client
 * holds a whole /64, so counting full addresses gave it 2^64 buckets. The limit key is the IPv4
 * address, or the IPv6 address's /64.
 */
describe('the limit key of a client address', () => {
  test('is an IPv4 address itself, in any spelling', () => {
    expect(limitKey('203.0.113.7')).toBe('203.0.113.7');
    expect(limitKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(limitKey('::FFFF:cb00:7107')).toBe('203.0.113.7');
  });

  test('is the canonical /64 of an IPv6 address', () => {
    expect(limitKey('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(limitKey('2001:0DB8:0001:0002:ffff:eeee:dddd:cccc')).toBe('2001:db8:1:2::/64');
    expect(limitKey('2001:db8::7')).toBe('2001:db8::/64');
    expect(limitKey('::1')).toBe('::/64');
    expect(limitKey('fe80:0:0:0:1::')).toBe('fe80::/64');
    expect(limitKey('fe80::1%eth0')).toBe('fe80::/64');
    expect(limitKey('1:0:0:2::')).toBe('1:0:0:2::/64');
    expect(limitKey('2001:db8:1:3::1')).not.toBe(limitKey('2001:db8:1:2::1'));
  });

  test('is undefined for no address, and the source of a turn is counted per key', () => {
    expect(limitKey(undefined)).toBeUndefined();
    expect(limitKey('not-an-address')).toBeUndefined();
    expect(addressSource('2001:db8:1:2::99')).toBe('address:2001:db8:1:2::/64');
    expect(addressSource('198.51.100.20')).toBe('address:198.51.100.20');
  });
});
