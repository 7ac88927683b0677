// IPv4/IPv6 addresses and CIDR blocks as the API server parses them (Go's net package, "sloppy" IPv4
// that tolerates leading zeros as decimal). Values are bigints so one code path serves both families.
import type { Cidr, IPAddress } from './types';

// Sloppy IPv4 as the API server accepts it: any number of leading zeros, read as decimal.
const V4_PART = /^[0-9]+$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

function parseV4(text: string): bigint | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const part of parts) {
    if (!V4_PART.test(part) || part.length > 12) return null;
    const n = Number(part);
    if (n > 255) return null;
    value = (value << 8n) | BigInt(n);
  }
  return value;
}

function parseV6(text: string): bigint | null {
  if (text.length === 0 || text.includes('%')) return null;
  let head = text;
  let tailV4: bigint | null = null;
  const lastColon = text.lastIndexOf(':');
  if (lastColon >= 0 && text.indexOf('.', lastColon) > 0) {
    tailV4 = parseV4(text.slice(lastColon + 1));
    if (tailV4 === null) return null;
    head = text.slice(0, lastColon + 1) + '0:0';
  }
  const halves = head.split('::');
  if (halves.length > 2) return null;
  const toGroups = (s: string): string[] | null => {
    if (s === '') return [];
    const groups = s.split(':');
    return groups.every((g) => HEX_GROUP.test(g)) ? groups : null;
  };
  const left = toGroups(halves[0] ?? '');
  const right = halves.length === 2 ? toGroups(halves[1] ?? '') : [];
  if (left === null || right === null) return null;
  let groups: string[];
  if (halves.length === 2) {
    const missing = 8 - left.length - right.length;
    if (missing < 1) return null;
    groups = [...left, ...Array<string>(missing).fill('0'), ...right];
  } else {
    if (left.length !== 8) return null;
    groups = left;
  }
  let value = 0n;
  for (const g of groups) value = (value << 16n) | BigInt(parseInt(g, 16));
  if (tailV4 !== null) value = (value & ~0xffffffffn) | tailV4;
  return value;
}

/**
 * Parses an IPv4 or IPv6 address; null when it is not one. An IPv4-mapped address (::ffff:a.b.c.d) is
 * written as IPv6 and counts as IPv6: a block never matches the other family.
 */
export function parseIP(text: string): IPAddress | null {
  if (text.includes(':')) {
    const value = parseV6(text);
    return value === null ? null : { family: 6, value, text };
  }
  const value = parseV4(text);
  return value === null ? null : { family: 4, value, text };
}

const PREFIX = /^[0-9]{1,12}$/;

/** Parses `address/prefix`; host bits may be set (as Go's ParseCIDR allows) and are cleared. */
export function parseCidr(text: string): Cidr | null {
  const slash = text.indexOf('/');
  if (slash < 0) return null;
  const ip = parseIP(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (ip === null || !PREFIX.test(prefixText)) return null;
  const prefix = Number(prefixText);
  const bits = ip.family === 4 ? 32 : 128;
  if (prefix > bits) return null;
  return { family: ip.family, base: mask(ip.value, prefix, bits), prefix, text };
}

function mask(value: bigint, prefix: number, bits: number): bigint {
  const hostBits = BigInt(bits - prefix);
  return (value >> hostBits) << hostBits;
}

/** True when the address lies in the block; a block never matches the other family. */
export function cidrContains(cidr: Cidr, ip: IPAddress): boolean {
  if (cidr.family !== ip.family) return false;
  return mask(ip.value, cidr.prefix, ip.family === 4 ? 32 : 128) === cidr.base;
}

/** The API server's rule for `except`: inside `cidr` and with a strictly longer prefix. */
export function isStrictSubset(outer: Cidr, inner: Cidr): boolean {
  if (outer.family !== inner.family) return false;
  const bits = outer.family === 4 ? 32 : 128;
  return inner.prefix > outer.prefix && mask(inner.base, outer.prefix, bits) === outer.base;
}
