// java.util.Properties#load for the text of a client properties file (--command-config, --producer.config):
// `#`/`!` comments, key and value separated by the first unescaped `=`, `:` or whitespace, backslash line
// continuations (leading blanks of the next line dropped), escapes \t \n \r \f \uXXXX, a later key wins.

function unescapeProperty(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\' || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const n = s[++i];
    if (n === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(i + 1, i + 5))) {
      out += String.fromCharCode(Number.parseInt(s.slice(i + 1, i + 5), 16));
      i += 4;
    } else out += n === 't' ? '\t' : n === 'n' ? '\n' : n === 'r' ? '\r' : n === 'f' ? '\f' : n;
  }
  return out;
}

/** Logical lines: continuation lines joined, comments and blank lines dropped. */
function logicalLines(text: string): string[] {
  const physical = text.split(/\r\n|\r|\n/);
  const out: string[] = [];
  let pending: string | null = null;
  for (const raw of physical) {
    const line: string = raw.replace(/^[ \t\f]+/, '');
    if (pending === null && (line === '' || line.startsWith('#') || line.startsWith('!'))) continue;
    const trailing: number = /\\*$/.exec(line)?.[0].length ?? 0;
    const continues: boolean = trailing % 2 === 1;
    const body: string = continues ? line.slice(0, -1) : line;
    pending = (pending ?? '') + body;
    if (!continues) {
      out.push(pending);
      pending = null;
    }
  }
  if (pending !== null) out.push(pending);
  return out;
}

/** Parse a properties file into key → value (insertion order of first appearance). */
export function parseJavaProperties(text: string): Record<string, string> {
  const props: Record<string, string> = {};
  for (const line of logicalLines(text)) {
    let i = 0;
    let key = '';
    while (i < line.length) {
      const c = line[i];
      if (c === '\\' && i + 1 < line.length) {
        key += c + line[i + 1];
        i += 2;
        continue;
      }
      if (c === '=' || c === ':' || c === ' ' || c === '\t' || c === '\f') break;
      key += c;
      i++;
    }
    // Skip blanks, then at most one '=' or ':' separator, then blanks.
    while (i < line.length && /[ \t\f]/.test(line[i])) i++;
    if (i < line.length && (line[i] === '=' || line[i] === ':')) i++;
    while (i < line.length && /[ \t\f]/.test(line[i])) i++;
    props[unescapeProperty(key)] = unescapeProperty(line.slice(i));
  }
  return props;
}
