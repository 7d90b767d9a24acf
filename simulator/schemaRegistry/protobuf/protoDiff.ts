// Protobuf compatibility: the registry's own rule table (`protobuf/diff/SchemaDiff`, `MessageSchemaDiff`,
// `FieldSchemaDiff`, `OneOfDiff`, `EnumSchemaDiff`, Schema Registry 7.9), not Avro's rules. Fields are compared by
// number (tag), never by name. `compareProtoFiles(original, update)` lists every difference; the ones outside
// `PROTO_COMPATIBLE_CHANGES` make `update` unable to read data written with `original` (BACKWARD direction).
// Simplified: schema references (imports of other subjects) are not modelled; a type from an import resolves only
// if it is a Google well-known type.
import type {
  ProtoFieldElement,
  ProtoFileElement,
  ProtoMessageElement,
  ProtoTypeElement,
} from './protoSchema';

export type ProtoDifferenceType =
  | 'PACKAGE_CHANGED'
  | 'MESSAGE_ADDED'
  | 'MESSAGE_REMOVED'
  | 'MESSAGE_MOVED'
  | 'ENUM_ADDED'
  | 'ENUM_REMOVED'
  | 'ENUM_CONST_ADDED'
  | 'ENUM_CONST_CHANGED'
  | 'ENUM_CONST_REMOVED'
  | 'FIELD_ADDED'
  | 'FIELD_REMOVED'
  | 'FIELD_NAME_CHANGED'
  | 'FIELD_KIND_CHANGED'
  | 'FIELD_SCALAR_KIND_CHANGED'
  | 'FIELD_NAMED_TYPE_CHANGED'
  | 'FIELD_NUMERIC_LABEL_CHANGED'
  | 'FIELD_STRING_OR_BYTES_LABEL_CHANGED'
  | 'REQUIRED_FIELD_ADDED'
  | 'REQUIRED_FIELD_REMOVED'
  | 'ONEOF_ADDED'
  | 'ONEOF_REMOVED'
  | 'ONEOF_FIELD_ADDED'
  | 'ONEOF_FIELD_REMOVED'
  | 'MULTIPLE_FIELDS_MOVED_TO_ONEOF'
  | 'FIELD_MOVED_TO_EXISTING_ONEOF';

/** `SchemaDiff.COMPATIBLE_CHANGES` (7.9). */
export const PROTO_COMPATIBLE_CHANGES: ReadonlySet<ProtoDifferenceType> = new Set<ProtoDifferenceType>([
  'MESSAGE_ADDED',
  'MESSAGE_MOVED',
  'ENUM_ADDED',
  'ENUM_REMOVED',
  'ENUM_CONST_ADDED',
  'ENUM_CONST_CHANGED',
  'ENUM_CONST_REMOVED',
  'FIELD_ADDED',
  'FIELD_REMOVED',
  'FIELD_NAME_CHANGED',
  'FIELD_STRING_OR_BYTES_LABEL_CHANGED',
  'ONEOF_ADDED',
  'ONEOF_REMOVED',
  'ONEOF_FIELD_ADDED',
]);

export interface ProtoDifference {
  type: ProtoDifferenceType;
  /** `#/Message/tag` style path (`Context.fullPathString`). */
  path: string;
}

interface TypeInfo {
  packageName: string;
  type: ProtoTypeElement;
}

const SCALARS = new Set([
  'bool',
  'bytes',
  'double',
  'float',
  'fixed32',
  'fixed64',
  'int32',
  'int64',
  'sfixed32',
  'sfixed64',
  'sint32',
  'sint64',
  'string',
  'uint32',
  'uint64',
]);

type Kind = 'SCALAR' | 'MAP' | 'MESSAGE';
type ScalarKind =
  | 'GENERAL_NUMBER'
  | 'SIGNED_NUMBER'
  | 'STRING_OR_BYTES'
  | 'FIXED32'
  | 'FIXED64'
  | 'FLOAT'
  | 'DOUBLE';

class DiffContext {
  readonly original = new Map<string, TypeInfo>();
  readonly update = new Map<string, TypeInfo>();
  originalPackage = '';
  updatePackage = '';
  readonly fullPath: string[] = [];
  readonly fullName: string[] = [];
  readonly diffs: ProtoDifference[] = [];
  readonly inProgress = new Set<ProtoMessageElement>();

