// Avro reader/writer compatibility with the registry's messages. The walk follows Apache Avro's
// `SchemaCompatibility.ReaderWriterCompatibilityChecker` (what `AvroSchema.isBackwardCompatible` calls), so the
// incompatibility types and JSON-pointer locations are the ones the registry reports; each incompatibility is then
// worded as the registry's `avro/Difference.java` does. avsc's resolver (`reader.createResolver(writer)`) is the
// same rule set; `avscCanRead` exposes it and the tests check that both agree.
import type * as Avsc from 'avsc';
import { type AvroNode, avroTypeName, type ParsedAvro } from './avroSchema';

export type AvroIncompatibilityType =
  | 'NAME_MISMATCH'
  | 'FIXED_SIZE_MISMATCH'
  | 'MISSING_ENUM_SYMBOLS'
  | 'READER_FIELD_MISSING_DEFAULT_VALUE'
  | 'TYPE_MISMATCH'
  | 'MISSING_UNION_BRANCH';

export interface AvroIncompatibility {
  type: AvroIncompatibilityType;
  /** JSON pointer into the reader schema, e.g. `/fields/1/type`. */
  location: string;
  /** Avro's own detail text (`additionalInfo` in the registry's message). */
  message: string;
}

interface Result {
  compatible: 'COMPATIBLE' | 'INCOMPATIBLE' | 'RECURSION_IN_PROGRESS';
  incompatibilities: AvroIncompatibility[];
}

const COMPATIBLE: Result = { compatible: 'COMPATIBLE', incompatibilities: [] };
const merge = (a: Result, b: Result): Result =>
  a.compatible === 'INCOMPATIBLE' || b.compatible === 'INCOMPATIBLE'
    ? { compatible: 'INCOMPATIBLE', incompatibilities: [...a.incompatibilities, ...b.incompatibilities] }
    : COMPATIBLE;

function locationString(location: string[]): string {
  // The first token is the root reference token "" and is skipped (`Incompatibility.getLocation`).
  return `/${location
    .slice(1)
    .map((c) => c.replace(/~/g, '~0').replace(/\//g, '~1'))
    .join('/')}`;
}

