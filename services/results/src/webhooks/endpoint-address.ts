import { isIPv4, isIPv6 } from 'node:net';

/** Category of an address that may not receive webhooks. */
export type BlockedAddressKind =
  | 'loopback'
  | 'private'
  | 'link_local'
  | 'unspecified'
  | 'carrier_grade_nat'
  | 'metadata'
  | 'multicast'
  | 'reserved';

interface Range<T> {
  base: T;
  prefixLength: number;
  kind: BlockedAddressKind;
}

function v4(text: string): number {
  return text.split('.').reduce((value, octet) => value * 256 + Number(octet), 0);
}

// Narrower ranges come first, so a metadata address is reported as such and not as link-local.
const IPV4_RANGES: Array<Range<number>> = [
  { base: v4('169.254.169.254'), prefixLength: 32, kind: 'metadata' },
  { base: v4('0.0.0.0'), prefixLength: 8, kind: 'unspecified' },
  { base: v4('127.0.0.0'), prefixLength: 8, kind: 'loopback' },
  { base: v4('10.0.0.0'), prefixLength: 8, kind: 'private' },
  { base: v4('172.16.0.0'), prefixLength: 12, kind: 'private' },
  { base: v4('192.168.0.0'), prefixLength: 16, kind: 'private' },
  { base: v4('169.254.0.0'), prefixLength: 16, kind: 'link_local' },
  { base: v4('100.64.0.0'), prefixLength: 10, kind: 'carrier_grade_nat' },
  { base: v4('224.0.0.0'), prefixLength: 4, kind: 'multicast' },
  // 240.0.0.0/4 includes the broadcast address 255.255.255.255.
  { base: v4('240.0.0.0'), prefixLength: 4, kind: 'reserved' },
];

const IPV6_RANGES: Array<Range<bigint>> = [
  { base: parseIPv6('fd00:ec2::254'), prefixLength: 128, kind: 'metadata' },
  { base: 0n, prefixLength: 128, kind: 'unspecified' },
  { base: 1n, prefixLength: 128, kind: 'loopback' },
  { base: parseIPv6('fc00::'), prefixLength: 7, kind: 'private' },
  { base: parseIPv6('fe80::'), prefixLength: 10, kind: 'link_local' },
  { base: parseIPv6('ff00::'), prefixLength: 8, kind: 'multicast' },
];

/**
 * IPv6 prefixes whose last 32 bits are an IPv4 address that the packets reach: IPv4-mapped
 * (::ffff:0:0/96), NAT64 (64:ff9b::/96) and the deprecated IPv4-compatible form (::/96).
 */
const EMBEDDED_IPV4_PREFIXES = [parseIPv6('::ffff:0:0'), parseIPv6('64:ff9b::'), 0n];

function inRange(value: bigint, base: bigint, prefixLength: number, bits: number): boolean {
  const shift = BigInt(bits - prefixLength);
  return value >> shift === base >> shift;
}

function classifyIPv4(value: number): BlockedAddressKind | undefined {
  return IPV4_RANGES.find((range) => inRange(BigInt(value), BigInt(range.base), range.prefixLength, 32))?.kind;
}

function classifyIPv6(value: bigint): BlockedAddressKind | undefined {
  const direct = IPV6_RANGES.find((range) => inRange(value, range.base, range.prefixLength, 128));
  if (direct !== undefined) {
    return direct.kind;
  }
  if (EMBEDDED_IPV4_PREFIXES.some((prefix) => inRange(value, prefix, 96, 128))) {
    return classifyIPv4(Number(value & 0xffff_ffffn));
  }
  return undefined;
}

/** Parses an IPv6 address (zone index and embedded dotted IPv4 allowed) into its 128-bit value. */
function parseIPv6(text: string): bigint {
  let address = text.split('%')[0]!;
  const lastColon = address.lastIndexOf(':');
  const tail = address.slice(lastColon + 1);
  if (tail.includes('.')) {
    const value = v4(tail);
    address = `${address.slice(0, lastColon + 1)}${(value >>> 16).toString(16)}:${(value & 0xffff).toString(16)}`;
  }

  const [head, rest] = address.split('::') as [string, string | undefined];
  const headGroups = head === '' ? [] : head.split(':');
  const restGroups = rest === undefined || rest === '' ? [] : rest.split(':');
  const missing = 8 - headGroups.length - restGroups.length;
  const groups = rest === undefined ? headGroups : [...headGroups, ...Array<string>(missing).fill('0'), ...restGroups];
  return groups.reduce((value, group) => (value << 16n) | BigInt(parseInt(group, 16)), 0n);
}

/**
 * Returns why a resolved IP address may not receive webhooks, or undefined when it is a public
 * unicast address. Throws a TypeError for text that is not an IP address.
 */
export function blockedAddressKind(address: string): BlockedAddressKind | undefined {
  if (isIPv4(address)) {
    return classifyIPv4(v4(address));
  }
  if (isIPv6(address)) {
    return classifyIPv6(parseIPv6(address));
  }
  throw new TypeError(`${JSON.stringify(address)} is not an IP address`);
}