  add(type: ProtoDifferenceType): void {
    this.diffs.push({ type, path: `#/${this.fullPath.join('/')}` });
  }
  inPath<T>(segment: string, f: () => T): T {
    this.fullPath.push(segment);
    try {
      return f();
    } finally {
      this.fullPath.pop();
    }
  }
  inName<T>(name: string, f: () => T): T {
    this.fullName.push(name);
    try {
      return this.inPath(name, f);
    } finally {
      this.fullName.pop();
    }
  }
  collect(file: ProtoFileElement, isOriginal: boolean): void {
    const pkg = file.packageName ?? '';
    if (isOriginal) this.originalPackage = pkg;
    else this.updatePackage = pkg;
    const walk = (types: ProtoTypeElement[]) => {
      for (const t of types) {
        this.inName(t.name, () => {
          const name = pkg ? `${pkg}.${this.fullPath.join('.')}` : this.fullPath.join('.');
          (isOriginal ? this.original : this.update).set(name, { packageName: pkg, type: t });
          if (t.kind === 'message') walk(t.nestedTypes);
        });
      }
    };
    walk(file.types);
  }
  /** `Context.resolveFull`: protobuf's scoping rules, innermost scope first. */
  resolve(name: string, isOriginal: boolean): string | null {
    const types = isOriginal ? this.original : this.update;
    if (types.size === 0) return null;
    if (name.startsWith('.')) return types.has(name.slice(1)) ? name.slice(1) : null;
    const pkg = isOriginal ? this.originalPackage : this.updatePackage;
    const prefix = [...(pkg ? pkg.split('.') : []), ...this.fullName];
    while (prefix.length > 0) {
      const n = `${prefix.join('.')}.${name}`;
      if (types.has(n)) return n;
      prefix.pop();
    }
    return types.has(name) ? name : null;
  }
  getType(name: string, isOriginal: boolean): TypeInfo | null {
    const full = this.resolve(name, isOriginal);
    return full ? ((isOriginal ? this.original : this.update).get(full) ?? null) : null;
  }
}

function mapParts(type: string): [string, string] | null {
  const m = /^map<\s*([^,\s]+)\s*,\s*(.+?)\s*>$/.exec(type);
  return m ? [m[1], m[2]] : null;
}

function kind(ctx: DiffContext, type: string, isOriginal: boolean): Kind {
  if (SCALARS.has(type)) return 'SCALAR';
  if (mapParts(type)) return 'MAP';
  return ctx.getType(type, isOriginal)?.type.kind === 'enum' ? 'SCALAR' : 'MESSAGE';
}

/** `FieldSchemaDiff.scalarKind`: which scalar types share a wire encoding and may be swapped. */
export function scalarKind(ctx: DiffContext | null, type: string, isOriginal: boolean): ScalarKind {
  if (ctx?.getType(type, isOriginal)?.type.kind === 'enum') return 'GENERAL_NUMBER';
  switch (type) {
    case 'int32':
    case 'int64':
    case 'uint32':
    case 'uint64':
    case 'bool':
      return 'GENERAL_NUMBER';
    case 'sint32':
    case 'sint64':
      return 'SIGNED_NUMBER';
    case 'string':
    case 'bytes':
      return 'STRING_OR_BYTES';
    case 'fixed32':
    case 'sfixed32':
      return 'FIXED32';
    case 'fixed64':
    case 'sfixed64':
      return 'FIXED64';
    case 'float':
      return 'FLOAT';
    case 'double':
      return 'DOUBLE';
    default:
      throw new Error(`Unknown type ${type}`);
  }
}

function compareLabelsAndTypes(
  ctx: DiffContext,
  originalLabel: ProtoFieldElement['label'] | undefined,
  updateLabel: ProtoFieldElement['label'] | undefined,
  originalType: string,
  updateType: string,
): void {
  const ok = kind(ctx, originalType, true);
  const uk = kind(ctx, updateType, false);
  if (ok !== uk) {
    ctx.add('FIELD_KIND_CHANGED');
    return;
  }
  if (ok === 'SCALAR') {
    const os = scalarKind(ctx, originalType, true);
    const us = scalarKind(ctx, updateType, false);
    if (os !== us) {
      ctx.add('FIELD_SCALAR_KIND_CHANGED');
    } else if (originalLabel && updateLabel && originalLabel !== updateLabel) {
      ctx.add(
        os === 'STRING_OR_BYTES' ? 'FIELD_STRING_OR_BYTES_LABEL_CHANGED' : 'FIELD_NUMERIC_LABEL_CHANGED',
      );
    }
  } else if (ok === 'MESSAGE') {
    const of = ctx.resolve(originalType, true);
    const uf = ctx.resolve(updateType, false);
    if (!of || !uf) {
      if (originalType !== updateType) ctx.add('FIELD_NAMED_TYPE_CHANGED');
      return;
    }
    const oi = ctx.original.get(of) as TypeInfo;
    const ui = ctx.update.get(uf) as TypeInfo;
    const local = (full: string, pkg: string) =>
      pkg && full.startsWith(`${pkg}.`) ? full.slice(pkg.length + 1) : full;
    // Same local name: the types themselves are compared where they are declared (both are local to the file, so
    // `compareMessageTypes` does not recurse for them).
    if (local(of, oi.packageName) !== local(uf, ui.packageName)) ctx.add('FIELD_NAMED_TYPE_CHANGED');
  } else {
    const om = mapParts(originalType) as [string, string];
    const um = mapParts(updateType) as [string, string];
    compareLabelsAndTypes(ctx, null, null, om[0], um[0]);
    compareLabelsAndTypes(ctx, null, null, om[1], um[1]);
  }
}

