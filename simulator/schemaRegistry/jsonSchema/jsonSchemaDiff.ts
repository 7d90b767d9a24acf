// JSON Schema compatibility: the registry's own rule table (`json/diff/SchemaDiff`, `ObjectSchemaDiff`,
// `ArraySchemaDiff`, `StringSchemaDiff`, `NumberSchemaDiff`, `CombinedSchemaDiff`, `EnumSchemaDiff`,
// `ConstSchemaDiff`, `NotSchemaDiff`; Schema Registry 7.9, STRICT policy). `compareJsonSchemas(original, update)`
// lists every difference; those outside `JSON_COMPATIBLE_CHANGES` make `update` unable to read what `original`
// allowed. The content model decides what adding or removing a property means: *open* (additional properties
// allowed, no pattern/typed additionalProperties), *closed* (`additionalProperties: false`), *partially open*.
import { type JsonNode, stableJson } from './jsonSchemaModel';

export const JSON_COMPATIBLE_CHANGES: ReadonlySet<string> = new Set([
  'ID_CHANGED',
  'DESCRIPTION_CHANGED',
  'TITLE_CHANGED',
  'DEFAULT_CHANGED',
  'SCHEMA_REMOVED',
  'TYPE_EXTENDED',
  'MAX_LENGTH_INCREASED',
  'MAX_LENGTH_REMOVED',
  'MIN_LENGTH_DECREASED',
  'MIN_LENGTH_REMOVED',
  'PATTERN_REMOVED',
  'MAXIMUM_INCREASED',
  'MAXIMUM_REMOVED',
  'MINIMUM_DECREASED',
  'MINIMUM_REMOVED',
  'EXCLUSIVE_MAXIMUM_INCREASED',
  'EXCLUSIVE_MAXIMUM_REMOVED',
  'EXCLUSIVE_MINIMUM_DECREASED',
  'EXCLUSIVE_MINIMUM_REMOVED',
  'MULTIPLE_OF_REDUCED',
  'MULTIPLE_OF_REMOVED',
  'REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED',
  'REQUIRED_ATTRIBUTE_REMOVED',
  'DEPENDENCY_ARRAY_NARROWED',
  'DEPENDENCY_ARRAY_REMOVED',
  'DEPENDENCY_SCHEMA_REMOVED',
  'MAX_PROPERTIES_INCREASED',
  'MAX_PROPERTIES_REMOVED',
  'MIN_PROPERTIES_DECREASED',
  'MIN_PROPERTIES_REMOVED',
  'ADDITIONAL_PROPERTIES_ADDED',
  'ADDITIONAL_PROPERTIES_EXTENDED',
  'PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL',
  'REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL',
  'OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL',
  'PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL',
  'PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL',
  'PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
  'PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
  'MAX_ITEMS_INCREASED',
  'MAX_ITEMS_REMOVED',
  'MIN_ITEMS_DECREASED',
  'MIN_ITEMS_REMOVED',
  'UNIQUE_ITEMS_REMOVED',
  'ADDITIONAL_ITEMS_ADDED',
  'ADDITIONAL_ITEMS_EXTENDED',
  'ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL',
  'ITEM_ADDED_TO_CLOSED_CONTENT_MODEL',
  'ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL',
  'ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL',
  'ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
  'ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
  'ENUM_ARRAY_EXTENDED',
  'COMBINED_TYPE_EXTENDED',
  'PRODUCT_TYPE_NARROWED',
  'SUM_TYPE_EXTENDED',
  'NOT_TYPE_NARROWED',
]);

export interface JsonDifference {
  type: string;
  /** `#/properties/foo` style path (`Context.jsonPathString`). */
  path: string;
}

