// The registry's operations as pure functions over `RegistryState` (`KafkaSchemaRegistry` 7.9): each one either
// refuses with the registry's error (state untouched) or returns the `_schemas` records it writes, the state those
// records give, the events to narrate and the response body.
import { compatibilityMessages, type PreviousSchema } from './compatibility';
import { type RestError, restErrors } from './errors';
import type { Formats } from './formats';
import { type ParsedSchema, parseSchema } from './parsedSchema';
import {
  applySchemasRecords,
  configRecord,
  deleteSubjectRecord,
  modeRecord,
  schemaRecord,
  schemaTombstone,
} from './schemasTopic';
import type {
  CompatibilityLevel,
  RegistryEvent,
  RegistryMode,
  RegistryState,
  SchemaReference,
  SchemasTopicRecord,
  SchemaType,
  SchemaVersionEntry,
} from './types';
import { COMPATIBILITY_LEVELS, REGISTRY_MODES, SCHEMA_TYPES } from './types';

export type Outcome =
  | { ok: true; body: unknown; state: RegistryState; events: RegistryEvent[]; records: SchemasTopicRecord[] }
  | { ok: false; error: RestError; events?: RegistryEvent[] };

function done(
  state: RegistryState,
  body: unknown,
  records: SchemasTopicRecord[] = [],
  events: RegistryEvent[] = [],
): Outcome {
  return { ok: true, body, state: applySchemasRecords(state, records), events, records };
}
const fail = (error: RestError, events?: RegistryEvent[]): Outcome => ({
  ok: false,
  error,
  ...(events ? { events } : {}),
});

// --- reading (store.ts, re-exported) ---
export {
  effectiveCompatibility,
  effectiveMode,
  latestVersion,
  listSubjects,
  schemaById,
  subjectVersions,
} from './store';

import {
  effectiveCompatibility,
  effectiveMode,
  latestVersion,
  listSubjects,
  schemaById,
  subjectVersions,
} from './store';

const sameRefs = (a: SchemaReference[], b: SchemaReference[]) => JSON.stringify(a) === JSON.stringify(b);

/** The id the registry already gave this exact schema (any subject, soft-deleted versions included). */
export function existingIdFor(
  state: RegistryState,
  schemaType: SchemaType,
  canonical: string,
  references: SchemaReference[],
): number | null {
  const hit = state.schemas.find(
    (s) => s.schemaType === schemaType && s.schema === canonical && sameRefs(s.references, references),
  );
  return hit ? hit.id : null;
}

/** Entity JSON of one version (`Schema`, NON_EMPTY: no `schemaType` for AVRO, no empty `references`). */
export function versionBody(entry: SchemaVersionEntry): Record<string, unknown> {
  return {
    subject: entry.subject,
    version: entry.version,
    id: entry.id,
    ...(entry.schemaType !== 'AVRO' ? { schemaType: entry.schemaType } : {}),
    ...(entry.references.length > 0 ? { references: entry.references } : {}),
    schema: entry.schema,
  };
}

// --- requests ---

export interface RegisterRequest {
  schema?: string | null;
  schemaType?: string | null;
  references?: SchemaReference[] | null;
  version?: number | null;
  id?: number | null;
}

/** The text of the `Schema` entity in the registry's 42201 message (`Schema.toString()`, 7.9). */
function schemaEntityText(subject: string, req: RegisterRequest, schemaType: string): string {
  const refs = `[${(req.references ?? []).map((r) => `{name='${r.name}', subject='${r.subject}', version=${r.version}}`).join(', ')}]`;
  return `{subject=${subject},version=${req.version ?? 0},id=${req.id ?? -1},schemaType=${schemaType},references=${refs},metadata=null,ruleSet=null,schema=${req.schema},schemaTags=null}`;
}

