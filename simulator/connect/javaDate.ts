// java.text.SimpleDateFormat, the subset connectors use for topic and file names, always in UTC
// (TimestampRouter and the S3 sink's TimeBasedPartitioner set the time zone explicitly).

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Format `epochMs` with a SimpleDateFormat pattern: y, M, d, H, m, s, S letters, 'quoted' literals. */
export function formatJavaDate(epochMs: number, pattern: string): string {
  const d = new Date(epochMs);
  const fields: Record<string, number> = {
    y: d.getUTCFullYear(),
    M: d.getUTCMonth() + 1,
    d: d.getUTCDate(),
    H: d.getUTCHours(),
    m: d.getUTCMinutes(),
    s: d.getUTCSeconds(),
    S: d.getUTCMilliseconds(),
  };
  let out = '';
  for (let i = 0; i < pattern.length; ) {
    const c = pattern[i];
    if (c === "'") {
      const end = pattern.indexOf("'", i + 1);
      const literal = end < 0 ? pattern.slice(i + 1) : pattern.slice(i + 1, end);
      out += literal === '' ? "'" : literal;
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    let j = i;
    while (j < pattern.length && pattern[j] === c) j++;
    const run = j - i;
    if (c in fields) {
      const v = fields[c];
      // "yy" is the two-digit year; every other run pads to its length.
      out += c === 'y' && run === 2 ? pad(v % 100, 2) : pad(v, run);
    } else out += pattern.slice(i, j);
    i = j;
  }
  return out;
}