class Ctx {
  readonly path: string[];
  readonly diffs: JsonDifference[] = [];
  readonly inProgress: Set<JsonNode>;
  constructor(path: string[] = [], inProgress: Set<JsonNode> = new Set()) {
    this.path = [...path];
    this.inProgress = new Set(inProgress);
  }
  sub(): Ctx {
    return new Ctx(this.path, this.inProgress);
  }
  add(type: string, attribute?: string): void {
    const p = attribute ? [...this.path, attribute] : this.path;
    this.diffs.push({ type, path: `#/${p.join('/')}` });
  }
  addAll(diffs: JsonDifference[]): void {
    this.diffs.push(...diffs);
  }
  compatible(): boolean {
    return this.diffs.every((d) => JSON_COMPATIBLE_CHANGES.has(d.type));
  }
  inPath(segment: string, f: () => void): void {
    this.path.push(segment);
    try {
      f();
    } finally {
      this.path.pop();
    }
  }
}

type Of<K extends JsonNode['kind']> = Extract<JsonNode, { kind: K }>;

function sameClass(a: JsonNode, b: JsonNode): boolean {
  if (a.kind === 'empty' && b.kind === 'empty') return a.isTrue === b.isTrue;
  return a.kind === b.kind;
}

function compare(ctx: Ctx, original: JsonNode | null, update: JsonNode | null): void {
  if (!original && !update) return;
  if (!original) {
    ctx.add('SCHEMA_ADDED');
    return;
  }
  if (!update) {
    ctx.add('SCHEMA_REMOVED');
    return;
  }
  if (original.kind !== 'combined' && update.kind === 'combined') {
    if (update.subschemas.length === 1) {
      const sub = ctx.sub();
      compare(sub, original, update.subschemas[0]);
      if (sub.compatible()) {
        ctx.addAll(sub.diffs);
        return;
      }
    } else if (update.criterion === 'anyOf' || update.criterion === 'oneOf') {
      for (const s of update.subschemas) {
        const sub = ctx.sub();
        compare(sub, original, s);
        if (sub.compatible()) {
          ctx.addAll(sub.diffs);
          ctx.add('SUM_TYPE_EXTENDED');
          return;
        }
      }
    }
  } else if (original.kind === 'combined' && update.kind !== 'combined') {
    if (original.subschemas.length === 1) {
      const sub = ctx.sub();
      compare(sub, original.subschemas[0], update);
      if (sub.compatible()) {
        ctx.addAll(sub.diffs);
        return;
      }
    } else if (original.criterion === 'allOf') {
      for (const s of original.subschemas) {
        const sub = ctx.sub();
        compare(sub, s, update);
        if (sub.compatible()) {
          ctx.addAll(sub.diffs);
          ctx.add('PRODUCT_TYPE_NARROWED');
          return;
        }
      }
    }
  }
  if (!(sameClass(original, update) || (original.kind === 'combined' && update.kind === 'combined'))) {
    if (original.kind !== 'false' && update.kind !== 'empty') ctx.add('TYPE_CHANGED');
    return;
  }
  if (ctx.inProgress.has(original)) return;
  ctx.inProgress.add(original);
  const om = original.meta;
  const um = update.meta;
  if (om.id !== um.id) ctx.add('ID_CHANGED');
  if (om.title !== um.title) ctx.add('TITLE_CHANGED');
  if (om.description !== um.description) ctx.add('DESCRIPTION_CHANGED');
  if (om.hasDefault !== um.hasDefault || stableJson(om.default) !== stableJson(um.default))
    ctx.add('DEFAULT_CHANGED');
  switch (original.kind) {
    case 'string':
      compareString(ctx, original, update as Of<'string'>);
      break;
    case 'number':
      compareNumber(ctx, original, update as Of<'number'>);
      break;
    case 'const':
      if (stableJson(original.value) !== stableJson((update as Of<'const'>).value))
        ctx.add('ENUM_ARRAY_CHANGED', 'const');
      break;
    case 'enum':
      compareEnum(ctx, original, update as Of<'enum'>);
      break;
    case 'combined':
      compareCombined(ctx, original, update as Of<'combined'>);
      break;
    case 'not':
      ctx.inPath('not', () => {
        const sub = ctx.sub();
        compare(sub, (update as Of<'not'>).schema, original.schema);
        ctx.add(sub.compatible() ? 'NOT_TYPE_NARROWED' : 'NOT_TYPE_EXTENDED');
      });
      break;
    case 'object':
      compareObject(ctx, original, update as Of<'object'>);
      break;
    case 'array':
      compareArray(ctx, original, update as Of<'array'>);
      break;
    default:
      break;
  }
  ctx.inProgress.delete(original);
}

