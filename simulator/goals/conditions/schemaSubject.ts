// { kind: 'schemaSubject', subject: 'orders-value', atLeast: 2, latestFields: ['currency'], compatibility: 'BACKWARD' }
// — a Schema Registry subject: how many live (not soft-deleted) versions it has, which fields its latest Avro
// record schema declares, and the compatibility level its new versions are checked at (subject, else global).
import { compare, describeComparison, requireStrings, validateComparison } from '../params';
import type { ConditionKind } from '../types';

const LEVELS = [
  'NONE',
  'BACKWARD',
  'BACKWARD_TRANSITIVE',
  'FORWARD',
  'FORWARD_TRANSITIVE',
  'FULL',
  'FULL_TRANSITIVE',
];

function avroFieldNames(schema: string): string[] {
  try {
    const node = JSON.parse(schema) as { fields?: Array<{ name?: unknown }> };
    return Array.isArray(node.fields) ? node.fields.map((f) => String(f.name)) : [];
  } catch {
    return [];
  }
}

export const schemaSubject: ConditionKind = {
  kind: 'schemaSubject',
  params:
    'subject; equals / atLeast / atMost (live versions); optional latestFields (field names), compatibility (level)',
  validate: (c) => {
    const missing = requireStrings(c, 'subject') ?? validateComparison(c);
    if (missing) return missing;
    if (
      c.latestFields !== undefined &&
      !(Array.isArray(c.latestFields) && c.latestFields.every((f) => typeof f === 'string'))
    )
      return 'latestFields must be a list of field names';
    if (c.compatibility !== undefined && !LEVELS.includes(c.compatibility as string))
      return `compatibility must be one of ${LEVELS.join(', ')}`;
    return null;
  },
  evaluate: (view, c) => {
    const s = view.schemaRegistry().subjects.find((x) => x.subject === c.subject);
    if (!s) return { met: false, detail: `subject ${c.subject} is not registered` };
    const live = s.versions.filter((v) => !v.deleted);
    const problems: string[] = [];
    if (!compare(live.length, c))
      problems.push(`${live.length} live versions (want ${describeComparison(c)})`);
    const fields = live.length > 0 ? avroFieldNames(live[live.length - 1].schema) : [];
    const missingFields = ((c.latestFields as string[] | undefined) ?? []).filter((f) => !fields.includes(f));
    if (missingFields.length > 0)
      problems.push(
        `latest version lacks ${missingFields.join(', ')} (has ${fields.join(', ') || 'no fields'})`,
      );
    if (c.compatibility !== undefined && s.compatibility !== c.compatibility)
      problems.push(`compatibility is ${s.compatibility} (want ${c.compatibility})`);
    return {
      met: problems.length === 0,
      detail:
        problems.length === 0
          ? `${c.subject}: ${live.length} versions, latest fields ${fields.join(', ')}, ${s.compatibility}`
          : `${c.subject}: ${problems.join('; ')}`,
    };
  },
};
