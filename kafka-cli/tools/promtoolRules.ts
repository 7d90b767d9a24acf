// `promtool check rules FILE...` (cmd/promtool/main.go checkRules): each file is parsed as rulefmt does
// (model/rulefmt/rulefmt.go: yaml with known fields only, then Validate) and every expression with the PromQL
// parser. Output as promtool prints it: `Checking FILE`, then `  SUCCESS: N rules found` or `  FAILED:` and one
// error per line on stderr, then an empty line; exit 1 when any file failed.
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, type YAMLMap } from 'yaml';
import { parsePromQL } from '../../simulator';
import type { Output } from '../output';
import { checkAlertTemplate } from './goTemplate';

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

/** A rule as the duplicate lint compares it: its name and its labels (the group's, overridden by its own). */
type ParsedRule = { metric: string; labels: Record<string, string> };

type FileCheck = { rules: number; errors: string[]; parsed?: ParsedRule[] };

/** A yaml map's entries as strings, in file order. */
function entries(m: unknown): Array<[string, string]> {
  if (!isMap(m)) return [];
  return m.items.map((item) => [
    isScalar(item.key) ? String(item.key.value) : '',
    isScalar(item.value) ? String(item.value.value ?? '') : '',
  ]);
}

function checkFile(text: string): FileCheck {
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
  const parsed: ParsedRule[] = [];
  let count = 0;
  for (const g of groups) {
    const name = String(g.get('name') ?? '');
    const groupLabels = Object.fromEntries(entries(g.get('labels')));
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
        if (r.get('keep_firing_for') !== undefined && String(r.get('keep_firing_for')) !== '0')
          add(at0(recordNode), "invalid field 'keep_firing_for' in recording rule");
        if (!METRIC_NAME.test(record)) add(at0(recordNode), `invalid recording rule name: ${record}`);
        if (/[{}]/.test(record))
          add(at0(recordNode), `braces present in the recording rule name; should it be in expr?: ${record}`);
      }
      const labels = entries(r.get('labels'));
      const annotations = entries(r.get('annotations'));
      for (const [k] of labels)
        if (!LABEL_NAME.test(k) || k === '__name__') add('', `invalid label name: ${k}`);
      for (const [k] of annotations) if (!LABEL_NAME.test(k)) add('', `invalid annotation name: ${k}`);
      // testTemplateParsing: an alerting rule's label and annotation values must parse as Go templates. (Go walks
      // the maps in random order; here they come in file order, labels first as in rulefmt.)
      if (alert) {
        for (const [k, v] of labels) {
          const err = checkAlertTemplate(alert, v);
          if (err) add('', `label ${JSON.stringify(k)}: ${err}`);
        }
        for (const [k, v] of annotations) {
          const err = checkAlertTemplate(alert, v);
          if (err) add('', `annotation ${JSON.stringify(k)}: ${err}`);
        }
      }
      parsed.push({ metric: alert || record, labels: { ...groupLabels, ...Object.fromEntries(labels) } });
    });
  }
  return { rules: count, errors, parsed };
}

function compareRules(a: ParsedRule, b: ParsedRule): number {
  if (a.metric !== b.metric) return a.metric < b.metric ? -1 : 1;
  // labels.Compare: the sorted pairs one by one, name then value; a prefix sorts first.
  const la = Object.entries(a.labels).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
  const lb = Object.entries(b.labels).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
  for (let i = 0; i < Math.min(la.length, lb.length); i++) {
    if (la[i][0] !== lb[i][0]) return la[i][0] < lb[i][0] ? -1 : 1;
    if (la[i][1] !== lb[i][1]) return la[i][1] < lb[i][1] ? -1 : 1;
  }
  return la.length - lb.length;
}

/**
 * promtool's checkDuplicates (cmd/promtool/main.go): rules of a file with the same name (alert or record) and the
 * same labels — the group's overridden by the rule's — whatever their expressions; each such set reported once.
 */
export function duplicateRules(rules: readonly ParsedRule[]): ParsedRule[] {
  const sorted = [...rules].sort(compareRules);
  const dups: ParsedRule[] = [];
  for (let i = 1; i < sorted.length; i++)
    if (
      compareRules(sorted[i - 1], sorted[i]) === 0 &&
      (dups.length === 0 || compareRules(sorted[i - 1], dups[dups.length - 1]) !== 0)
    )
      dups.push(sorted[i]);
  return dups;
}

/** The lint error checkRuleGroups returns (errLint "lint error" wrapping the report). */
function duplicatesMessage(dups: readonly ParsedRule[]): string {
  let msg = `lint error ${dups.length} duplicate rule(s) found.\n`;
  for (const d of dups) {
    msg += `Metric: ${d.metric}\nLabel(s):\n`;
    for (const [k, v] of Object.entries(d.labels).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      msg += `\t${k}: ${v}\n`;
  }
  return `${msg}Might cause inconsistency while recording expressions`;
}

/** `--lint` (default duplicate-rules; all, none, comma-separated) and `--lint-fatal`. */
export type RulesLint = { duplicates: boolean; fatal: boolean };

/** newRulesLintConfig: unknown options are a warning on standard output, not an error. */
export function parseRulesLint(value: string, fatal: boolean, out: Output): RulesLint {
  let duplicates = false;
  if (value !== '')
    for (const setting of value.split(',')) {
      if (setting === 'all' || setting === 'duplicate-rules') duplicates = true;
      else if (setting !== 'none') out.line(`WARNING: unknown lint option: ${JSON.stringify(setting)}`);
    }
  return { duplicates, fatal };
}

/**
 * Check each file (or, with `files` null, standard input) and print as promtool does (checkRules): a file whose
 * rules do not parse gets its errors and no blank line after them; then the lint. Exit 1 on errors, 3 on lint
 * findings with --lint-fatal, else 0 (lint findings alone are printed but do not fail the command).
 */
export function runCheckRules(
  files: readonly string[] | null,
  readFile: (p: string) => string | null,
  out: Output,
  lint: RulesLint = { duplicates: true, fatal: false },
): Output {
  let failed = false;
  let hasErrors = false;
  for (const f of files ?? ['-']) {
    const stdin = files === null;
    out.line(stdin ? 'Checking standard input' : `Checking ${f}`);
    const text = readFile(f);
    const r: FileCheck =
      text === null ? { rules: 0, errors: [`open ${f}: no such file or directory`] } : checkFile(text);
    if (r.errors.length) {
      failed = true;
      hasErrors = true;
      out.warn('  FAILED:');
      // rulefmt.ParseFile prefixes every error with the file name; Parse (stdin) does not.
      for (const e of r.errors) out.warn(stdin ? e : `${f}: ${e}`);
      continue;
    }
    const dups = lint.duplicates ? duplicateRules(r.parsed ?? []) : [];
    if (dups.length) {
      failed = true;
      out.warn('  FAILED:');
      out.warn(duplicatesMessage(dups));
    } else out.line(`  SUCCESS: ${r.rules} rules found`);
    out.line('');
  }
  if (failed && hasErrors) out.code = 1;
  else if (failed && lint.fatal) out.code = 3;
  return out;
}