/** Added/removed/increased/decreased for one numeric keyword (`maxLength`, `minimum`, `maxItems`, …). */
function compareLimit(
  ctx: Ctx,
  keyword: string,
  prefix: string,
  o: number | undefined,
  u: number | undefined,
): void {
  if (o === u) return;
  if (o === undefined) ctx.add(`${prefix}_ADDED`, keyword);
  else if (u === undefined) ctx.add(`${prefix}_REMOVED`, keyword);
  else if (o < u) ctx.add(`${prefix}_INCREASED`, keyword);
  else if (o > u) ctx.add(`${prefix}_DECREASED`, keyword);
}

function compareString(ctx: Ctx, o: Of<'string'>, u: Of<'string'>): void {
  compareLimit(ctx, 'maxLength', 'MAX_LENGTH', o.maxLength, u.maxLength);
  compareLimit(ctx, 'minLength', 'MIN_LENGTH', o.minLength, u.minLength);
  if (o.pattern === undefined && u.pattern !== undefined) ctx.add('PATTERN_ADDED', 'pattern');
  else if (o.pattern !== undefined && u.pattern === undefined) ctx.add('PATTERN_REMOVED', 'pattern');
  else if (o.pattern !== u.pattern) ctx.add('PATTERN_CHANGED', 'pattern');
}

function compareNumber(ctx: Ctx, o: Of<'number'>, u: Of<'number'>): void {
  compareLimit(ctx, 'maximum', 'MAXIMUM', o.maximum, u.maximum);
  compareLimit(ctx, 'minimum', 'MINIMUM', o.minimum, u.minimum);
  compareLimit(ctx, 'exclusiveMaximum', 'EXCLUSIVE_MAXIMUM', o.exclusiveMaximum, u.exclusiveMaximum);
  compareLimit(ctx, 'exclusiveMinimum', 'EXCLUSIVE_MINIMUM', o.exclusiveMinimum, u.exclusiveMinimum);
  if (o.multipleOf !== u.multipleOf) {
    if (o.multipleOf === undefined) ctx.add('MULTIPLE_OF_ADDED', 'multipleOf');
    else if (u.multipleOf === undefined) ctx.add('MULTIPLE_OF_REMOVED', 'multipleOf');
    else if (Math.trunc(u.multipleOf) % Math.trunc(o.multipleOf) === 0)
      ctx.add('MULTIPLE_OF_EXPANDED', 'multipleOf');
    else if (Math.trunc(o.multipleOf) % Math.trunc(u.multipleOf) === 0)
      ctx.add('MULTIPLE_OF_REDUCED', 'multipleOf');
    else ctx.add('MULTIPLE_OF_CHANGED', 'multipleOf');
  }
  if (o.integer !== u.integer) ctx.add(o.integer ? 'TYPE_EXTENDED' : 'TYPE_NARROWED');
}

function compareEnum(ctx: Ctx, o: Of<'enum'>, u: Of<'enum'>): void {
  const os = new Set(o.values.map(stableJson));
  const us = new Set(u.values.map(stableJson));
  const same = os.size === us.size && [...os].every((v) => us.has(v));
  if (same) return;
  if ([...os].every((v) => us.has(v))) ctx.add('ENUM_ARRAY_EXTENDED', 'enum');
  else if ([...us].every((v) => os.has(v))) ctx.add('ENUM_ARRAY_NARROWED', 'enum');
  else ctx.add('ENUM_ARRAY_CHANGED', 'enum');
}

