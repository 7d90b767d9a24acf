// `ssl.principal.mapping.rules` as org.apache.kafka.common.security.ssl.SslPrincipalMapper parses and applies
// them: rules split by RULE_SPLITTER, each `DEFAULT` or `RULE:pattern/replacement/[LU]`, parse errors
// "Invalid rule: `…`, unmatched substring: `…`", the first rule whose pattern matches the whole DN wins,
// replacement as Java's String#replaceAll (with Kafka's escaping of back references beyond the group count).
// Simplified: rule patterns are Java regexes run by the JavaScript engine; the common syntax is the same,
// Java-only constructs (possessive quantifiers, \p{javaLowerCase}, inline flags) are not supported.

/** SslPrincipalMapper#RULE_PATTERN (the same text works as a JavaScript regex). */
const RULE_PATTERN = String.raw`(DEFAULT)|RULE:((\\.|[^\\/])*)/((\\.|[^\\/])*)/([LU]?).*?|(.*?)`;
const RULE_SPLITTER = new RegExp(String.raw`\s*(${RULE_PATTERN})\s*(,\s*|$)`, 'g');

export type SslRule =
  | { kind: 'DEFAULT' }
  | { kind: 'RULE'; pattern: string; replacement: string; toLowerCase: boolean; toUpperCase: boolean };

export type SslMapperParse = { ok: true; rules: SslRule[] } | { ok: false; error: string };

/** SslPrincipalMapper's constructor: split then parse (null/undefined means DEFAULT). */
export function parseSslPrincipalMappingRules(text: string | undefined): SslMapperParse {
  const source = (text ?? 'DEFAULT').trim();
  const split: string[] = [];
  for (const m of source.matchAll(RULE_SPLITTER)) split.push(m[1]);
  const rules: SslRule[] = [];
  for (const rule of split) {
    const parser = new RegExp(RULE_PATTERN, 'y'); // lookingAt: anchored at the start, not at the end
    const m = parser.exec(rule);
    if (!m) return { ok: false, error: `Invalid rule: ${rule}` };
    const end = m[0].length;
    if (end !== rule.length) {
      return { ok: false, error: `Invalid rule: \`${rule}\`, unmatched substring: \`${rule.slice(end)}\`` };
    }
    if (m[1] !== undefined) rules.push({ kind: 'DEFAULT' });
    else if (m[2] !== undefined) {
      try {
        new RegExp(m[2]);
      } catch (e) {
        return { ok: false, error: `java.util.regex.PatternSyntaxException: ${(e as Error).message}` };
      }
      rules.push({
        kind: 'RULE',
        pattern: m[2],
        replacement: m[4],
        toLowerCase: m[6] === 'L',
        toUpperCase: m[6] === 'U',
      });
    }
    // empty rules are ignored
  }
  return { ok: true, rules };
}

/** Rule#toString. */
export function ruleToString(r: SslRule): string {
  if (r.kind === 'DEFAULT') return 'DEFAULT';
  return `RULE:${r.pattern}/${r.replacement}${r.toLowerCase ? '/L' : r.toUpperCase ? '/U' : ''}`;
}

/** SslPrincipalMapper#toString. */
export function mapperToString(rules: readonly SslRule[]): string {
  return `SslPrincipalMapper(rules = [${rules.map(ruleToString).join(', ')}])`;
}

/** Rule#escapeLiteralBackReferences: `$N` beyond the group count is kept literally (from Apache NiFi). */
function escapeLiteralBackReferences(unescaped: string, groups: number): string {
  if (groups === 0) return unescaped;
  let value = unescaped;
  // The matcher runs over the original text while insertions go into `value`, positions unadjusted (as in Kafka).
  for (const m of unescaped.matchAll(/\$(\d+)/g)) {
    const num = m[1];
    if (num.startsWith('0')) continue;
    let index = Number.parseInt(num, 10);
    while (index > groups && index >= 10) index = Math.floor(index / 10);
    if (index > groups) {
      const groupStart = (m.index ?? 0) + 1;
      value = `${value.slice(0, groupStart - 1)}\\${value.slice(groupStart - 1)}`;
    }
  }
  return value;
}

function groupCount(pattern: string): number {
  return new RegExp(`${pattern}|`).exec('')!.length - 1;
}

/** Matcher#appendReplacement's replacement syntax: `\x` literal, `$n` group (longest valid number). */
function expandReplacement(replacement: string, m: RegExpExecArray, groups: number): string {
  let out = '';
  let i = 0;
  while (i < replacement.length) {
    const c = replacement[i];
    if (c === '\\') {
      i++;
      if (i >= replacement.length) throw new Error('character to be escaped is missing');
      out += replacement[i++];
    } else if (c === '$') {
      i++;
      if (i >= replacement.length) throw new Error('Illegal group reference: group index is missing');
      const first = replacement.charCodeAt(i) - 48;
      if (first < 0 || first > 9) throw new Error('Illegal group reference');
      let ref = first;
      i++;
      while (i < replacement.length) {
        const d = replacement.charCodeAt(i) - 48;
        if (d < 0 || d > 9) break;
        const next = ref * 10 + d;
        if (next > groups) break;
        ref = next;
        i++;
      }
      if (ref > groups) throw new Error(`No group ${ref}`);
      out += m[ref] ?? '';
    } else out += replacement[i++];
  }
  return out;
}

/** String#replaceAll(pattern, replacement) with Java's replacement syntax. */
function javaReplaceAll(input: string, pattern: string, replacement: string): string {
  const re = new RegExp(pattern, 'g');
  const groups = groupCount(pattern);
  let out = '';
  let last = 0;
  for (const m of input.matchAll(re)) {
    out += input.slice(last, m.index) + expandReplacement(replacement, m as RegExpExecArray, groups);
    last = (m.index ?? 0) + m[0].length;
  }
  return out + input.slice(last);
}

/** Rule#apply: the mapped name, or null when the pattern does not match the whole DN. */
export function applyRule(rule: SslRule, dn: string): string | null {
  if (rule.kind === 'DEFAULT') return dn;
  if (!new RegExp(`^(?:${rule.pattern})$`).test(dn)) return null;
  const groups = groupCount(rule.pattern);
  let result = javaReplaceAll(dn, rule.pattern, escapeLiteralBackReferences(rule.replacement, groups));
  if (rule.toLowerCase) result = result.toLowerCase();
  else if (rule.toUpperCase) result = result.toUpperCase();
  return result;
}

/**
 * SslPrincipalMapper#getName, or the KafkaException DefaultKafkaPrincipalBuilder raises when no rule applies
 * ("Failed to map name for '…' based on SSL principal mapping rules.", caused by NoMatchingRule).
 */
export function mapSslPrincipal(
  rules: readonly SslRule[],
  dn: string,
): { ok: true; name: string } | { ok: false; error: string; cause: string } {
  for (const r of rules) {
    const name = applyRule(r, dn);
    if (name !== null) return { ok: true, name };
  }
  return {
    ok: false,
    error: `Failed to map name for '${dn}' based on SSL principal mapping rules.`,
    cause: `No rules apply to ${dn}, rules [${rules.map(ruleToString).join(', ')}]`,
  };
}
