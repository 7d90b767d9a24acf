// Values as the sqlite3 shell prints them (list mode): SQLite's own text conversion. sql.js hands values back as
// JavaScript values, so an INTEGER arrives as a BigInt (useBigInt) and a REAL as a number, and a REAL is written
// with SQLite's "%!.15g" (15 significant digits, always a decimal point: 1.0, 0.1, 1.0e+20).
import type { SqlValue } from 'sql.js';

export function sqliteRealText(x: number): string {
  if (Number.isNaN(x)) return '';
  if (!Number.isFinite(x)) return x > 0 ? 'Inf' : '-Inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const exp = Math.floor(Math.log10(Math.abs(x)));
  if (exp < -4 || exp >= 15) {
    // %g's exponential form: mantissa without trailing zeros (but with ".0"), exponent of at least two digits
    const [m, e] = x.toExponential(14).split('e');
    const mant = m.includes('.') ? m.replace(/0+$/, '').replace(/\.$/, '.0') : `${m}.0`;
    const n = Number(e);
    return `${mant}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
  }
  const fixed = x.toPrecision(15);
  const trimmed = fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
  return trimmed.includes('.') ? trimmed : `${trimmed}.0`;
}

/** One value as list mode prints it: NULL as null (printed empty), a BLOB as its bytes read as text. */
export function sqliteText(v: SqlValue | bigint): string | null {
  if (v === null) return null;
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return sqliteRealText(v);
  if (v instanceof Uint8Array) return new TextDecoder().decode(v);
  return v;
}
