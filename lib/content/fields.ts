// A tiny kit for the content schemas: each reader checks one field and throws a ContentError that names the
// file and the field, so a broken content file fails the build (and the content tests) with where to look.

export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly field: string | null,
    problem: string,
  ) {
    super(`${file}: ${field ? `${field} ` : ''}${problem}`);
    this.name = 'ContentError';
  }
}

export type Obj = Record<string, unknown>;

/** Where a value sits in a file, for messages: the file plus a dotted/indexed path inside it. */
export type At = { file: string; path: string };

export const at = (file: string, path = ''): At => ({ file, path });
export const child = (where: At, key: string | number): At => ({
  file: where.file,
  path: typeof key === 'number' ? `${where.path}[${key}]` : where.path ? `${where.path}.${key}` : key,
});

export function fail(where: At, problem: string): never {
  throw new ContentError(where.file, where.path || null, problem);
}

export function object(where: At, value: unknown, allowed?: readonly string[]): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(where, 'must be an object');
  const obj = value as Obj;
  if (allowed) {
    for (const key of Object.keys(obj)) {
      if (!allowed.includes(key))
        fail(child(where, key), `is not a field of this kind of file (allowed: ${allowed.join(', ')})`);
    }
  }
  return obj;
}

export function text(where: At, value: unknown): string {
  if (typeof value !== 'string' || value.trim().length === 0) fail(where, 'must be a non-empty string');
  return value;
}

export function optionalText(where: At, value: unknown): string | undefined {
  return value === undefined ? undefined : text(where, value);
}

export function integer(where: At, value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(
      where,
      `must be a whole number from ${min}${max === Number.MAX_SAFE_INTEGER ? ' up' : ` to ${max}`}`,
    );
  }
  return value;
}

export function list(where: At, value: unknown, min = 0): unknown[] {
  if (!Array.isArray(value)) fail(where, 'must be a list');
  if (value.length < min) fail(where, `must have at least ${min} ${min === 1 ? 'entry' : 'entries'}`);
  return value;
}

export function textList(where: At, value: unknown, min = 0): string[] {
  return list(where, value, min).map((item, index) => text(child(where, index), item));
}

/** A list of texts with no repeats (ids, labels, options). */
export function distinct(where: At, values: readonly string[]): void {
  const seen = new Set<string>();
  for (const [index, value] of values.entries()) {
    if (seen.has(value)) fail(child(where, index), `repeats ${JSON.stringify(value)}`);
    seen.add(value);
  }
}

/** The id rule for content: lower-case words joined by hyphens (it becomes a URL or a file name). */
export const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function id(where: At, value: unknown): string {
  const s = text(where, value);
  if (!ID.test(s)) fail(where, `must be lower-case words joined by hyphens, not ${JSON.stringify(s)}`);
  return s;
}
