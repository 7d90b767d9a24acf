#!/usr/bin/env node
// Dev check (not run by CI): compares the protocol schema tables in simulator/protocol/messages/ with Apache
// Kafka's message JSON definitions. Usage: node scripts/protocol-check.mjs <kafka checkout or bare git dir>
// Reports every difference in API key, valid/flexible versions and, field by field, name, type, versions,
// nullable versions, tags, defaults and flexible-version overrides. Exit code 1 when anything differs.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { register } from 'tsx/esm/api';

register();
const { ALL_MESSAGES } = await import('../simulator/protocol/apis.ts');
const { RequestHeader, ResponseHeader } = await import('../simulator/protocol/messages/headers.ts');

const root = process.argv[2];
if (!root) {
  console.error('usage: node scripts/protocol-check.mjs <kafka checkout or bare git dir>');
  process.exit(2);
}
const rel = 'clients/src/main/resources/common/message';

function loadJson(name) {
  const file = join(root, rel, `${name}.json`);
  const text = existsSync(file)
    ? readFileSync(file, 'utf8')
    : execFileSync('git', ['--git-dir', root, 'show', `HEAD:${rel}/${name}.json`], { encoding: 'utf8' });
  return JSON.parse(text.replace(/^\s*\/\/.*$/gm, '').replace(/([^:])\/\/[^"\n]*$/gm, '$1'));
}

const rangeText = (r) =>
  r[0] > r[1]
    ? 'none'
    : r[1] === Number.POSITIVE_INFINITY
      ? `${r[0]}+`
      : r[0] === r[1]
        ? `${r[0]}`
        : `${r[0]}-${r[1]}`;
const norm = (t) =>
  t === undefined ? undefined : t === 'none' ? 'none' : t.includes('-') || t.endsWith('+') ? t : t;

function typeText(t) {
  if (t.kind === 'primitive') return t.name;
  if (t.kind === 'struct') return t.name;
  return `[]${typeText(t.of)}`;
}
function structFields(t) {
  if (t.kind === 'struct') return t.fields;
  if (t.kind === 'array') return structFields(t.of);
  return null;
}

const problems = [];
function compareFields(path, ours, theirs, common) {
  const names = ours.map((f) => f.name);
  const jnames = theirs.map((f) => f.name);
  if (names.join() !== jnames.join()) problems.push(`${path}: fields [${names}] vs Kafka [${jnames}]`);
  for (const jf of theirs) {
    const f = ours.find((x) => x.name === jf.name);
    if (!f) continue;
    const p = `${path}.${jf.name}`;
    const check = (what, mine, kafka) => {
      if ((mine ?? '') !== (kafka ?? ''))
        problems.push(`${p}: ${what} ${mine ?? '(none)'} vs Kafka ${kafka ?? '(none)'}`);
    };
    check('type', typeText(f.type), jf.type);
    check('versions', rangeText(f.versions), norm(jf.versions));
    check(
      'nullableVersions',
      f.nullable[0] > f.nullable[1] ? undefined : rangeText(f.nullable),
      norm(jf.nullableVersions),
    );
    check(
      'tag',
      f.tag === null ? undefined : String(f.tag),
      jf.tag === undefined ? undefined : String(jf.tag),
    );
    check(
      'taggedVersions',
      f.tag === null ? undefined : rangeText(f.taggedVersions),
      norm(jf.taggedVersions),
    );
    check('default', f.defaultText, jf.default === undefined ? undefined : String(jf.default));
    check('flexibleVersions', f.flexible ? rangeText(f.flexible) : undefined, norm(jf.flexibleVersions));
    const sub = structFields(f.type);
    let jsub = jf.fields;
    if (!jsub && sub) jsub = common?.find((c) => c.name === jf.type.replace('[]', ''))?.fields;
    if (sub || jsub) compareFields(p, sub ?? [], jsub ?? [], common);
  }
}

let count = 0;
for (const m of [RequestHeader, ResponseHeader, ...ALL_MESSAGES]) {
  const j = loadJson(m.name);
  count++;
  if (m.apiKey >= 0 && j.apiKey !== m.apiKey)
    problems.push(`${m.name}: apiKey ${m.apiKey} vs Kafka ${j.apiKey}`);
  if (rangeText(m.valid) !== j.validVersions)
    problems.push(`${m.name}: validVersions ${rangeText(m.valid)} vs Kafka ${j.validVersions}`);
  if (rangeText(m.flexible) !== j.flexibleVersions)
    problems.push(`${m.name}: flexibleVersions ${rangeText(m.flexible)} vs Kafka ${j.flexibleVersions}`);
  compareFields(m.name, m.fields, j.fields, j.commonStructs);
}
for (const p of problems) console.log(p);
console.log(
  `${count} message definitions checked, ${problems.length} difference${problems.length === 1 ? '' : 's'}`,
);
process.exitCode = problems.length ? 1 : 0;