function parseRequest(
  formats: Formats,
  subject: string,
  req: RegisterRequest,
):
  | { ok: true; parsed: ParsedSchema; schemaType: SchemaType; references: SchemaReference[] }
  | { ok: false; error: RestError } {
  const schemaType = (req.schemaType ?? 'AVRO').toUpperCase();
  if (!SCHEMA_TYPES.includes(schemaType as SchemaType)) {
    return { ok: false, error: restErrors.invalidSchema(`Invalid schema type ${req.schemaType}`) };
  }
  const references = req.references ?? [];
  if (references.length > 0) {
    // Simplified: schema references (one subject's schema importing another's) are not simulated.
    return {
      ok: false,
      error: restErrors.invalidSchema('Schema references are not supported by this simulation'),
    };
  }
  const result = parseSchema(formats, schemaType as SchemaType, String(req.schema));
  if (!result.ok) {
    const refsText = '[]';
    return {
      ok: false,
      error: restErrors.invalidSchema(
        `Invalid schema ${schemaEntityText(subject, req, schemaType)} with refs ${refsText} of type ${schemaType}, details: ${result.message}`,
      ),
    };
  }
  return { ok: true, parsed: result.value, schemaType: schemaType as SchemaType, references };
}

/** Parsed history of a subject's live versions, oldest first (what the checker compares with). */
export function parsedHistory(formats: Formats, state: RegistryState, subject: string): PreviousSchema[] {
  return subjectVersions(state, subject).flatMap((e) => {
    const p = parseSchema(formats, e.schemaType, e.schema);
    return p.ok ? [{ parsed: p.value, version: e.version }] : [];
  });
}

/** The registry's compatibility messages plus its trailing `{validateFields…, compatibility…}` entry. */
function checkerMessages(
  level: CompatibilityLevel,
  parsed: ParsedSchema,
  history: PreviousSchema[],
): string[] {
  const messages = compatibilityMessages(level, parsed, history);
  return messages.length > 0 ? [...messages, `{validateFields: 'false', compatibility: '${level}'}`] : [];
}

/** `POST /subjects/{subject}/versions` (`registerOrForward` → `register`). */
export function registerSchema(
  formats: Formats,
  state: RegistryState,
  subject: string,
  req: RegisterRequest,
): Outcome {
  const mode = effectiveMode(state, subject);
  const live = subjectVersions(state, subject);
  const importing = req.id !== undefined && req.id !== null && req.id >= 0;
  let request = req;
  if (request.schema === undefined || request.schema === null || String(request.schema).trim() === '') {
    // `maybePopulateFromPrevious`: an empty schema re-registers the latest one (or is refused when there is none).
    const latest = live[live.length - 1];
    if (!latest) return fail(restErrors.invalidSchema('Empty schema'));
    request = {
      ...request,
      schema: latest.schema,
      schemaType: latest.schemaType,
      references: latest.references,
    };
  }
  const parsedReq = parseRequest(formats, subject, request);
  if (!parsedReq.ok) return fail(parsedReq.error);
  const { parsed, schemaType, references } = parsedReq;

  // `lookUpSchemaUnderSubject`: the same schema already under this subject → its id, before any mode check.
  const already = live.find(
    (e) => e.schemaType === schemaType && e.schema === parsed.canonical && sameRefs(e.references, references),
  );
  if (already && (!importing || req.id === already.id)) {
    return done(state, { id: already.id });
  }

  // `checkRegisterMode`.
  if (mode === 'READONLY' || mode === 'READONLY_OVERRIDE') {
    return fail(restErrors.operationNotPermitted(`Subject ${subject} is in read-only mode`));
  }
  if (importing && mode !== 'IMPORT') {
    return fail(restErrors.operationNotPermitted(`Subject ${subject} is not in import mode`));
  }
  if (!importing && mode !== 'READWRITE') {
    return fail(restErrors.operationNotPermitted(`Subject ${subject} is not in read-write mode`));
  }

  const all = subjectVersions(state, subject, true);
  const newVersion = all.length > 0 ? Math.max(...all.map((e) => e.version)) + 1 : 1;
  const knownId = existingIdFor(state, schemaType, parsed.canonical, references);

  if (mode !== 'IMPORT') {
    const level = effectiveCompatibility(state, subject);
    const history = parsedHistory(formats, state, subject);
    const messages = checkerMessages(level, parsed, history);
    if (messages.length > 0) {
      const error = restErrors.incompatibleSchema(subject, messages);
      return fail(error, [
        {
          type: 'schemaRefused',
          reason: `schema for ${subject} refused under ${level}: ${messages[0]}`,
          subject,
          errorCode: error.errorCode,
          messages,
        },
      ]);
    }
  }

  let id: number;
  if (importing) {
    const holder = schemaById(state, req.id as number);
    if (holder && !(holder.schemaType === schemaType && holder.schema === parsed.canonical)) {
      return fail(
        restErrors.operationNotPermitted(`Overwrite new schema with id ${req.id} is not permitted.`),
      );
    }
    id = req.id as number;
  } else {
    id = knownId ?? state.maxId + 1;
  }
  const version = importing && req.version ? req.version : newVersion;
  if (!importing && req.version && req.version !== newVersion) {
    return fail(restErrors.invalidSchema('Version is not one more than previous version'));
  }
  const records: SchemasTopicRecord[] = [];
  // A soft-deleted earlier version holding the same id is tombstoned (`register`, "Tombstone previous version").
  for (const d of all) {
    if (d.deleted && d.id === id && d.version < version) records.push(schemaTombstone(subject, d.version));
  }
  const entry: SchemaVersionEntry = {
    subject,
    version,
    id,
    schemaType,
    schema: parsed.canonical,
    references,
    deleted: false,
  };
  records.push(schemaRecord(entry));
  const level = effectiveCompatibility(state, subject);
  const reason =
    knownId !== null
      ? `${subject} version ${version} registered with the existing id ${id}: the same schema is already registered (ids are global)`
      : mode === 'IMPORT'
        ? `${subject} version ${version} imported with id ${id} (IMPORT mode skips compatibility checks)`
        : live.length === 0
          ? `${subject} version ${version} registered with new id ${id}: first version of the subject`
          : `${subject} version ${version} registered with new id ${id}: passes ${level} against ${level.endsWith('_TRANSITIVE') ? 'every earlier version' : `version ${live[live.length - 1].version}`}`;
  return done(state, { id }, records, [
    {
      type: 'schemaRegistered',
      reason,
      subject,
      version,
      id,
      schemaType,
      newId: knownId === null && !importing,
    },
  ]);
}