function compareCombined(ctx: Ctx, o: Of<'combined'>, u: Of<'combined'>): void {
  let criteria: string | null = null;
  if (o.criterion !== u.criterion) {
    const single = (c: Of<'combined'>) => c.subschemas.length === 1;
    criteria =
      u.criterion === 'anyOf' ||
      (single(o) && single(u)) ||
      (single(o) && u.criterion === 'oneOf') ||
      (single(u) && o.criterion === 'allOf')
        ? 'COMBINED_TYPE_EXTENDED'
        : 'COMBINED_TYPE_CHANGED';
    ctx.add(criteria);
  }
  if (criteria === 'COMBINED_TYPE_CHANGED') return;
  const dedupe = (c: Of<'combined'>) => {
    const seen = new Set<string>();
    return c.subschemas.filter((_, i) => !seen.has(c.keys[i]) && seen.add(c.keys[i]));
  };
  const os = dedupe(o);
  const us = dedupe(u);
  if (os.length < us.length) ctx.add(u.criterion === 'allOf' ? 'PRODUCT_TYPE_EXTENDED' : 'SUM_TYPE_EXTENDED');
  else if (os.length > us.length)
    ctx.add(o.criterion === 'allOf' ? 'PRODUCT_TYPE_NARROWED' : 'SUM_TYPE_NARROWED');
  // Compatible pairs (original sub-schema → update sub-schema), then a maximum matching (`MaximumCardinalityMatch`).
  const edges: JsonDifference[][][] = os.map(() => us.map(() => null as unknown as JsonDifference[]));
  os.forEach((osub, i) => {
    ctx.inPath(`${o.criterion}/${i}`, () => {
      us.forEach((usub, j) => {
        const sub = ctx.sub();
        compare(sub, osub, usub);
        if (sub.compatible()) edges[i][j] = sub.diffs;
      });
    });
  });
  const matchOfUpdate: number[] = us.map(() => -1);
  const tryAssign = (i: number, seen: boolean[]): boolean => {
    for (let j = 0; j < us.length; j++) {
      if (!edges[i][j] || seen[j]) continue;
      seen[j] = true;
      if (matchOfUpdate[j] < 0 || tryAssign(matchOfUpdate[j], seen)) {
        matchOfUpdate[j] = i;
        return true;
      }
    }
    return false;
  };
  let matched = 0;
  for (let i = 0; i < os.length; i++)
    if (
      tryAssign(
        i,
        us.map(() => false),
      )
    )
      matched++;
  matchOfUpdate.forEach((i, j) => {
    if (i >= 0) ctx.addAll(edges[i][j]);
  });
  if (matched < Math.min(os.length, us.length)) ctx.add('COMBINED_TYPE_SUBSCHEMAS_CHANGED');
}

function isOpenObject(s: Of<'object'>): boolean {
  return s.patternProperties.length === 0 && s.additionalSchema === null && s.permitsAdditional;
}

function partialSchemaFor(s: Of<'object'>, key: string): JsonNode | null {
  for (const [pattern, schema] of s.patternProperties) {
    if (new RegExp(pattern, 'u').test(key)) return schema;
  }
  return s.additionalSchema;
}

