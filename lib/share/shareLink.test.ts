import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clusterFromHash,
  decodeShare,
  encodeShare,
  MAX_ENCODED_LENGTH,
  shareFromHash,
  shareHash,
} from './shareLink';

// biome-ignore lint/suspicious/noControlCharactersInRegex: generating lines without control characters
const line = fc.string({ maxLength: 80 }).filter((s) => !/[\u0000-\u001f\u007f]/.test(s));

describe('share links', () => {
  it('round-trips seed, broker count, preset and command lines (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 1, max: 12 }),
        fc.option(fc.constantFrom('playground-default', 'isr-shrink', 'a1'), { nil: null }),
        fc.array(line, { maxLength: 20 }),
        (seed, brokers, preset, lines) => {
          const decoded = decodeShare(encodeShare({ seed, brokers, preset, lines }));
          expect(decoded).toEqual({ ok: true, payload: { v: 1, seed, brokers, preset, lines } });
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  it('reads the payload back from a URL fragment', () => {
    const encoded = encodeShare({ seed: 7, brokers: 3, preset: null, lines: ['broker stop 2'] });
    expect(shareFromHash(shareHash(encoded))).toBe(encoded);
    expect(shareFromHash('#other=1')).toBeNull();
  });

  it('never throws on arbitrary text and reports a message instead (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const result = decodeShare(text);
        if (!result.ok) expect(result.message.length).toBeGreaterThan(0);
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('rejects a tampered payload: wrong version, bad seed, extra field, non-string line', () => {
    const enc = (o: unknown) =>
      btoa(JSON.stringify(o)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    const base = { v: 1, seed: 1, brokers: 3, preset: null, lines: [] };
    expect(decodeShare(enc({ ...base, v: 2 })).ok).toBe(false);
    expect(decodeShare(enc({ ...base, seed: -1 })).ok).toBe(false);
    expect(decodeShare(enc({ ...base, seed: 1.5 })).ok).toBe(false);
    expect(decodeShare(enc({ ...base, brokers: 99 })).ok).toBe(false);
    expect(decodeShare(enc({ ...base, evil: true })).ok).toBe(false);
    expect(decodeShare(enc({ ...base, lines: [42] })).ok).toBe(false);
    expect(decodeShare(enc({ ...base, lines: ['a\u0007'] })).ok).toBe(false);
    expect(decodeShare(enc({ ...base, preset: '../x' })).ok).toBe(false);
    expect(decodeShare(enc(base)).ok).toBe(true);
    expect(decodeShare('!!!').ok).toBe(false);
    expect(decodeShare(enc('just text')).ok).toBe(false);
  });

  it('caps the size both ways', () => {
    const lines = Array.from(
      { length: 400 },
      (_, i) => `producer send p1 orders --key k${i} ${'v'.repeat(60)}`,
    );
    expect(() => encodeShare({ seed: 1, brokers: 3, preset: null, lines })).toThrow(/too long/);
    expect(decodeShare('A'.repeat(MAX_ENCODED_LENGTH + 1))).toEqual({
      ok: false,
      message: 'This share link is too long to be a playground link.',
    });
  });
});

describe('the cluster the views show travels beside the log (UI state, not a command)', () => {
  it('round-trips a picked cluster and ignores what is not a cluster name', () => {
    const encoded = encodeShare({
      seed: 1,
      brokers: 3,
      preset: null,
      lines: ['cluster create west --first east'],
    });
    const hash = shareHash(encoded, 'west');
    expect(hash).toBe(`#s=${encoded}&cluster=west`);
    expect(shareFromHash(hash)).toBe(encoded);
    expect(clusterFromHash(hash)).toBe('west');
    expect(shareHash(encoded)).toBe(`#s=${encoded}`);
    expect(clusterFromHash(shareHash(encoded))).toBeNull();
    expect(shareHash(encoded, '<script>')).toBe(`#s=${encoded}`);
    expect(clusterFromHash(`#s=${encoded}&cluster=West%20Coast`)).toBeNull();
  });
});