/** `POST /subjects/{subject}` (lookup). */
export function lookupSchema(
  formats: Formats,
  state: RegistryState,
  subject: string,
  req: RegisterRequest,
  includeDeleted = false,
): Outcome {
  const parsedReq = parseRequest(formats, subject, req);
  if (!parsedReq.ok) return fail(parsedReq.error);
  const versions = subjectVersions(state, subject, includeDeleted);
  const hit = versions
    .slice()
    .reverse()
    .find((e) => e.schemaType === parsedReq.schemaType && e.schema === parsedReq.parsed.canonical);
  if (hit) return done(state, versionBody(hit));
  if (versions.length === 0) return fail(restErrors.subjectNotFound(subject));
  return fail(restErrors.schemaNotFound());
}

/** `VersionId`: "latest" (or -1) or an integer ≥ 1; anything else is 42202. */
export function parseVersionId(
  text: string,
): { ok: true; version: number } | { ok: false; error: RestError } {
  const t = text.trim();
  if (t.toLowerCase() === 'latest') return { ok: true, version: -1 };
  const n = /^[+-]?\d+$/.test(t) ? Number(t) : Number.NaN;
  if (!Number.isInteger(n) || n > 2 ** 31 - 1 || n < -(2 ** 31))
    return { ok: false, error: restErrors.invalidVersion(text) };
  if (n <= 0 && n !== -1) return { ok: false, error: restErrors.invalidVersion(String(n)) };
  return { ok: true, version: n };
}

/** `KafkaSchemaRegistry.get(subject, version, returnDeleted)`; -1 = latest live version. */
export function getVersion(
  state: RegistryState,
  subject: string,
  version: number,
  includeDeleted: boolean,
): SchemaVersionEntry | null {
  if (version === -1) return latestVersion(state, subject);
  return (
    state.schemas.find(
      (s) => s.subject === subject && s.version === version && (includeDeleted || !s.deleted),
    ) ?? null
  );
}