function compareObject(ctx: Ctx, o: Of<'object'>, u: Of<'object'>): void {
  const oProps = new Map(o.properties);
  const uProps = new Map(u.properties);
  ctx.inPath('required', () => {
    for (const key of oProps.keys()) {
      if (!uProps.has(key)) continue;
      ctx.inPath(key, () => {
        const or = o.required.includes(key);
        const ur = u.required.includes(key);
        if (or && !ur) ctx.add('REQUIRED_ATTRIBUTE_REMOVED');
        else if (!or && ur)
          ctx.add(
            uProps.get(key)?.meta.hasDefault
              ? 'REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED'
              : 'REQUIRED_ATTRIBUTE_ADDED',
          );
      });
    }
  });
  ctx.inPath('properties', () => {
    for (const key of unionKeys(oProps.keys(), uProps.keys())) {
      ctx.inPath(key, () => {
        const os = oProps.get(key);
        const us = uProps.get(key);
        if (!us) {
          if (isOpenObject(u)) return ctx.add('PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL');
          const partial = partialSchemaFor(u, key);
          if (partial) {
            const sub = ctx.sub();
            compare(sub, os ?? null, partial);
            ctx.addAll(sub.diffs);
            ctx.add(
              sub.compatible()
                ? 'PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL'
                : 'PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
            );
          } else {
            ctx.add(
              os?.kind === 'false'
                ? 'PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL'
                : 'PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL',
            );
          }
        } else if (!os) {
          if (isOpenObject(o)) {
            return ctx.add(
              us.kind === 'empty'
                ? 'PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL'
                : 'PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL',
            );
          }
          const partial = partialSchemaFor(o, key);
          if (partial) {
            const sub = ctx.sub();
            compare(sub, partial, us);
            ctx.addAll(sub.diffs);
            ctx.add(
              sub.compatible()
                ? 'PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL'
                : 'PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
            );
          }
          if (u.required.includes(key)) {
            ctx.add(
              us.meta.hasDefault
                ? 'REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL'
                : 'REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL',
            );
          } else {
            ctx.add('OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL');
          }
        } else {
          compare(ctx, os, us);
        }
      });
    }
  });
  ctx.inPath('dependencies', () => {
    const od = new Map(o.propertyDependencies);
    const ud = new Map(u.propertyDependencies);
    for (const key of unionKeys(od.keys(), ud.keys())) {
      ctx.inPath(key, () => {
        const a = od.get(key);
        const b = ud.get(key);
        if (!b) ctx.add('DEPENDENCY_ARRAY_REMOVED');
        else if (!a) ctx.add('DEPENDENCY_ARRAY_ADDED');
        else {
          const aInB = a.every((x) => b.includes(x));
          const bInA = b.every((x) => a.includes(x));
          if (!(aInB && bInA)) {
            if (aInB) ctx.add('DEPENDENCY_ARRAY_EXTENDED');
            else if (bInA) ctx.add('DEPENDENCY_ARRAY_NARROWED');
            else ctx.add('DEPENDENCY_ARRAY_CHANGED');
          }
        }
      });
    }
    const os = new Map(o.schemaDependencies);
    const us = new Map(u.schemaDependencies);
    for (const key of unionKeys(os.keys(), us.keys())) {
      ctx.inPath(key, () => {
        const a = os.get(key);
        const b = us.get(key);
        if (!b) ctx.add('DEPENDENCY_SCHEMA_REMOVED');
        else if (!a) ctx.add('DEPENDENCY_SCHEMA_ADDED');
        else compare(ctx, a, b);
      });
    }
  });
  ctx.inPath('additionalProperties', () => {
    if (o.permitsAdditional !== u.permitsAdditional) {
      ctx.add(u.permitsAdditional ? 'ADDITIONAL_PROPERTIES_ADDED' : 'ADDITIONAL_PROPERTIES_REMOVED');
    } else if (o.additionalSchema === null && u.additionalSchema !== null) {
      ctx.add('ADDITIONAL_PROPERTIES_NARROWED');
    } else if (u.additionalSchema === null && o.additionalSchema !== null) {
      ctx.add('ADDITIONAL_PROPERTIES_EXTENDED');
    } else {
      compare(ctx, o.additionalSchema, u.additionalSchema);
    }
  });
  compareLimit(ctx, 'maxProperties', 'MAX_PROPERTIES', o.maxProperties, u.maxProperties);
  compareLimit(ctx, 'minProperties', 'MIN_PROPERTIES', o.minProperties, u.minProperties);
}

function isOpenArray(s: Of<'array'>): boolean {
  return s.additionalItemsSchema === null && s.permitsAdditionalItems;
}

