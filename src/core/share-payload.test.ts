// The share-link format: any text survives the round trip, a link is read from any base, and a broken one is null.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeShare, encodeShare, readShareLink } from './share-payload';

describe('share payload', () => {
  it('round-trips any text', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 400 }), async (text) => {
          expect(await decodeShare(await encodeShare(text))).toBe(text);
        }), { numRuns: 60 });
  });

  it('is null for a broken or foreign payload', async () => {
    expect(await decodeShare('1.not-really-deflate')).toBeNull();
    expect(await decodeShare('2.abc')).toBeNull();
    expect(await decodeShare('1.')).toBeNull();
    expect(await decodeShare('1.a+b/c')).toBeNull();
  });
});

describe('readShareLink', () => {
  it('reads the lesson and payload from any base, and the playground', () => {
    expect(readShareLink('http://192.168.1.20:4173/#/lessons/netpol-deny-all?share=1.abc')).toEqual({ page: 'lesson', id: 'netpol-deny-all', payload: '1.abc' });
    expect(readShareLink('  https://lab.example.org/cks/index.html#/lessons/rbac-role-binding/?share=1.x_y-z  ')).toEqual({ page: 'lesson', id: 'rbac-role-binding', payload: '1.x_y-z' });
    expect(readShareLink('http://h/#/playground?share=1.q')).toEqual({ page: 'playground', payload: '1.q' });
  });

  it('is null without a hash, a share payload or a known route', () => {
    expect(readShareLink('http://h/lessons/x?share=1.abc')).toBeNull();
    expect(readShareLink('http://h/#/lessons/x')).toBeNull();
    expect(readShareLink('http://h/#/present/x?share=1.abc')).toBeNull();
    expect(readShareLink('Link')).toBeNull();
    expect(readShareLink('http://h/#/lessons/%E0%A4%A?share=1.abc')).toBeNull();
  });
});
