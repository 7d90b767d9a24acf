// The seven compatibility levels (`CompatibilityChecker`, `SchemaValidatorBuilder`):
//   BACKWARD  = canRead     – the new schema reads data written with the old one   (consumers upgrade first)
//   FORWARD   = canBeRead   – the old schema reads data written with the new one   (producers upgrade first)
//   FULL      = mutualRead  – both
//   *_TRANSITIVE checks every previous version (latest first, stopping at the first failure), the others only the
//   latest; NONE checks nothing.
import { backwardMessages, type ParsedSchema } from './parsedSchema';
import { COMPATIBILITY_LEVELS, type CompatibilityLevel } from './types';

export interface PreviousSchema {
  parsed: ParsedSchema;
  /** Registered version (`{oldSchemaVersion: N}` in messages), null when unknown. */
  version: number | null;
}

export type Direction = 'canRead' | 'canBeRead' | 'mutualRead' | 'none';

/** Which strategy and which history a level uses. */
export function levelRule(level: CompatibilityLevel): { direction: Direction; transitive: boolean } {
  switch (level) {
    case 'NONE':
      return { direction: 'none', transitive: false };
    case 'BACKWARD':
      return { direction: 'canRead', transitive: false };
    case 'BACKWARD_TRANSITIVE':
      return { direction: 'canRead', transitive: true };
    case 'FORWARD':
      return { direction: 'canBeRead', transitive: false };
    case 'FORWARD_TRANSITIVE':
      return { direction: 'canBeRead', transitive: true };
    case 'FULL':
      return { direction: 'mutualRead', transitive: false };
    case 'FULL_TRANSITIVE':
      return { direction: 'mutualRead', transitive: true };
  }
}

const MAX_SCHEMA_SIZE_FOR_LOGGING = 10 * 1024;

/** `SchemaValidatorBuilder.formatErrorMessages`: fill the prefixes, then add the old version and schema. */
function formatMessages(
  templates: string[],
  existing: PreviousSchema,
  reader: string,
  writer: string,
  appendSchema: boolean,
): string[] {
  if (templates.length === 0) return [];
  const out = templates.map((t) => t.replace('%s', reader).replace('%s', writer));
  if (appendSchema) {
    if (existing.version !== null) out.push(`{oldSchemaVersion: ${existing.version}}`);
    const text = existing.parsed.canonical;
    out.push(
      text.length <= MAX_SCHEMA_SIZE_FOR_LOGGING
        ? `{oldSchema: '${text}'}`
        : `{oldSchema: <truncated> '${text.slice(0, MAX_SCHEMA_SIZE_FOR_LOGGING)}...'}`,
    );
  }
  return out;
}

function strategy(direction: Direction, candidate: ParsedSchema, existing: PreviousSchema): string[] {
  switch (direction) {
    case 'none':
      return [];
    case 'canRead':
      return formatMessages(backwardMessages(candidate, existing.parsed), existing, 'new', 'old', true);
    case 'canBeRead':
      return formatMessages(backwardMessages(existing.parsed, candidate), existing, 'old', 'new', true);
    case 'mutualRead':
      return [
        ...formatMessages(backwardMessages(existing.parsed, candidate), existing, 'old', 'new', false),
        ...formatMessages(backwardMessages(candidate, existing.parsed), existing, 'new', 'old', true),
      ];
  }
}

/**
 * `CompatibilityChecker.checker(level).isCompatible(candidate, previous)`: the messages explaining why
 * `candidate` may not follow `previous` (chronological, oldest first) under `level`; empty = compatible.
 */
export function compatibilityMessages(
  level: CompatibilityLevel,
  candidate: ParsedSchema,
  previous: PreviousSchema[],
): string[] {
  const { direction, transitive } = levelRule(level);
  if (direction === 'none') return [];
  const newestFirst = [...previous].reverse();
  const toCheck = transitive ? newestFirst : newestFirst.slice(0, 1);
  for (const existing of toCheck) {
    const messages =
      candidate.schemaType === existing.parsed.schemaType
        ? strategy(direction, candidate, existing)
        : ['Incompatible because of different schema type'];
    if (messages.length > 0) return messages;
  }
  return [];
}

export interface LevelVerdict {
  level: CompatibilityLevel;
  compatible: boolean;
  /** The versions this level compares the candidate with (newest first). */
  checkedVersions: (number | null)[];
  /** The registry's messages when refused (without the trailing `{validateFields…}` entry). */
  messages: string[];
  /** Plain-language why, for the lesson's matrix. */
  reason: string;
}

function plain(level: CompatibilityLevel, ok: boolean, versions: (number | null)[]): string {
  const { direction, transitive } = levelRule(level);
  if (direction === 'none') return 'NONE checks nothing: any schema is accepted.';
  const against =
    versions.length === 0
      ? 'no earlier version'
      : transitive
        ? `every version (${versions.join(', ')})`
        : `the latest version (${versions[0]})`;
  const what =
    direction === 'canRead'
      ? 'the new schema can read data written with'
      : direction === 'canBeRead'
        ? 'data written with the new schema can be read by'
        : 'the new schema and';
  if (direction === 'mutualRead') {
    return ok
      ? `the new schema and ${against} can each read the other's data`
      : `the new schema and ${against} cannot both read each other's data`;
  }
  return ok ? `${what} ${against}` : `not every check passes: ${what} ${against} fails`;
}

/**
 * The compatibility matrix of a candidate against a subject's version history: which of the seven levels accept
 * it, and why not. `history` is chronological (version 1 first), deleted versions left out as the registry does.
 */
export function compatibilityMatrix(candidate: ParsedSchema, history: PreviousSchema[]): LevelVerdict[] {
  return COMPATIBILITY_LEVELS.map((level) => {
    const messages = compatibilityMessages(level, candidate, history);
    const { direction, transitive } = levelRule(level);
    const newestFirst = [...history].reverse();
    const checked =
      direction === 'none' ? [] : (transitive ? newestFirst : newestFirst.slice(0, 1)).map((h) => h.version);
    const ok = messages.length === 0;
    return { level, compatible: ok, checkedVersions: checked, messages, reason: plain(level, ok, checked) };
  });
}