function compareArray(ctx: Ctx, o: Of<'array'>, u: Of<'array'>): void {
  ctx.inPath('items', () => compare(ctx, o.allItems, u.allItems));
  const oi = o.itemSchemas ?? [];
  const ui = u.itemSchemas ?? [];
  const common = Math.min(oi.length, ui.length);
  for (let i = 0; i < common; i++) ctx.inPath(`items/${i}`, () => compare(ctx, oi[i], ui[i]));
  for (let i = common; i < oi.length; i++) {
    ctx.inPath(`items/${i}`, () => {
      if (isOpenArray(u)) return ctx.add('ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL');
      if (u.additionalItemsSchema) {
        const sub = ctx.sub();
        compare(sub, oi[i], u.additionalItemsSchema);
        ctx.addAll(sub.diffs);
        ctx.add(
          sub.compatible()
            ? 'ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL'
            : 'ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
        );
      } else {
        ctx.add(
          oi[i].kind === 'false'
            ? 'ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL'
            : 'ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL',
        );
      }
    });
  }
  for (let i = common; i < ui.length; i++) {
    ctx.inPath(`items/${i}`, () => {
      if (isOpenArray(o)) {
        return ctx.add(
          ui[i].kind === 'empty'
            ? 'ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL'
            : 'ITEM_ADDED_TO_OPEN_CONTENT_MODEL',
        );
      }
      if (o.additionalItemsSchema) {
        const sub = ctx.sub();
        compare(sub, o.additionalItemsSchema, ui[i]);
        ctx.addAll(sub.diffs);
        ctx.add(
          sub.compatible()
            ? 'ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL'
            : 'ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
        );
      } else {
        ctx.add('ITEM_ADDED_TO_CLOSED_CONTENT_MODEL');
      }
    });
  }
  ctx.inPath('additionalItems', () => {
    if (o.permitsAdditionalItems !== u.permitsAdditionalItems) {
      ctx.add(o.permitsAdditionalItems ? 'ADDITIONAL_ITEMS_REMOVED' : 'ADDITIONAL_ITEMS_ADDED');
    } else if (o.additionalItemsSchema === null && u.additionalItemsSchema !== null) {
      ctx.add('ADDITIONAL_ITEMS_NARROWED');
    } else if (u.additionalItemsSchema === null && o.additionalItemsSchema !== null) {
      ctx.add('ADDITIONAL_ITEMS_EXTENDED');
    } else {
      compare(ctx, o.additionalItemsSchema, u.additionalItemsSchema);
    }
  });
  compareLimit(ctx, 'maxItems', 'MAX_ITEMS', o.maxItems, u.maxItems);
  compareLimit(ctx, 'minItems', 'MIN_ITEMS', o.minItems, u.minItems);
  if (o.uniqueItems !== u.uniqueItems)
    ctx.add(o.uniqueItems ? 'UNIQUE_ITEMS_REMOVED' : 'UNIQUE_ITEMS_ADDED', 'uniqueItems');
}

function unionKeys<K>(a: Iterable<K>, b: Iterable<K>): K[] {
  const out = [...a];
  for (const k of b) if (!out.includes(k)) out.push(k);
  return out;
}

/** `SchemaDiff.compare(original, update)`: every difference, compatible or not. */
export function compareJsonSchemas(original: JsonNode, update: JsonNode): JsonDifference[] {
  const ctx = new Ctx();
  compare(ctx, original, update);
  return ctx.diffs;
}