function compareFields(ctx: DiffContext, original: ProtoFieldElement, update: ProtoFieldElement): void {
  if (original.name !== update.name) ctx.add('FIELD_NAME_CHANGED');
  compareLabelsAndTypes(ctx, original.label, update.label, original.type, update.type);
}

function unionKeys<K>(a: Iterable<K>, b: Iterable<K>): K[] {
  const out = [...a];
  for (const k of b) if (!out.includes(k)) out.push(k);
  return out;
}

function compareMessages(ctx: DiffContext, original: ProtoMessageElement, update: ProtoMessageElement): void {
  if (!ctx.inProgress.has(original)) {
    ctx.inProgress.add(original);
    const originalByTag = new Map(original.fields.map((f) => [f.tag, f]));
    const updateByTag = new Map(update.fields.map((f) => [f.tag, f]));
    const originalOneOfs = new Map(original.oneOfs.map((o) => [o.name, o]));
    const updateOneOfs = new Map(update.oneOfs.map((o) => [o.name, o]));
    const originalOneOfTags = new Set(original.oneOfs.flatMap((o) => o.fields.map((f) => f.tag)));
    for (const oneOf of update.oneOfs) {
      ctx.inPath(oneOf.name, () => {
        let moved = 0;
        let existing = 0;
        for (const f of oneOf.fields) {
          if (originalByTag.delete(f.tag)) moved++;
          else if (originalOneOfTags.has(f.tag)) existing++;
        }
        if (moved > 1) ctx.add('MULTIPLE_FIELDS_MOVED_TO_ONEOF');
        else if (moved === 1 && existing > 0) ctx.add('FIELD_MOVED_TO_EXISTING_ONEOF');
      });
    }
    for (const name of unionKeys(originalOneOfs.keys(), updateOneOfs.keys())) {
      ctx.inPath(name, () => {
        const o = originalOneOfs.get(name);
        const u = updateOneOfs.get(name);
        if (!u) ctx.add('ONEOF_REMOVED');
        else if (!o) ctx.add('ONEOF_ADDED');
        else {
          const ob = new Map(o.fields.map((f) => [f.tag, f]));
          const ub = new Map(u.fields.map((f) => [f.tag, f]));
          for (const tag of unionKeys(ob.keys(), ub.keys())) {
            ctx.inPath(String(tag), () => {
              const of = ob.get(tag);
              const uf = ub.get(tag);
              if (!uf) ctx.add('ONEOF_FIELD_REMOVED');
              else if (!of) ctx.add('ONEOF_FIELD_ADDED');
              else compareFields(ctx, of, uf);
            });
          }
        }
      });
    }
    for (const tag of unionKeys(originalByTag.keys(), updateByTag.keys())) {
      ctx.inPath(String(tag), () => {
        const o = originalByTag.get(tag);
        const u = updateByTag.get(tag);
        if (!u) ctx.add(o?.label === 'required' ? 'REQUIRED_FIELD_REMOVED' : 'FIELD_REMOVED');
        else if (!o) ctx.add(u.label === 'required' ? 'REQUIRED_FIELD_ADDED' : 'FIELD_ADDED');
        else compareFields(ctx, o, u);
      });
    }
    ctx.inProgress.delete(original);
  }
  compareTypeElements(ctx, original.nestedTypes, update.nestedTypes);
}

