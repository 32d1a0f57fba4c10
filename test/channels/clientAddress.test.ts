import { clientAddress, normalizeAddress, TrustedProxies } from '../../src/channels/clientAddress';

const request = (peer: string | undefined, forwardedFor?: string | string[]) => ({
  socket: { remoteAddress: peer } as never,
  headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
});

describe('clientAddress', () => {
  const proxies = TrustedProxies.parse('10.0.0.0/8, 192.168.1.10, fd00::/8, 127.0.0.1');

  test.each([
    ['an untrusted peer, whatever it forwards', '203.0.113.7', '198.51.100.20', '203.0.113.7'],
    ['a trusted peer with one hop', '10.0.0.2', '198.51.100.20', '198.51.100.20'],
    ['a trusted peer: only the right-most untrusted hop counts', '10.0.0.2', '192.0.2.1, 198.51.100.20', '198.51.100.20'],
    ['a chain of trusted proxies', '10.0.0.2', '198.51.100.20, 192.168.1.10, 10.9.9.9', '198.51.100.20'],
    ['an IPv4-mapped peer', '::ffff:10.0.0.2', '198.51.100.20', '198.51.100.20'],
    ['an IPv6 proxy and client', 'fd00::1', '2001:DB8::7', '2001:db8::7'],
    ['a mapped client, in either spelling', '10.0.0.2', '::ffff:c633:6414', '198.51.100.20'],
    ['a client with a port or brackets', '10.0.0.2', '[2001:db8::7]:443, 198.51.100.20:5555', '198.51.100.20'],
    ['no header from a trusted peer', '10.0.0.2', undefined, '10.0.0.2'],
    ['an empty header from a trusted peer', '10.0.0.2', ' , ', '10.0.0.2'],
    ['a malformed right-most hop', '10.0.0.2', '198.51.100.20, not-an-ip', '10.0.0.2'],
    ['a malformed hop behind a good one', '10.0.0.2', 'garbage, 198.51.100.20', '198.51.100.20'],
    ['a malformed hop behind trusted ones', '10.0.0.2', 'garbage, 10.0.0.3', '10.0.0.3'],
    ['only trusted hops', '10.0.0.2', '10.0.0.5, 10.0.0.3', '10.0.0.5'],
    ['repeated headers', '10.0.0.2', ['192.0.2.1', '198.51.100.20'], '198.51.100.20'],
  ])('when the request comes from %s, then the client is the expected address', (_case, peer, forwardedFor, expected) => {
    expect(clientAddress(request(peer, forwardedFor), proxies)).toBe(expected);
  });

  test('when no proxy is trusted, then X-Forwarded-For is never read', () => {
    expect(clientAddress(request('127.0.0.1', '198.51.100.20'), TrustedProxies.parse(undefined))).toBe('127.0.0.1');
    expect(clientAddress(request('127.0.0.1', '198.51.100.20'), TrustedProxies.parse(''))).toBe('127.0.0.1');
  });

  test('when the socket has no address any more, then the client is unknown', () => {
    expect(clientAddress(request(undefined, '198.51.100.20'), proxies)).toBeUndefined();
  });

  test.each(['10.0.0.0/33', 'fd00::/129', 'example.org', '10.0.0.1/8/2', '10.0.0.0/x'])(
    'when TRUSTED_PROXIES holds %s, then it is refused',
    (entry) => {
      expect(() => TrustedProxies.parse(`127.0.0.1, ${entry}`)).toThrow(/not a/);
    },
  );

  test('when an address is written in several ways, then it is one address', () => {
    expect(normalizeAddress('::FFFF:10.0.0.1')).toBe('10.0.0.1');
    expect(normalizeAddress('[FD00::1]')).toBe('fd00::1');
    expect(normalizeAddress('10.0.0.1:80')).toBe('10.0.0.1');
    expect(normalizeAddress('10.0.0.256')).toBeUndefined();
  });
});