const KEYWORD_ADDED_OR_REMOVED = new Set([
  'MAXIMUM_ADDED',
  'MINIMUM_ADDED',
  'EXCLUSIVE_MAXIMUM_ADDED',
  'EXCLUSIVE_MINIMUM_ADDED',
  'MULTIPLE_OF_ADDED',
  'MAX_LENGTH_ADDED',
  'MIN_LENGTH_ADDED',
  'PATTERN_ADDED',
  'REQUIRED_ATTRIBUTE_ADDED',
  'MAX_PROPERTIES_ADDED',
  'MIN_PROPERTIES_ADDED',
  'DEPENDENCY_ARRAY_ADDED',
  'DEPENDENCY_SCHEMA_ADDED',
  'MAX_ITEMS_ADDED',
  'MIN_ITEMS_ADDED',
  'UNIQUE_ITEMS_ADDED',
  'ADDITIONAL_ITEMS_REMOVED',
  'ADDITIONAL_PROPERTIES_REMOVED',
]);
const VALUE_INCREASED = new Set([
  'MIN_LENGTH_INCREASED',
  'MINIMUM_INCREASED',
  'EXCLUSIVE_MINIMUM_INCREASED',
  'MIN_PROPERTIES_INCREASED',
  'MULTIPLE_OF_EXPANDED',
  'MIN_ITEMS_INCREASED',
]);
const VALUE_DECREASED = new Set([
  'MAX_LENGTH_DECREASED',
  'MAXIMUM_DECREASED',
  'MAX_ITEMS_DECREASED',
  'EXCLUSIVE_MAXIMUM_DECREASED',
  'MAX_PROPERTIES_DECREASED',
]);
const VALUE_CHANGED = new Set(['PATTERN_CHANGED', 'MULTIPLE_OF_CHANGED', 'DEPENDENCY_ARRAY_CHANGED']);
const TYPE_NARROWED = new Set([
  'ADDITIONAL_ITEMS_NARROWED',
  'ENUM_ARRAY_NARROWED',
  'SUM_TYPE_NARROWED',
  'ADDITIONAL_PROPERTIES_NARROWED',
]);
const TYPE_EXTENDED = new Set([
  'DEPENDENCY_ARRAY_EXTENDED',
  'PRODUCT_TYPE_EXTENDED',
  'SUM_TYPE_EXTENDED',
  'NOT_TYPE_EXTENDED',
]);
const TYPE_CHANGED = new Set([
  'TYPE_CHANGED',
  'TYPE_NARROWED',
  'COMBINED_TYPE_CHANGED',
  'COMBINED_TYPE_SUBSCHEMAS_CHANGED',
  'ENUM_ARRAY_CHANGED',
]);

/** The registry's wording (`json/diff/Difference.toString`, including its closing `'}` quirk). */
export function jsonDifferenceText(d: JsonDifference): string {
  const p = d.path;
  const t = d.type;
  let message = '';
  if (KEYWORD_ADDED_OR_REMOVED.has(t))
    message = `The keyword at path '${p}' in the %s schema is not present in the %s schema`;
  else if (VALUE_INCREASED.has(t))
    message = `The value at path '${p}' in the %s schema is more than its value in the %s schema`;
  else if (VALUE_DECREASED.has(t))
    message = `The value at path '${p}' in the %s schema is less than its value in the %s schema`;
  else if (VALUE_CHANGED.has(t))
    message = `The value at path '${p}' is different between the %s and %s schema`;
  else if (TYPE_NARROWED.has(t))
    message = `An array or combined type at path '${p}' has fewer elements in the %s schema than the %s schema`;
  else if (TYPE_EXTENDED.has(t))
    message = `An array or combined type at path '${p}' has more elements in the %s schema than the %s schema`;
  else if (TYPE_CHANGED.has(t))
    message = `A type at path '${p}' is different between the %s schema and the %s schema`;
  else if (t === 'PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL' || t === 'ITEM_ADDED_TO_OPEN_CONTENT_MODEL')
    message = `The %s schema has an open content model and has a property or item at path '${p}' which is missing in the %s schema`;
  else if (t === 'REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL')
    message = `The %s schema has an unopen content model and has a required property at path '${p}' which is missing in the %s schema`;
  else if (
    t === 'PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL' ||
    t === 'ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL'
  )
    message = `The %s has a closed content model and is missing a property or item present at path '${p}' in the %s schema`;
  else if (
    t === 'PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL' ||
    t === 'ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL'
  )
    message = `A property or item is missing in the %s schema but present at path '${p}' in the %s schema and is not covered by its partially open content model`;
  else if (
    t === 'PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL' ||
    t === 'ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL'
  )
    message = `The %s schema has a property or item at path '${p}' which is missing in the %s schema and is not covered by its partially open content model`;
  return `{errorType:"${t}", description:"${message}'}`;
}

/** `JsonSchema.isBackwardCompatible(previous)`: message templates of the incompatible differences. */
export function jsonBackwardMessages(update: JsonNode, previous: JsonNode): string[] {
  try {
    return compareJsonSchemas(previous, update)
      .filter((d) => !JSON_COMPATIBLE_CHANGES.has(d.type))
      .map(jsonDifferenceText);
  } catch (e) {
    return [`Unexpected exception during compatibility check: ${(e as Error).message}`];
  }
}
