// IPv4/IPv6 addresses and CIDR blocks: parsing, host-bit clearing, containment, and what is refused.
import { describe, expect, it } from 'vitest';
import { cidrContains, parseCidr, parseIP } from './ip';
import type { Cidr, IPAddress } from './types';

function ip(text: string): IPAddress {
  const parsed = parseIP(text);
  if (!parsed) throw new Error(`fixture ${text} does not parse`);
  return parsed;
}

function cidr(text: string): Cidr {
  const parsed = parseCidr(text);
  if (!parsed) throw new Error(`fixture ${text} does not parse`);
  return parsed;
}

describe('parseIP', () => {
  it.each<[string, bigint]>([
    ['0.0.0.0', 0n],
    ['10.0.0.1', 0x0a000001n],
    ['192.168.1.254', 0xc0a801fen],
    ['255.255.255.255', 0xffffffffn],
  ])('parses IPv4 %s', (text, value) => {
    expect(parseIP(text)).toEqual({ family: 4, value, text });
  });

  it.each<[string, bigint]>([
    ['::', 0n],
    ['::1', 1n],
    ['1::', 1n << 112n],
    ['fd00::1', (0xfd00n << 112n) | 1n],
    ['FD00::ABCD', (0xfd00n << 112n) | 0xabcdn],
    ['2001:db8::8a2e:370:7334', 0x20010db80000000000008a2e03707334n],
    ['1:2:3:4:5:6:7:8', 0x00010002000300040005000600070008n],
    ['1:2:3:4:5:6:7::', 0x00010002000300040005000600070000n],
    ['::2:3:4:5:6:7:8', 0x00000002000300040005000600070008n],
    ['0:0:0:0:0:0:0:0', 0n],
    ['::ffff:10.0.0.1', 0xffff0a000001n],
    ['::10.0.0.1', 0x0a000001n],
    ['64:ff9b::192.0.2.33', 0x0064ff9b0000000000000000c0000221n],
    ['1:2:3:4:5:6:1.2.3.4', 0x00010002000300040005000601020304n],
  ])('parses IPv6 %s', (text, value) => {
    expect(parseIP(text)).toEqual({ family: 6, value, text });
  });

  it('accepts leading zeros in IPv4 parts as decimal (the API server parses sloppily)', () => {
    expect(parseIP('010.000.0.001')?.value).toBe(0x0a000001n);
    expect(parseCidr('0010.0.0.0/0008')).toMatchObject({ family: 4, base: 0x0a000000n, prefix: 8 });
  });

  it.each([
    '',
    '10.0.0',
    '10.0.0.1.2',
    '256.0.0.1',
    '10.0.0.-1',
    '10.0.0.1a',
    '0x0a.0.0.1',
    ' 10.0.0.1',
    '10.0.0.1 ',
    '10.0.0.1/32',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7:8::',
    '1:2:3:4:5:6:7::8',
    '1::2::3',
    ':::',
    ':1:2:3:4:5:6:7',
    '1:2:3:4:5:6:7:',
    '12345::',
    'g::1',
    '::ffff:1.2.3',
    '::ffff:1.2.3.256',
    '::1.2.3.4:5',
    '1:2:3:4:5:6:7:1.2.3.4',
    'fe80::1%eth0',
    'localhost',
  ])('rejects %j', (text) => {
    expect(parseIP(text)).toBeNull();
  });
});

