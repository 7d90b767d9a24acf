// Property tests pinning the fast paths of record sizing to the plain per-unit definitions they replace.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordSize, utf8Length } from './segments';

/** The per-UTF-16-unit count utf8Length used before its ASCII fast path (the reference it must match). */
function utf8LengthByUnit(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

// ASCII, Latin-1, BMP, astral (surrogate pairs) and lone surrogates, mixed.
const anyText = fc.oneof(
  fc.string({ unit: 'grapheme-ascii', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 60 }),
);

describe('record sizing (DefaultRecord sizes over UTF-8 bytes, as StringSerializer encodes)', () => {
  it('utf8Length: the ASCII fast path counts exactly what the per-unit count does', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(utf8Length(s)).toBe(utf8LengthByUnit(s));
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it('utf8Length: well-formed text has the length TextEncoder produces', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => {
        expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
      }),
      { seed: 42, numRuns: 1000 },
    );
  });

  it('recordSize: a one-byte-per-char key and value are sized by their length', () => {
    expect(utf8Length('key-1')).toBe(5);
    // length varint + attributes + timestamp delta + offset delta + (1 + 5) key + (1 + 7) value + header count
    expect(recordSize('key-1', 'value-1')).toBe(1 + 1 + 1 + 1 + (1 + 5) + (1 + 7) + 1);
    // Two UTF-8 bytes per Cyrillic letter and per "ä".
    expect(recordSize('ключ', 'värde')).toBe(1 + 1 + 1 + 1 + (1 + 8) + (1 + 6) + 1);
  });
});
