// Protobuf schemas: `.proto` text parsed by protobufjs (`protobuf.parse(text, { keepCase: true })`, then
// `resolveAll()` so an unknown type is refused), turned into a small element model shaped like Square Wire's
// `ProtoFileElement` (what the registry's `protobuf/diff/*` rules walk): fields keep their label as written
// (null for a proto3 field without one), map fields are `map<K, V>` types, nested types keep declaration order.
import type * as Protobuf from 'protobufjs';
import type { ParseResult } from '../avro/avroSchema';
import type { Formats } from '../formats';

export type ProtoLabel = 'optional' | 'required' | 'repeated' | null;

export interface ProtoFieldElement {
  name: string;
  tag: number;
  label: ProtoLabel;
  /** The type as written: `int32`, `Inner`, `.pkg.Inner`, `map<string, int32>`. */
  type: string;
}

export interface ProtoOneOfElement {
  name: string;
  fields: ProtoFieldElement[];
}

export interface ProtoMessageElement {
  kind: 'message';
  name: string;
  fields: ProtoFieldElement[];
  oneOfs: ProtoOneOfElement[];
  nestedTypes: ProtoTypeElement[];
}

export interface ProtoEnumElement {
  kind: 'enum';
  name: string;
  constants: { name: string; tag: number }[];
}

export type ProtoTypeElement = ProtoMessageElement | ProtoEnumElement;

export interface ProtoFileElement {
  syntax: 'proto2' | 'proto3';
  packageName: string | null;
  imports: string[];
  options: [string, unknown][];
  types: ProtoTypeElement[];
}

export interface ParsedProtobuf {
  schemaType: 'PROTOBUF';
  file: ProtoFileElement;
  /** protobufjs root, resolved; encode/decode look message types up here. */
  root: Protobuf.Root;
  canonical: string;
  /** Fully-qualified name of the first message (what the console tools and RecordNameStrategy use). */
  recordName: string | null;
}

function fieldOf(f: Protobuf.Field, syntax: 'proto2' | 'proto3'): ProtoFieldElement {
  const map = f as Protobuf.Field & { map?: boolean; keyType?: string };
  const type = map.map ? `map<${map.keyType}, ${f.type}>` : f.type;
  let label: ProtoLabel = null;
  if (f.rule === 'repeated' || f.rule === 'required') label = f.rule;
  else if (syntax === 'proto2' && !map.map) label = 'optional';
  else if ((f.options as Record<string, unknown> | undefined)?.proto3_optional) label = 'optional';
  return { name: f.name, tag: f.id, label, type };
}

function typesOf(
  ns: Protobuf.NamespaceBase,
  protobuf: Formats['protobuf'],
  syntax: 'proto2' | 'proto3',
): ProtoTypeElement[] {
  const out: ProtoTypeElement[] = [];
  for (const n of ns.nestedArray) {
    if (n instanceof protobuf.Type) {
      const oneOfs = n.oneofsArray.filter(
        // proto3 `optional` fields live in a synthetic oneof `_name`; Wire does not show those.
        (o) =>
          !(
            o.fieldsArray.length === 1 &&
            (o.fieldsArray[0].options as Record<string, unknown> | undefined)?.proto3_optional
          ),
      );
      const inOneOf = new Set(oneOfs.flatMap((o) => o.fieldsArray.map((f) => f.id)));
      out.push({
        kind: 'message',
        name: n.name,
        fields: n.fieldsArray.filter((f) => !inOneOf.has(f.id)).map((f) => fieldOf(f, syntax)),
        oneOfs: oneOfs.map((o) => ({ name: o.name, fields: o.fieldsArray.map((f) => fieldOf(f, syntax)) })),
        nestedTypes: typesOf(n, protobuf, syntax),
      });
    } else if (n instanceof protobuf.Enum) {
      out.push({
        kind: 'enum',
        name: n.name,
        constants: Object.entries(n.values).map(([name, tag]) => ({ name, tag })),
      });
    }
  }
  return out;
}