describe('parseCidr', () => {
  it.each<[string, 4 | 6, bigint, number]>([
    ['10.0.0.0/8', 4, 0x0a000000n, 8],
    ['0.0.0.0/0', 4, 0n, 0],
    ['10.0.0.1/32', 4, 0x0a000001n, 32],
    ['::/0', 6, 0n, 0],
    ['::1/128', 6, 1n, 128],
    ['2001:db8::/32', 6, 0x20010db8n << 96n, 32],
    ['::ffff:10.0.0.0/104', 6, 0xffff0a000000n, 104],
  ])('parses %s', (text, family, base, prefix) => {
    expect(parseCidr(text)).toEqual({ family, base, prefix, text });
  });

  it.each<[string, bigint]>([
    ['10.1.2.3/8', 0x0a000000n],
    ['192.168.7.7/23', 0xc0a80600n],
    ['255.255.255.255/0', 0n],
    ['fd00::1:2:3/64', 0xfd00n << 112n],
    ['ffff::1/1', 1n << 127n],
    ['::ffff:10.1.2.3/112', 0xffff0a010000n],
  ])('accepts %s with host bits set and clears them', (text, base) => {
    expect(parseCidr(text)?.base).toBe(base);
    expect(parseCidr(text)?.text).toBe(text);
  });

  it.each([
    '10.0.0.0',
    '10.0.0.0/',
    '/8',
    '10.0.0.0/33',
    '10.0.0.0/-1',
    '10.0.0.0/+8',
    '10.0.0.0/ 8',
    '10.0.0.0/8 ',
    '10.0.0.0/8/8',
    '10.0.0.0/0x8',
    '10.0.0.0/1000',
    '10.0.0/8',
    '::/129',
    'fd00::/64%eth0',
    'fe80::%eth0/64',
    '1::2::3/64',
    'default',
    '',
  ])('rejects %j', (text) => {
    expect(parseCidr(text)).toBeNull();
  });
});

describe('cidrContains', () => {
  it.each<[string, string, boolean]>([
    ['10.0.0.0/8', '10.0.0.0', true],
    ['10.0.0.0/8', '10.255.255.255', true],
    ['10.0.0.0/8', '11.0.0.0', false],
    ['10.0.0.0/8', '9.255.255.255', false],
    ['10.1.2.3/8', '10.200.0.1', true],
    ['10.0.0.1/32', '10.0.0.1', true],
    ['10.0.0.1/32', '10.0.0.2', false],
    ['0.0.0.0/0', '203.0.113.9', true],
    ['fd00::/64', 'fd00::ffff:ffff:ffff:ffff', true],
    ['fd00::/64', 'fd00:0:0:1::', false],
    ['::1/128', '::1', true],
    ['::1/128', '::2', false],
    ['::/0', '2001:db8::1', true],
    ['::ffff:0.0.0.0/96', '::ffff:10.0.0.1', true],
  ])('%s contains %s: %s', (block, address, expected) => {
    expect(cidrContains(cidr(block), ip(address))).toBe(expected);
  });

  it.each<[string, string]>([
    ['0.0.0.0/0', '::'],
    ['0.0.0.0/0', '::ffff:10.0.0.1'],
    ['10.0.0.0/8', '::a00:1'],
    ['::/0', '10.0.0.1'],
    ['::/0', '0.0.0.0'],
    ['::ffff:0.0.0.0/96', '10.0.0.1'],
  ])('%s never contains %s from the other family', (block, address) => {
    expect(cidrContains(cidr(block), ip(address))).toBe(false);
  });

  it('contains exactly the addresses that share the first prefix bits (random IPv4 and IPv6)', () => {
    let seed = 99;
    const next = (bits: number): bigint => {
      let v = 0n;
      for (let i = 0; i < bits; i += 16) {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        v = (v << 16n) | BigInt(seed >>> 16);
      }
      return v & ((1n << BigInt(bits)) - 1n);
    };
    const v4 = (v: bigint): string => [24n, 16n, 8n, 0n].map((s) => String((v >> s) & 255n)).join('.');
    const v6 = (v: bigint): string =>
      Array.from({ length: 8 }, (_, i) => ((v >> BigInt(112 - 16 * i)) & 0xffffn).toString(16)).join(':');
    for (const [bits, format] of [[32, v4], [128, v6]] as const) {
      for (let round = 0; round < 200; round++) {
        const base = next(bits);
        const prefix = Number(next(8) % BigInt(bits + 1));
        const block = cidr(`${format(base)}/${prefix}`);
        // Flip one bit: the address stays inside exactly when the bit lies past the prefix.
        for (const k of [0, prefix - 1, prefix, bits - 1]) {
          if (k < 0 || k >= bits) continue;
          const flipped = base ^ (1n << BigInt(bits - 1 - k));
          expect(cidrContains(block, ip(format(flipped))), `${block.text} ∋ ${format(flipped)}`).toBe(k >= prefix);
        }
        expect(cidrContains(block, ip(format(base)))).toBe(true);
      }
    }
  });
});
