import { BlockList, isIP } from 'node:net';
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Logger } from '../logger';

/**
 * The proxies whose X-Forwarded-For is believed (TRUSTED_PROXIES): addresses and CIDR ranges,
 * IPv4 and IPv6; an IPv4-mapped IPv6 address (::ffff:10.0.0.5) counts as the IPv4 address.
 */
export class TrustedProxies {
  private readonly list = new BlockList();

  private constructor(readonly empty: boolean) {}

  /** "10.0.0.0/8, 192.168.1.10, fd00::/8"; blank → none. Throws naming the entry that is not an address or range. */
  static parse(text: string | undefined): TrustedProxies {
    const entries = (text ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
    const proxies = new TrustedProxies(entries.length === 0);
    for (const entry of entries) {
      const [rawAddress, prefixText, extra] = entry.split('/');
      const address = normalizeAddress(rawAddress ?? '');
      const family = address ? isIP(address) : 0;
      if (!address || family === 0 || extra !== undefined) throw new Error(`not an IP address or CIDR range: ${entry}`);
      const type = family === 4 ? 'ipv4' : 'ipv6';
      if (prefixText === undefined) {
        proxies.list.addAddress(address, type);
        continue;
      }
      const prefix = Number(prefixText);
      if (!/^\d{1,3}$/.test(prefixText) || prefix > (family === 4 ? 32 : 128)) throw new Error(`not a valid prefix length: ${entry}`);
      proxies.list.addSubnet(address, prefix, type);
    }
    return proxies;
  }

  has(address: string): boolean {
    if (this.empty) return false;
    const family = isIP(address);
    return family !== 0 && this.list.check(address, family === 4 ? 'ipv4' : 'ipv6');
  }
}

/**
 * Who sent the request: the socket's peer, or, when that peer is a trusted proxy, the right-most
 * X-Forwarded-For hop that is not itself a trusted proxy (hops left of it are the client's to
 * write, so they are never read). A malformed hop ends the walk at the last address known good.
 * Undefined only when the socket has no address any more (closed).
 */
export function clientAddress(req: Pick<IncomingMessage, 'headers' | 'socket'>, trusted: TrustedProxies): string | undefined {
  const peer = normalizeAddress(req.socket?.remoteAddress ?? '');
  if (!peer) return undefined;
  if (!trusted.has(peer)) return peer;
  const header = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',');
  let client = peer;
  for (let index = hops.length - 1; index >= 0; index -= 1) {
    const hop = hops[index]!.trim();
    if (hop === '') continue;
    const address = normalizeAddress(hop);
    if (!address) return client;
    client = address;
    if (!trusted.has(address)) return address;
  }
  return client;
}

/**
 * An IP address in one spelling: IPv4-mapped IPv6 as IPv4, IPv6 lower-case, brackets and a port
 * ("[::1]:8080", "10.0.0.5:443") removed. Undefined when it is not an IP address.
 */
export function normalizeAddress(text: string): string | undefined {
  let address = text.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d{1,5}$/.test(address)) address = address.slice(0, address.lastIndexOf(':'));
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) address = mapped[1]!;
  const mappedHex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (mappedHex) {
    const [high, low] = [parseInt(mappedHex[1]!, 16), parseInt(mappedHex[2]!, 16)];
    address = [high >> 8, high & 255, low >> 8, low & 255].join('.');
  }
  const family = isIP(address);
  if (family === 4) return address;
  if (family === 6) return address.toLowerCase();
  return undefined;
}

/**
 * What the per-source limits and the Direct Line start limit count for a client address: an IPv4
 * address (also IPv4-mapped) is itself; an IPv6 address is its /64 in canonical form
 * ("2001:db8:1:2::/64"), since every IPv6 user holds at least a /64 and could take a new address
 * per request. Undefined when there is no address.
 */
export function limitKey(address: string | undefined): string | undefined {
  const normalized = address === undefined ? undefined : normalizeAddress(address);
  if (!normalized || isIP(normalized) !== 6) return normalized;
  const groups = ipv6Groups(normalized.replace(/%.*$/, ''));
  return `${compressIpv6([...groups.slice(0, 4), 0, 0, 0, 0])}/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (a dotted IPv4 tail is two groups). */
function ipv6Groups(address: string): number[] {
  const toGroups = (part: string): number[] =>
    part === ''
      ? []
      : part.split(':').flatMap((piece) => {
          if (!piece.includes('.')) return [parseInt(piece, 16)];
          const [a, b, c, d] = piece.split('.').map(Number) as [number, number, number, number];
          return [(a << 8) | b, (c << 8) | d];
        });
  const [head, tail] = address.split('::');
  if (tail === undefined) return toGroups(head!);
  const left = toGroups(head!);
  const right = toGroups(tail);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/** RFC 5952: lower-case hex without leading zeros, the longest run of two or more zero groups (the first of equals) as "::". */
function compressIpv6(groups: number[]): string {
  let bestStart = -1;
  let bestLength = 1;
  for (let start = 0; start < groups.length;) {
    if (groups[start] !== 0) {
      start += 1;
      continue;
    }
    let end = start;
    while (end < groups.length && groups[end] === 0) end += 1;
    if (end - start > bestLength) [bestStart, bestLength] = [start, end - start];
    start = end;
  }
  const hex = groups.map((group) => group.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

/**
 * Logs one warning (per process) at the first request carrying X-Forwarded-For from a peer that is
 * not a trusted proxy: behind a proxy missing from TRUSTED_PROXIES every citizen shares its address,
 * and one client failing checks pauses everyone. No address is logged.
 */
export function warnOfUntrustedForwarding(server: HttpServer, trusted: TrustedProxies, logger: Logger): void {
  const watch = (req: IncomingMessage) => {
    if (req.headers['x-forwarded-for'] === undefined) return;
    const peer = normalizeAddress(req.socket?.remoteAddress ?? '');
    if (!peer || trusted.has(peer)) return;
    server.off('request', watch);
    logger.warn(
      trusted.empty
        ? 'a request carries X-Forwarded-For but TRUSTED_PROXIES is empty: behind a proxy every citizen shares its rate limits; set TRUSTED_PROXIES to the proxy addresses (docs/behind-a-proxy.md)'
        : 'a request carries X-Forwarded-For from a peer not in TRUSTED_PROXIES: if a proxy sits in front, add its addresses (docs/behind-a-proxy.md)',
    );
  };
  server.on('request', watch);
}