/** Parses `.proto` text; unknown types and syntax errors are refused with protobufjs's message. */
export function parseProtobuf(formats: Formats, text: string): ParseResult<ParsedProtobuf> {
  const protobuf = formats.protobuf;
  let parsed: Protobuf.IParserResult;
  try {
    parsed = protobuf.parse(text, { keepCase: true });
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
  const root = parsed.root;
  const imports = parsed.imports ?? [];
  for (const imp of imports) {
    // Google's well-known types ship inside protobufjs (`protobuf.common`); the registry knows them too.
    const common = (protobuf.common as unknown as { get(name: string): Protobuf.INamespace | null }).get(imp);
    if (common?.nested) root.addJSON(common.nested);
  }
  try {
    root.resolveAll();
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
  const syntax: 'proto2' | 'proto3' = /^\s*syntax\s*=\s*["']proto3["']/m.test(text) ? 'proto3' : 'proto2';
  const packageName = parsed.package ?? null;
  const container = packageName ? (root.lookup(packageName) as Protobuf.Namespace | null) : root;
  const types = container ? typesOf(container, protobuf, syntax) : [];
  const file: ProtoFileElement = {
    syntax,
    packageName,
    imports,
    options: Object.entries((root.options ?? {}) as Record<string, unknown>),
    types,
  };
  const first = types.find((t) => t.kind === 'message');
  const recordName = first ? (packageName ? `${packageName}.${first.name}` : first.name) : null;
  return {
    ok: true,
    value: { schemaType: 'PROTOBUF', file, root, canonical: protoCanonicalString(file), recordName },
  };
}

// --- canonical text, after Wire's `ProtoFileElement.toSchema()` layout ---

function fieldLine(f: ProtoFieldElement, indent: string): string {
  return `${indent}${f.label ? `${f.label} ` : ''}${f.type} ${f.name} = ${f.tag};\n`;
}

function typeText(t: ProtoTypeElement, indent: string): string {
  const inner = `${indent}  `;
  if (t.kind === 'enum') {
    return `${indent}enum ${t.name} {\n${t.constants.map((c) => `${inner}${c.name} = ${c.tag};\n`).join('')}${indent}}\n`;
  }
  let body = t.fields.map((f) => fieldLine(f, inner)).join('');
  for (const o of t.oneOfs) {
    body += `\n${inner}oneof ${o.name} {\n${o.fields.map((f) => fieldLine({ ...f, label: null }, `${inner}  `)).join('')}${inner}}\n`;
  }
  for (const n of t.nestedTypes) body += `\n${typeText(n, inner)}`;
  return `${indent}message ${t.name} {\n${body}${indent}}\n`;
}

export function protoCanonicalString(file: ProtoFileElement): string {
  let out = `syntax = "${file.syntax}";\n`;
  if (file.packageName) out += `package ${file.packageName};\n`;
  if (file.imports.length > 0) out += `\n${file.imports.map((i) => `import "${i}";\n`).join('')}`;
  if (file.options.length > 0) {
    out += `\n${file.options.map(([k, v]) => `option ${k} = ${typeof v === 'string' ? JSON.stringify(v) : String(v)};\n`).join('')}`;
  }
  for (const t of file.types) out += `\n${typeText(t, '')}`;
  return out;
}

/**
 * Message indexes of a message (`protobuf/MessageIndexes`): its position among the message types at each nesting
 * level, from the top of the file down. `[0]` = the first top-level message.
 */
export function messageIndexesOf(file: ProtoFileElement, fullName: string): number[] | null {
  const local =
    file.packageName && fullName.startsWith(`${file.packageName}.`)
      ? fullName.slice(file.packageName.length + 1)
      : fullName;
  const parts = local.split('.');
  const indexes: number[] = [];
  let level: ProtoTypeElement[] = file.types;
  for (const part of parts) {
    const messages = level.filter((t): t is ProtoMessageElement => t.kind === 'message');
    const i = messages.findIndex((m) => m.name === part);
    if (i < 0) return null;
    indexes.push(i);
    level = messages[i].nestedTypes;
  }
  return indexes;
}

/** The message full name that a list of message indexes points at. */
export function messageNameAt(file: ProtoFileElement, indexes: number[]): string | null {
  const names: string[] = [];
  let level: ProtoTypeElement[] = file.types;
  for (const i of indexes) {
    const messages = level.filter((t): t is ProtoMessageElement => t.kind === 'message');
    const m = messages[i];
    if (!m) return null;
    names.push(m.name);
    level = m.nestedTypes;
  }
  const local = names.join('.');
  return file.packageName ? `${file.packageName}.${local}` : local;
}