/** `DELETE /subjects/{subject}/versions/{version}[?permanent=true]`. */
export function deleteVersion(
  state: RegistryState,
  subject: string,
  versionText: string,
  permanent: boolean,
): Outcome {
  const v = parseVersionId(versionText);
  if (!v.ok) return fail(v.error);
  if (
    getVersion(state, subject, v.version, true) &&
    !permanent &&
    !getVersion(state, subject, v.version, false)
  ) {
    return fail(restErrors.versionSoftDeleted(subject, versionText));
  }
  const entry = getVersion(state, subject, v.version, true);
  if (!entry) {
    return fail(
      subjectVersions(state, subject, true).length === 0
        ? restErrors.subjectNotFound(subject)
        : restErrors.versionNotFound(v.version),
    );
  }
  const mode = effectiveMode(state, subject);
  if (mode === 'READONLY' || mode === 'READONLY_OVERRIDE') {
    return fail(restErrors.operationNotPermitted(`Subject ${subject} is in read-only mode`));
  }
  if (permanent && !entry.deleted)
    return fail(restErrors.versionNotSoftDeleted(subject, String(entry.version)));
  if (permanent) {
    return done(
      state,
      entry.version,
      [schemaTombstone(subject, entry.version)],
      [
        {
          type: 'versionHardDeleted',
          reason: `${subject} version ${entry.version} permanently deleted: its _schemas record is tombstoned and compaction will drop it`,
          subject,
          version: entry.version,
        },
      ],
    );
  }
  const records: SchemasTopicRecord[] = [schemaRecord({ ...entry, deleted: true })];
  const remaining = subjectVersions(state, subject).filter((e) => e.version !== entry.version);
  if (remaining.length === 0) {
    // The last live version gone: the subject's own mode and config go too.
    if (state.subjectModes[subject]) records.push(modeRecord(subject, null));
    if (state.subjectCompatibility[subject]) records.push(configRecord(subject, null));
  }
  return done(state, entry.version, records, [
    {
      type: 'versionSoftDeleted',
      reason: `${subject} version ${entry.version} soft-deleted: hidden from reads and compatibility checks, but id ${entry.id} still resolves for consumers`,
      subject,
      version: entry.version,
    },
  ]);
}

/** `DELETE /subjects/{subject}[?permanent=true]`. */
export function deleteSubject(state: RegistryState, subject: string, permanent: boolean): Outcome {
  const all = subjectVersions(state, subject, true);
  if (all.length === 0) return fail(restErrors.subjectNotFound(subject));
  const live = subjectVersions(state, subject);
  if (!permanent && live.length === 0) return fail(restErrors.subjectSoftDeleted(subject));
  const mode = effectiveMode(state, subject);
  if (mode === 'READONLY' || mode === 'READONLY_OVERRIDE') {
    return fail(restErrors.operationNotPermitted(`Subject ${subject} is in read-only mode`));
  }
  if (permanent) {
    if (live.length > 0) return fail(restErrors.subjectNotSoftDeleted(subject));
    const versions = all.map((e) => e.version);
    return done(
      state,
      versions,
      versions.map((v) => schemaTombstone(subject, v)),
      [
        {
          type: 'subjectHardDeleted',
          reason: `${subject} permanently deleted: versions ${versions.join(', ')} tombstoned in _schemas`,
          subject,
          versions,
        },
      ],
    );
  }
  const versions = live.map((e) => e.version);
  const records: SchemasTopicRecord[] = [deleteSubjectRecord(subject, versions[versions.length - 1])];
  if (state.subjectModes[subject]) records.push(modeRecord(subject, null));
  if (state.subjectCompatibility[subject]) records.push(configRecord(subject, null));
  return done(state, versions, records, [
    {
      type: 'subjectSoftDeleted',
      reason: `${subject} soft-deleted (versions ${versions.join(', ')}): a DELETE_SUBJECT record marks them deleted; their ids still resolve`,
      subject,
      versions,
    },
  ]);
}

/** `PUT /config[/{subject}]` with `{"compatibility": …}`. */
export function setCompatibility(state: RegistryState, subject: string | null, levelText: unknown): Outcome {
  if (levelText === undefined || levelText === null) return done(state, {});
  const level = String(levelText).toUpperCase() as CompatibilityLevel;
  if (!COMPATIBILITY_LEVELS.includes(level)) return fail(restErrors.invalidCompatibility());
  return done(
    state,
    { compatibility: levelText },
    [configRecord(subject, level)],
    [
      {
        type: 'compatibilityChanged',
        reason:
          subject === null
            ? `global compatibility set to ${level}: every subject without its own level is checked with it`
            : `compatibility of ${subject} set to ${level} (overrides the global level)`,
        subject,
        level,
      },
    ],
  );
}