function compareTypeElements(
  ctx: DiffContext,
  original: ProtoTypeElement[],
  update: ProtoTypeElement[],
): void {
  const index = (types: ProtoTypeElement[]) => {
    const messages = new Map<string, { element: ProtoMessageElement; index: number }>();
    const enums = new Map<string, ProtoTypeElement>();
    let i = 0;
    for (const t of types) {
      if (t.kind === 'message') messages.set(t.name, { element: t, index: i++ });
      else enums.set(t.name, t);
    }
    return { messages, enums };
  };
  const o = index(original);
  const u = index(update);
  for (const name of unionKeys(o.messages.keys(), u.messages.keys())) {
    ctx.inName(name, () => {
      const om = o.messages.get(name);
      const um = u.messages.get(name);
      if (!um) ctx.add('MESSAGE_REMOVED');
      else if (!om) ctx.add('MESSAGE_ADDED');
      else {
        compareMessages(ctx, om.element, um.element);
        if (om.index !== um.index) ctx.add('MESSAGE_MOVED');
      }
    });
  }
  for (const name of unionKeys(o.enums.keys(), u.enums.keys())) {
    ctx.inName(name, () => {
      const oe = o.enums.get(name);
      const ue = u.enums.get(name);
      if (!ue) ctx.add('ENUM_REMOVED');
      else if (!oe) ctx.add('ENUM_ADDED');
      else if (oe.kind === 'enum' && ue.kind === 'enum') {
        const ob = new Map(oe.constants.map((c) => [c.tag, c]));
        const ub = new Map(ue.constants.map((c) => [c.tag, c]));
        for (const tag of unionKeys(ob.keys(), ub.keys())) {
          ctx.inPath(String(tag), () => {
            const oc = ob.get(tag);
            const uc = ub.get(tag);
            if (!uc) ctx.add('ENUM_CONST_REMOVED');
            else if (!oc) ctx.add('ENUM_CONST_ADDED');
            else if (oc.name !== uc.name) ctx.add('ENUM_CONST_CHANGED');
          });
        }
      }
    });
  }
}

/** `SchemaDiff.compare(original, update)`: every difference, compatible or not. */
export function compareProtoFiles(original: ProtoFileElement, update: ProtoFileElement): ProtoDifference[] {
  const ctx = new DiffContext();
  ctx.collect(original, true);
  ctx.collect(update, false);
  if ((original.packageName ?? null) !== (update.packageName ?? null)) ctx.add('PACKAGE_CHANGED');
  compareTypeElements(ctx, original.types, update.types);
  return ctx.diffs;
}

/** The registry's wording (`protobuf/diff/Difference.toString`); `%s` = reader then writer prefix. */
export function protoDifferenceText(d: ProtoDifference): string {
  const p = d.path;
  const descriptions: Partial<Record<ProtoDifferenceType, string>> = {
    PACKAGE_CHANGED: `The package at '${p}' in the %s schema does not match the package in the %s schema`,
    MESSAGE_REMOVED: `The %s schema is missing a MESSAGE type at path '${p}' in the %s schema`,
    FIELD_KIND_CHANGED: `The type of a field at path '${p}' in the %s schema does not match the %s schema`,
    FIELD_SCALAR_KIND_CHANGED: `The kind of a SCALAR field at path '${p}' in the %s schema does not match its kind in the %s schema`,
    FIELD_NAMED_TYPE_CHANGED: `The type of a MESSAGE field at path '${p}' in the %s schema does not match its type in the %s schema`,
    FIELD_NUMERIC_LABEL_CHANGED: `The label for a NUMERIC field at path '${p}' in the %s schema does not match its label in the %s schema`,
    // The double space is the registry's own.
    REQUIRED_FIELD_ADDED: `A required field  at path '${p}' in the %s schema is missing in the %s schema`,
    REQUIRED_FIELD_REMOVED: `The %s schema is missing a required field at path: '${p}' in the %s schema`,
    ONEOF_FIELD_REMOVED: `The %s schema is missing a oneof field at path '${p}' in the %s schema`,
    MULTIPLE_FIELDS_MOVED_TO_ONEOF: `Multiple fields in the oneof at path '${p}' in the %s schema are outside a oneof in the %s schema`,
    FIELD_MOVED_TO_EXISTING_ONEOF: `A field in the oneof at path '${p}' in the %s schema is outside an existing oneof in the %s schema`,
  };
  return `{errorType:"${d.type}", description:"${descriptions[d.type] ?? ''}"}`;
}

/** `ProtobufSchema.isBackwardCompatible(previous)`: message templates of the incompatible differences. */
export function protobufBackwardMessages(update: ProtoFileElement, previous: ProtoFileElement): string[] {
  try {
    return compareProtoFiles(previous, update)
      .filter((d) => !PROTO_COMPATIBLE_CHANGES.has(d.type))
      .map(protoDifferenceText);
  } catch (e) {
    return [`Unexpected exception during compatibility check: ${(e as Error).message}`];
  }
}
