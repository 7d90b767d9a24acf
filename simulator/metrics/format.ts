// Number formats of the systems we imitate: Java's Double.toString (jmx_exporter's sample values), Go's
// strconv.FormatFloat(v, 'f', -1, 64) (Prometheus API values) and Go's %v (alert templates, Burrow floats).

function shortestDigits(v: number): { digits: string; exp: number } {
  // toExponential() without an argument gives the shortest digits that round-trip.
  const [mantissa, e] = Math.abs(v).toExponential().split('e');
  return { digits: mantissa.replace('.', ''), exp: Number(e) };
}

/** java.lang.Double#toString: "42.0", "0.001", "1.0E7", "1.5E-4", "NaN", "Infinity". */
export function javaDouble(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Number.POSITIVE_INFINITY) return 'Infinity';
  if (v === Number.NEGATIVE_INFINITY) return '-Infinity';
  if (v === 0) return Object.is(v, -0) ? '-0.0' : '0.0';
  const sign = v < 0 ? '-' : '';
  const a = Math.abs(v);
  const { digits, exp } = shortestDigits(a);
  if (a >= 1e-3 && a < 1e7) {
    if (exp >= 0) {
      const int = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
      const frac = digits.slice(exp + 1) || '0';
      return `${sign}${int}.${frac}`;
    }
    return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  }
  return `${sign}${digits[0]}.${digits.slice(1) || '0'}E${exp}`;
}

/** Go strconv.FormatFloat(v, 'f', -1, 64) with Prometheus' names for the specials ("+Inf", "-Inf", "NaN"). */
export function goFloatF(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Number.POSITIVE_INFINITY) return '+Inf';
  if (v === Number.NEGATIVE_INFINITY) return '-Inf';
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  const sign = v < 0 ? '-' : '';
  const { digits, exp } = shortestDigits(v);
  if (exp >= 0) {
    const int = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
    const frac = digits.slice(exp + 1);
    return `${sign}${int}${frac ? `.${frac}` : ''}`;
  }
  return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
}

/** Go fmt %v of a float64 (strconv 'g', shortest): "1", "0.5", "1e+06", "1.5e-05", "NaN", "+Inf". */
export function goFloatV(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Number.POSITIVE_INFINITY) return '+Inf';
  if (v === Number.NEGATIVE_INFINITY) return '-Inf';
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  const sign = v < 0 ? '-' : '';
  const { digits, exp } = shortestDigits(v);
  // strconv 'g' with the shortest precision decides on %e with eprec = 6 (so 1e6 prints as 1e+06).
  const eprec = 6;
  if (exp < -4 || exp >= eprec) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const es = exp < 0 ? '-' : '+';
    const ea = String(Math.abs(exp)).padStart(2, '0');
    return `${sign}${m}e${es}${ea}`;
  }
  return goFloatF(v);
}

/** Go's shortest formatting of a float32 (encoding/json of Burrow's `complete`): 0.7 stays "0.7", 1/3 → "0.33333334". */
export function goFloat32(v: number): string {
  const f = Math.fround(v);
  if (Number.isInteger(f)) return String(f);
  for (let p = 1; p <= 9; p++) {
    const s = f.toPrecision(p);
    if (Math.fround(Number(s)) === f) return String(Number(s));
  }
  return String(f);
}
