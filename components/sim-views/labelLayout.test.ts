import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { abbreviateKey, keyLines, labelRows, labelWidth } from './labelLayout';

describe('labelRows', () => {
  it('keeps far-apart labels on one row and moves a neighbour that would overlap to the next', () => {
    const a = { x: 10, width: labelWidth('log start 0') };
    const b = { x: 22, width: labelWidth('LSO 1') };
    const c = { x: 300, width: labelWidth('LEO 9') };
    expect(labelRows([a, b, c])).toEqual([0, 1, 0]);
  });

  it('no two labels on the same row overlap (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ x: fc.integer({ min: 0, max: 500 }), width: fc.integer({ min: 1, max: 120 }) }),
          {
            maxLength: 12,
          },
        ),
        (labels) => {
          const rows = labelRows(labels);
          for (let i = 0; i < labels.length; i++)
            for (let j = i + 1; j < labels.length; j++) {
              if (rows[i] !== rows[j]) continue;
              const [l, r] = labels[i].x <= labels[j].x ? [labels[i], labels[j]] : [labels[j], labels[i]];
              expect(l.x + l.width).toBeLessThanOrEqual(r.x);
            }
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe('abbreviateKey', () => {
  it('keeps short keys whole and keeps the distinguishing end of long ones', () => {
    expect(abbreviateKey('alice')).toBe('alice');
    expect(abbreviateKey('foobar')).toBe('foobar');
    expect(abbreviateKey('customer-17')).toBe('cu…-17');
    expect(abbreviateKey('customer-18')).not.toBe(abbreviateKey('customer-17'));
    expect(abbreviateKey('customer-17')).toHaveLength(6);
  });
});

describe('keyLines', () => {
  it('keeps keys whole on one or two lines, broken after a separator, and each line fits the cell', () => {
    expect(keyLines('alice')).toEqual(['alice']);
    expect(keyLines('customer-17')).toEqual(['customer-', '17']);
    expect(keyLines('order-1234')).toEqual(['order-', '1234']);
    expect(keyLines('abcdefghij')).toEqual(['abcde', 'fghij']);
    for (const key of ['customer-17', 'user-12345678', 'abcdefghijklmnop'])
      expect(keyLines(key).join('')).toBe(key);
    for (const key of ['customer-17', 'abcdefghijklmnop', 'a-very-long-key-name-42'])
      for (const line of keyLines(key)) expect(line.length).toBeLessThanOrEqual(9);
  });
  it('only a key longer than two lines loses its middle, keeping its distinguishing end', () => {
    expect(keyLines('a-very-long-key-name-42')).toEqual(['a-very-lo', '…-name-42']);
    expect(keyLines('a-very-long-key-name-43')).not.toEqual(keyLines('a-very-long-key-name-42'));
  });
});