/** Apache Avro `SchemaCompatibility.checkReaderWriterCompatibility(reader, writer)` incompatibilities. */
export function avroIncompatibilities(reader: AvroNode, writer: AvroNode): AvroIncompatibility[] {
  const memo = new Map<AvroNode, Map<AvroNode, Result>>();

  const getCompatibilityFresh = (r: AvroNode, w: AvroNode): Result => getCompatibility('', r, w, []);

  function getCompatibility(token: string, r: AvroNode, w: AvroNode, location: string[]): Result {
    location.push(token);
    let byWriter = memo.get(r);
    if (!byWriter) {
      byWriter = new Map();
      memo.set(r, byWriter);
    }
    let result = byWriter.get(w);
    if (result) {
      if (result.compatible === 'RECURSION_IN_PROGRESS') result = COMPATIBLE;
    } else {
      byWriter.set(w, { compatible: 'RECURSION_IN_PROGRESS', incompatibilities: [] });
      result = calculate(r, w, location);
      byWriter.set(w, result);
    }
    location.pop();
    return result;
  }

  const incompatible = (type: AvroIncompatibilityType, message: string, location: string[]): Result => ({
    compatible: 'INCOMPATIBLE',
    incompatibilities: [{ type, location: locationString(location), message }],
  });

  const typeMismatch = (r: AvroNode, w: AvroNode, location: string[]): Result =>
    incompatible(
      'TYPE_MISMATCH',
      `reader type: ${avroTypeName(r)} not compatible with writer type: ${avroTypeName(w)}`,
      location,
    );

  function checkSchemaNames(
    r: AvroNode & { name: string; aliases: string[] },
    w: AvroNode & { name: string; fullName: string },
    location: string[],
  ): Result {
    location.push('name');
    // `schemaNameEquals`: the simple names, or a reader alias naming the writer's full name.
    const ok = r.name === w.name || r.aliases.includes(w.fullName);
    const res = ok ? COMPATIBLE : incompatible('NAME_MISMATCH', `expected: ${w.fullName}`, location);
    location.pop();
    return res;
  }

  function calculate(r: AvroNode, w: AvroNode, location: string[]): Result {
    const rt = avroTypeName(r);
    const wt = avroTypeName(w);
    if (rt === wt) {
      switch (r.kind) {
        case 'primitive':
          return COMPATIBLE;
        case 'array':
          return getCompatibility('items', r.items, (w as typeof r).items, location);
        case 'map':
          return getCompatibility('values', r.values, (w as typeof r).values, location);
        case 'fixed': {
          const wf = w as typeof r;
          let res = checkSchemaNames(r, wf, location);
          location.push('size');
          if (r.size !== wf.size) {
            res = merge(
              res,
              incompatible('FIXED_SIZE_MISMATCH', `expected: ${wf.size}, found: ${r.size}`, location),
            );
          }
          location.pop();
          return res;
        }
        case 'enum': {
          const we = w as typeof r;
          let res = checkSchemaNames(r, we, location);
          location.push('symbols');
          const missing = [...new Set(we.symbols)].filter((s) => !r.symbols.includes(s)).sort();
          if (missing.length > 0 && !(r.default !== undefined && r.symbols.includes(r.default))) {
            res = merge(res, incompatible('MISSING_ENUM_SYMBOLS', `[${missing.join(', ')}]`, location));
          }
          location.pop();
          return res;
        }
        case 'record': {
          const wr = w as typeof r;
          let res = checkSchemaNames(r, wr, location);
          location.push('fields');
          for (const rf of r.fields) {
            location.push(String(rf.pos));
            const matches = wr.fields.filter((wf) => wf.name === rf.name || rf.aliases.includes(wf.name));
            const direct = wr.fields.find((wf) => wf.name === rf.name);
            const viaAlias = rf.aliases.map((a) => wr.fields.find((wf) => wf.name === a)).filter((x) => x);
            const count = (direct ? 1 : 0) + viaAlias.length;
            if (count > 1) {
              location.pop();
              location.pop();
              throw new Error(
                `Reader record field ${rf.name} matches multiple fields in writer record schema ${wr.fullName}`,
              );
            }
            const wf = matches[0];
            if (!wf) {
              if (!rf.hasDefault) {
                if (rf.type.kind === 'enum' && rf.type.default !== undefined) {
                  // Avro checks the enum against the writer *record* here (its own quirk), kept as is.
                  res = merge(res, getCompatibility('type', rf.type, w, location));
                } else {
                  res = merge(res, incompatible('READER_FIELD_MISSING_DEFAULT_VALUE', rf.name, location));
                }
              }
            } else {
              res = merge(res, getCompatibility('type', rf.type, wf.type, location));
            }
            location.pop();
          }
          location.pop();
          return res;
        }
        case 'union': {
          let res = COMPATIBLE;
          (w as typeof r).types.forEach((branch, i) => {
            location.push(String(i));
            if (getCompatibilityFresh(r, branch).compatible === 'INCOMPATIBLE') {
              res = merge(
                res,
                incompatible(
                  'MISSING_UNION_BRANCH',
                  `reader union lacking writer type: ${avroTypeName(branch)}`,
                  location,
                ),
              );
            }
            location.pop();
          });
          return res;
        }
      }
    }
    if (w.kind === 'union') {
      let res = COMPATIBLE;
      w.types.forEach((branch, i) => {
        res = merge(res, getCompatibility(String(i), r, branch, location));
      });
      return res;
    }
    switch (rt) {
      case 'LONG':
        return wt === 'INT' ? COMPATIBLE : typeMismatch(r, w, location);
      case 'FLOAT':
        return wt === 'INT' || wt === 'LONG' ? COMPATIBLE : typeMismatch(r, w, location);
      case 'DOUBLE':
        return wt === 'INT' || wt === 'LONG' || wt === 'FLOAT' ? COMPATIBLE : typeMismatch(r, w, location);
      case 'BYTES':
        return wt === 'STRING' ? COMPATIBLE : typeMismatch(r, w, location);
      case 'STRING':
        return wt === 'BYTES' ? COMPATIBLE : typeMismatch(r, w, location);
      case 'UNION': {
        for (const branch of (r as Extract<AvroNode, { kind: 'union' }>).types) {
          if (getCompatibilityFresh(branch, w).compatible === 'COMPATIBLE') return COMPATIBLE;
        }
        return incompatible('MISSING_UNION_BRANCH', `reader union lacking writer type: ${wt}`, location);
      }
      default:
        return typeMismatch(r, w, location);
    }
  }

  return getCompatibility('', reader, writer, []).incompatibilities;
}

/** The registry's wording of one incompatibility (`avro/Difference.java`); `%s` = reader then writer prefix. */
export function avroDifferenceText(inc: AvroIncompatibility): string {
  const path = inc.location;
  let description: string;
  switch (inc.type) {
    case 'FIXED_SIZE_MISMATCH':
      description = `The size of FIXED type field at path '${path}' in the %s schema does not match with the %s schema`;
      break;
    case 'TYPE_MISMATCH':
      description = `The type (path '${path}') of a field in the %s schema does not match with the %s schema`;
      break;
    case 'NAME_MISMATCH':
      description = `The name of the schema has changed (path '${path}')`;
      break;
    case 'MISSING_ENUM_SYMBOLS':
      description = `The %s schema is missing enum symbols '${inc.message}' at path '${path}' in the %s schema`;
      break;
    case 'MISSING_UNION_BRANCH':
      description = `The %s schema is missing a type inside a union field at path '${path}' in the %s schema`;
      break;
    case 'READER_FIELD_MISSING_DEFAULT_VALUE':
      description = `The field '${inc.message}' at path '${path}' in the %s schema has no default value and is missing in the %s schema`;
      break;
  }
  return `{errorType:'${inc.type}', description:'${description}', additionalInfo:'${inc.message}'}`;
}

/**
 * `AvroSchema.isBackwardCompatible(previous)`: can this (reader) schema read data written with `previous`?
 * Returns the registry's message templates (with `%s` placeholders for the reader/writer prefixes).
 */
export function avroBackwardMessages(reader: ParsedAvro, writer: ParsedAvro): string[] {
  try {
    return avroIncompatibilities(reader.node, writer.node).map(avroDifferenceText);
  } catch (e) {
    return [`Unexpected exception during compatibility check: ${(e as Error).message}`];
  }
}

/** avsc's verdict: `reader.createResolver(writer)` succeeds. */
export function avscCanRead(
  reader: Avsc.Type,
  writer: Avsc.Type,
): { ok: true } | { ok: false; message: string } {
  try {
    reader.createResolver(writer);
    return { ok: true };
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
}
