// The base URL of share links: typed loosely, made absolute, and flagged when only this machine can open it.
import { describe, expect, it } from 'vitest';
import { effectiveBase, isLocalBase, normalizeBase } from './share-base';

describe('normalizeBase', () => {
  it('adds http:// and a path, keeps a path, drops a hash or query', () => {
    expect(normalizeBase('192.168.1.20:4173')).toBe('http://192.168.1.20:4173/');
    expect(normalizeBase(' https://lab.example.org/cks/ ')).toBe('https://lab.example.org/cks/');
    expect(normalizeBase('http://10.0.0.5:4173/index.html#/lessons/x?share=1.abc')).toBe('http://10.0.0.5:4173/index.html');
    expect(normalizeBase('HTTP://Lab.Local:8080')).toBe('http://lab.local:8080/');
  });

  it('is null for nothing, or what is not a web address', () => {
    expect(normalizeBase('')).toBeNull();
    expect(normalizeBase('   ')).toBeNull();
    expect(normalizeBase('ftp://host/')).toBeNull();
    expect(normalizeBase('javascript://alert(1)')).toBeNull();
    expect(normalizeBase('http://exa mple.org')).toBeNull();
    expect(normalizeBase('not an address')).toBeNull();
    expect(normalizeBase('http://a%20b/')).toBeNull();
    expect(normalizeBase('http://[::1]:4173/')).toBe('http://[::1]:4173/');
  });
});

describe('effectiveBase', () => {
  const here = { origin: 'http://127.0.0.1:4173', pathname: '/' };
  it('is the page’s own address unless a valid base is set', () => {
    expect(effectiveBase('', here)).toBe('http://127.0.0.1:4173/');
    expect(effectiveBase('not a url at all', here)).toBe('http://127.0.0.1:4173/');
    expect(effectiveBase('192.168.1.20:4173', here)).toBe('http://192.168.1.20:4173/');
  });
});

describe('isLocalBase', () => {
  it('flags addresses only this machine can open', () => {
    for (const base of ['http://127.0.0.1:4173/', 'http://127.1.2.3/', 'http://localhost:5173/', 'http://lab.localhost/', 'http://[::1]:4173/', 'http://0.0.0.0:4173/', 'HTTP://LOCALHOST/']) {
      expect(isLocalBase(base), base).toBe(true);
    }
  });
  it('passes LAN and public addresses', () => {
    for (const base of ['http://192.168.1.20:4173/', 'http://10.0.0.5/', 'https://lab.example.org/', 'http://127.example.org/', 'http://localhost.example.org/']) {
      expect(isLocalBase(base), base).toBe(false);
    }
    expect(isLocalBase('not a url')).toBe(false);
  });
});