/** `DELETE /config[/{subject}]`: returns the level that was set. */
export function deleteCompatibility(state: RegistryState, subject: string | null): Outcome {
  if (subject === null) {
    const previous = effectiveCompatibility(state, null);
    const records = state.globalCompatibility !== null ? [configRecord(null, null)] : [];
    return done(state, { compatibilityLevel: previous }, records, [
      {
        type: 'compatibilityChanged',
        reason: `global compatibility reset to the server default ${state.defaultCompatibility}`,
        subject: null,
        level: null,
      },
    ]);
  }
  const previous = state.subjectCompatibility[subject];
  if (!previous) return fail(restErrors.subjectNotFound(subject));
  return done(
    state,
    { compatibilityLevel: previous },
    [configRecord(subject, null)],
    [
      {
        type: 'compatibilityChanged',
        reason: `${subject} no longer has its own compatibility level: the global level ${effectiveCompatibility(state, null)} applies`,
        subject,
        level: null,
      },
    ],
  );
}

/** `PUT /mode[/{subject}]` with `{"mode": …}`. */
export function setMode(
  state: RegistryState,
  subject: string | null,
  modeText: unknown,
  force: boolean,
): Outcome {
  const mode = String(modeText ?? '').toUpperCase() as RegistryMode;
  if (!REGISTRY_MODES.includes(mode)) return fail(restErrors.invalidMode());
  const records: SchemasTopicRecord[] = [];
  if (mode === 'IMPORT' && effectiveMode(state, subject) !== 'IMPORT' && !force) {
    // Changing to IMPORT requires that no live schema exists (for the subject, or anywhere for the global mode).
    const subjects =
      subject === null ? listSubjects(state) : listSubjects(state).filter((s) => s === subject);
    if (subjects.length > 0)
      return fail(restErrors.operationNotPermitted('Cannot import since found existing subjects'));
    // …and hard-deletes what soft-deleted versions remain.
    for (const e of state.schemas)
      if (subject === null || e.subject === subject) records.push(schemaTombstone(e.subject, e.version));
  }
  records.push(modeRecord(subject, mode));
  return done(state, { mode: modeText }, records, [
    {
      type: 'modeChanged',
      reason: `${subject === null ? 'registry' : subject} mode set to ${mode}${mode === 'READONLY' ? ': registrations and deletes are refused' : mode === 'IMPORT' ? ': schemas are registered with the ids and versions given, without compatibility checks' : ''}`,
      subject,
      mode,
    },
  ]);
}

/** `DELETE /mode/{subject}`. */
export function deleteMode(state: RegistryState, subject: string): Outcome {
  const previous = state.subjectModes[subject];
  if (!previous) return fail(restErrors.subjectNotFound(subject));
  return done(
    state,
    { mode: previous },
    [modeRecord(subject, null)],
    [{ type: 'modeChanged', reason: `${subject} follows the registry mode again`, subject, mode: null }],
  );
}

/** `POST /compatibility/subjects/{subject}/versions[/{version}]`. */
export function testCompatibility(
  formats: Formats,
  state: RegistryState,
  subject: string,
  versionText: string | null,
  req: RegisterRequest,
  verbose: boolean,
): Outcome {
  let history: PreviousSchema[];
  if (versionText !== null) {
    const v = parseVersionId(versionText);
    if (!v.ok) return fail(v.error);
    const entry = getVersion(state, subject, v.version, false);
    if (!entry && v.version !== -1) return fail(restErrors.versionNotFound(v.version));
    history = entry ? parsedHistory(formats, state, subject).filter((h) => h.version === entry.version) : [];
  } else {
    history = parsedHistory(formats, state, subject);
  }
  const parsedReq = parseRequest(formats, subject, req);
  if (!parsedReq.ok) {
    if (verbose) return done(state, { is_compatible: false, messages: [parsedReq.error.message] });
    return fail(parsedReq.error);
  }
  const messages = checkerMessages(effectiveCompatibility(state, subject), parsedReq.parsed, history);
  return done(
    state,
    verbose ? { is_compatible: messages.length === 0, messages } : { is_compatible: messages.length === 0 },
  );
}
