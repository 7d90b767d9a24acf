// `promtool check rules FILE...` (cmd/promtool/main.go checkRules): each file is parsed as rulefmt does
// (model/rulefmt/rulefmt.go: yaml with known fields only, then Validate) and every expression with the PromQL
// parser. Output as promtool prints it: `Checking FILE`, then `  SUCCESS: N rules found` or `  FAILED:` and one
// error per line on stderr, then an empty line; exit 1 when any file failed.
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, type YAMLMap } from 'yaml';
import { parsePromQL } from '../../simulator';
import type { Output } from '../output';

const KNOWN = {
  'rulefmt.RuleGroups': ['groups'],
  'rulefmt.RuleGroup': ['name', 'interval', 'query_offset', 'limit', 'rules', 'labels'],
  'rulefmt.Rule': ['record', 'alert', 'expr', 'for', 'keep_firing_for', 'labels', 'annotations'],
} as const;

/** model.ParseDuration: 1h30m, 10s, 500ms, 1d, 1w, 1y (no fractions), or 0. */
const PROM_DURATION = /^(?:0|(?:\d+y)?(?:\d+w)?(?:\d+d)?(?:\d+h)?(?:\d+m)?(?:\d+s)?(?:\d+ms)?)$/;
const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

type Pos = { line: number; col: number };

function checkFile(text: string): { rules: number; errors: string[] } {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: false });
  const pos = (n: Node | null | undefined): Pos => {
    const p = lc.linePos(n?.range?.[0] ?? 0);
    return { line: p.line, col: p.col };
  };
  if (doc.errors.length) {
    const e = doc.errors[0];
    const line = e.linePos?.[0]?.line ?? 1;
    return {
      rules: 0,
      errors: [`yaml: line ${line}: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`],
    };
  }
  // yaml.v3 decoder.KnownFields(true): every unknown key is one line of "unmarshal errors".
  const unknown: string[] = [];
  const fields = (m: unknown, type: keyof typeof KNOWN) => {
    if (!isMap(m)) return;
    for (const item of m.items) {
      const key = isScalar(item.key) ? String(item.key.value) : '';
      if (!(KNOWN[type] as readonly string[]).includes(key))
        unknown.push(`  line ${pos(item.key as Node).line}: field ${key} not found in type ${type}`);
    }
  };
  const root = doc.contents;
  if (root !== null && !isMap(root))
    return {
      rules: 0,
      errors: [
        `yaml: unmarshal errors:\n  line ${pos(root).line}: cannot unmarshal !!${isSeq(root) ? 'seq' : 'str'} into rulefmt.RuleGroups`,
      ],
    };
  fields(root, 'rulefmt.RuleGroups');
  const groupsNode = isMap(root) ? root.get('groups', true) : null;
  const groups = isSeq(groupsNode) ? groupsNode.items.filter(isMap) : [];
  for (const g of groups) {
    fields(g, 'rulefmt.RuleGroup');
    const rules = (g as YAMLMap).get('rules', true);
    if (isSeq(rules)) for (const r of rules.items) fields(r, 'rulefmt.Rule');
  }
  if (unknown.length) return { rules: 0, errors: [`yaml: unmarshal errors:\n${unknown.join('\n')}`] };
  // model.Duration fields are decoded before validation: a bad one stops the file.
  for (const g of groups) {
    const rules = (g as YAMLMap).get('rules', true);
    for (const r of isSeq(rules) ? rules.items.filter(isMap) : [])
      for (const key of ['for', 'keep_firing_for']) {
        const v = r.get(key);
        if (v !== undefined && !PROM_DURATION.test(String(v)))
          return { rules: 0, errors: [`not a valid duration string: ${JSON.stringify(String(v))}`] };
      }
  }
  const errors: string[] = [];
  const names = new Set<string>();
  let count = 0;
  for (const g of groups) {
    const name = String(g.get('name') ?? '');
    const at = pos(g);
    if (name === '') errors.push(`${at.line}:${at.col}: Groupname must not be empty`);
    if (names.has(name))
      errors.push(`${at.line}:${at.col}: groupname: "${name}" is repeated in the same file`);
    names.add(name);
    const rules = g.get('rules', true);
    const list = isSeq(rules) ? rules.items.filter(isMap) : [];
    count += list.length;
    list.forEach((r, i) => {
      const alert = String(r.get('alert') ?? '');
      const record = String(r.get('record') ?? '');
      const expr = String(r.get('expr') ?? '');
      const ruleName = alert || record;
      const where = (n: Node | null | undefined, alt?: Node | null) => {
        const p = pos(n);
        const a = alt === undefined ? '' : `${pos(alt).line}:${pos(alt).col}: `;
        return `${p.line}:${p.col}: ${a}`;
      };
      const add = (prefix: string, msg: string) =>
        errors.push(
          `${prefix}group ${JSON.stringify(name)}, rule ${i + 1}, ${JSON.stringify(ruleName)}: ${msg}`,
        );
      const recordNode = r.get('record', true) as Node | undefined;
      const alertNode = r.get('alert', true) as Node | undefined;
      const exprNode = r.get('expr', true) as Node | undefined;
      // An absent yaml.Node sits at 0:0.
      const at0 = (n: Node | undefined) => (n ? where(n) : '0:0: ');
      if (record && alert)
        add(`${at0(recordNode)}${at0(alertNode)}`, "only one of 'record' and 'alert' must be set");
      if (!record && !alert)
        add(`${at0(recordNode)}${at0(alertNode)}`, "one of 'record' or 'alert' must be set");
      if (expr === '') add(at0(exprNode), "field 'expr' must be set in rule");
      else
        try {
          parsePromQL(expr);
        } catch (e) {
          add(at0(exprNode), `could not parse expression: ${e instanceof Error ? e.message : String(e)}`);
        }
      if (record) {
        if (r.get('annotations') !== undefined)
          add(at0(recordNode), "invalid field 'annotations' in recording rule");
        if (r.get('for') !== undefined && String(r.get('for')) !== '0')
          add(at0(recordNode), "invalid field 'for' in recording rule");
        if (!METRIC_NAME.test(record)) add(at0(recordNode), `invalid recording rule name: ${record}`);
      }
      const labels = r.get('labels');
      if (isMap(labels))
        for (const item of labels.items) {
          const k = isScalar(item.key) ? String(item.key.value) : '';
          if (!LABEL_NAME.test(k) || k === '__name__') add('', `invalid label name: ${k}`);
        }
    });
  }
  return { rules: count, errors };
}

/** Check each file (or, with `files` null, standard input) and print as promtool does. */
export function runCheckRules(
  files: readonly string[] | null,
  readFile: (p: string) => string | null,
  out: Output,
): Output {
  let failed = false;
  for (const f of files ?? ['-']) {
    const stdin = files === null;
    out.line(stdin ? 'Checking standard input' : `Checking ${f}`);
    const text = readFile(f);
    const r =
      text === null ? { rules: 0, errors: [`open ${f}: no such file or directory`] } : checkFile(text);
    if (r.errors.length) {
      failed = true;
      out.warn('  FAILED:');
      // rulefmt.ParseFile prefixes every error with the file name; Parse (stdin) does not.
      for (const e of r.errors) out.warn(stdin ? e : `${f}: ${e}`);
    } else out.line(`  SUCCESS: ${r.rules} rules found`);
    out.line('');
  }
  if (failed) out.code = 1;
  return out;
}
