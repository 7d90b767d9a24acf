// The registry's REST API (resources `SubjectsResource`, `SubjectVersionsResource`, `SchemasResource`,
// `CompatibilityResource`, `ConfigResource`, `ModeResource`, `RootResource`) as one pure function:
// `handle(state, request, formats)` → status, JSON body, the state after, events and the `_schemas` records written.
// A refused request never changes the state and writes nothing.
import { errorBody, type RestError, restErrors } from './errors';
import type { Formats } from './formats';
import {
  deleteCompatibility,
  deleteMode,
  deleteSubject,
  deleteVersion,
  effectiveCompatibility,
  effectiveMode,
  getVersion,
  listSubjects,
  lookupSchema,
  type Outcome,
  parseVersionId,
  type RegisterRequest,
  registerSchema,
  schemaById,
  setCompatibility,
  setMode,
  subjectVersions,
  testCompatibility,
  versionBody,
} from './registry';
import type { RegistryRequest, RegistryResponse, RegistryState } from './types';

export interface RegistryHttpResponse extends RegistryResponse {
  /** The body exactly as the registry sends it (compact JSON; `/schema` endpoints send the schema text itself). */
  bodyText: string;
}

const JSON_TYPES = [
  'application/vnd.schemaregistry.v1+json',
  'application/vnd.schemaregistry+json',
  'application/json',
  'application/octet-stream',
];

function respond(
  state: RegistryState,
  outcome: Outcome,
  rawText?: (body: unknown) => string,
): RegistryHttpResponse {
  if (!outcome.ok) {
    const body = errorBody(outcome.error);
    return {
      status: outcome.error.status,
      body,
      bodyText: JSON.stringify(body),
      newState: state,
      events: outcome.events ?? [],
      records: [],
    };
  }
  return {
    status: 200,
    body: outcome.body,
    bodyText: rawText ? rawText(outcome.body) : JSON.stringify(outcome.body),
    newState: outcome.state,
    events: outcome.events,
    records: outcome.records,
  };
}

function error(state: RegistryState, e: RestError): RegistryHttpResponse {
  return respond(state, { ok: false, error: e });
}

const ok = (state: RegistryState, body: unknown): Outcome => ({
  ok: true,
  body,
  state,
  events: [],
  records: [],
});

function splitPath(path: string): { segments: string[]; query: Record<string, string> } {
  const [p, q] = path.split('?', 2);
  const query: Record<string, string> = {};
  if (q) {
    for (const pair of q.split('&')) {
      if (!pair) continue;
      const [k, v = ''] = pair.split('=', 2);
      query[decodeURIComponent(k)] = decodeURIComponent(v.replace(/\+/g, ' '));
    }
  }
  const segments = p
    .split('/')
    .filter((s) => s !== '')
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
  return { segments, query };
}

const flag = (query: Record<string, string>, name: string) => (query[name] ?? '').toLowerCase() === 'true';

function readBody(
  req: RegistryRequest,
): { ok: true; value: Record<string, unknown> } | { ok: false; error: RestError } {
  const text = (req.body ?? '').trim();
  if (text === '') return { ok: false, error: restErrors.unprocessableEntity('request may not be null') };
  try {
    const value = JSON.parse(text) as unknown;
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      return {
        ok: false,
        error: restErrors.badJson(
          `Cannot deserialize value from ${Array.isArray(value) ? 'Array' : 'scalar'} value`,
        ),
      };
    }
    return { ok: true, value: value as Record<string, unknown> };
  } catch (e) {
    // Jackson's own wording is richer; the simulation reports the parser's message.
    return {
      ok: false,
      error: restErrors.badJson(`Unexpected character in request body: ${(e as Error).message}`),
    };
  }
}

function contentTypeOk(req: RegistryRequest): boolean {
  const headers = req.headers ?? {};
  const key = Object.keys(headers).find((k) => k.toLowerCase() === 'content-type');
  if (!key) return true;
  const type = headers[key].split(';')[0].trim().toLowerCase();
  return JSON_TYPES.includes(type);
}

function registerRequestOf(body: Record<string, unknown>): RegisterRequest {
  return {
    schema:
      typeof body.schema === 'string'
        ? body.schema
        : body.schema === undefined || body.schema === null
          ? null
          : JSON.stringify(body.schema),
    schemaType: typeof body.schemaType === 'string' ? body.schemaType : null,
    references: Array.isArray(body.references) ? (body.references as RegisterRequest['references']) : null,
    version: typeof body.version === 'number' ? body.version : null,
    id: typeof body.id === 'number' ? body.id : null,
  };
}

function validSubject(subject: string): boolean {
  // `QualifiedSubject.isValidSubject`: not empty, no control characters.
  return subject.length > 0 && ![...subject].some((ch) => ch.charCodeAt(0) < 0x20);
}

/** Handles one HTTP request against the registry. Pure: same state + request + formats → same response. */
export function handle(state: RegistryState, req: RegistryRequest, formats: Formats): RegistryHttpResponse {
  const method = req.method.toUpperCase();
  const { segments, query: pathQuery } = splitPath(req.path);
  const query = { ...pathQuery, ...(req.query ?? {}) };
  const [root, a, b, c, d] = segments;
  const needsBody = method === 'POST' || method === 'PUT';
  if (needsBody && !contentTypeOk(req)) {
    return error(state, { status: 415, errorCode: 415, message: 'HTTP 415 Unsupported Media Type' });
  }
  const withBody = (f: (body: Record<string, unknown>) => Outcome): RegistryHttpResponse => {
    const body = readBody(req);
    return body.ok ? respond(state, f(body.value)) : error(state, body.error);
  };
  const route = (allowed: string[], f: () => RegistryHttpResponse): RegistryHttpResponse =>
    allowed.includes(method) ? f() : error(state, restErrors.methodNotAllowed());

  if (segments.length === 0) return route(['GET'], () => respond(state, ok(state, {})));

  if (root === 'subjects') {
    if (segments.length === 1) {
      return route(['GET'], () => respond(state, ok(state, listSubjects(state, flag(query, 'deleted')))));
    }
    const subject = a;
    if (segments.length === 2) {
      return route(['POST', 'DELETE'], () =>
        method === 'POST'
          ? withBody((body) =>
              lookupSchema(formats, state, subject, registerRequestOf(body), flag(query, 'deleted')),
            )
          : respond(state, deleteSubject(state, subject, flag(query, 'permanent'))),
      );
    }
    if (b === 'versions' && segments.length === 3) {
      return route(['GET', 'POST'], () => {
        if (method === 'POST') {
          if (!validSubject(subject)) return error(state, restErrors.invalidSubject(subject));
          return withBody((body) => registerSchema(formats, state, subject, registerRequestOf(body)));
        }
        const versions = subjectVersions(state, subject, flag(query, 'deleted'));
        if (subjectVersions(state, subject, flag(query, 'deleted')).length === 0)
          return error(state, restErrors.subjectNotFound(subject));
        return respond(
          state,
          ok(
            state,
            versions.map((v) => v.version),
          ),
        );
      });
    }
    if (b === 'versions' && (segments.length === 4 || (segments.length === 5 && d === 'schema'))) {
      return route(segments.length === 4 ? ['GET', 'DELETE'] : ['GET'], () => {
        if (method === 'DELETE')
          return respond(state, deleteVersion(state, subject, c, flag(query, 'permanent')));
        const v = parseVersionId(c);
        if (!v.ok) return error(state, v.error);
        const includeDeleted = flag(query, 'deleted');
        const entry = getVersion(state, subject, v.version, includeDeleted);
        if (!entry) {
          return error(
            state,
            subjectVersions(state, subject, includeDeleted).length === 0
              ? restErrors.subjectNotFound(subject)
              : restErrors.versionNotFound(v.version),
          );
        }
        if (segments.length === 5) return respond(state, ok(state, entry.schema), (s) => String(s));
        return respond(state, ok(state, versionBody(entry)));
      });
    }
    if (b === 'versions' && segments.length === 5 && d === 'referencedby') {
      return route(['GET'], () => respond(state, ok(state, [])));
    }
    return error(state, restErrors.httpNotFound());
  }

  if (root === 'schemas') {
    if (a === 'types' && segments.length === 2)
      return route(['GET'], () => respond(state, ok(state, ['JSON', 'PROTOBUF', 'AVRO'])));
    if (a === 'ids' && segments.length >= 3 && segments.length <= 4) {
      return route(['GET'], () => {
        const id = Number(b);
        const entry = Number.isInteger(id) ? schemaById(state, id) : null;
        if (!entry) return error(state, restErrors.schemaIdNotFound(b));
        if (segments.length === 3) {
          return respond(
            state,
            ok(state, {
              ...(entry.schemaType !== 'AVRO' ? { schemaType: entry.schemaType } : {}),
              ...(entry.references.length > 0 ? { references: entry.references } : {}),
              schema: entry.schema,
            }),
          );
        }
        const holders = state.schemas.filter((s) => s.id === id && (flag(query, 'deleted') || !s.deleted));
        if (c === 'versions')
          return respond(
            state,
            ok(
              state,
              holders.map((h) => ({ subject: h.subject, version: h.version })),
            ),
          );
        if (c === 'subjects')
          return respond(state, ok(state, [...new Set(holders.map((h) => h.subject))].sort()));
        if (c === 'schema') return respond(state, ok(state, entry.schema), (s) => String(s));
        return error(state, restErrors.httpNotFound());
      });
    }
    return error(state, restErrors.httpNotFound());
  }

  if (
    root === 'compatibility' &&
    a === 'subjects' &&
    c === 'versions' &&
    (segments.length === 4 || segments.length === 5)
  ) {
    return route(['POST'], () =>
      withBody((body) =>
        testCompatibility(
          formats,
          state,
          b,
          segments.length === 5 ? d : null,
          registerRequestOf(body),
          flag(query, 'verbose'),
        ),
      ),
    );
  }

  if (root === 'config' && segments.length <= 2) {
    const subject = segments.length === 2 ? a : null;
    return route(['GET', 'PUT', 'DELETE'], () => {
      if (method === 'PUT') {
        if (subject !== null && !validSubject(subject))
          return error(state, restErrors.invalidSubject(subject));
        return withBody((body) => setCompatibility(state, subject, body.compatibility));
      }
      if (method === 'DELETE') return respond(state, deleteCompatibility(state, subject));
      if (subject === null)
        return respond(state, ok(state, { compatibilityLevel: effectiveCompatibility(state, null) }));
      const own = state.subjectCompatibility[subject];
      if (own) return respond(state, ok(state, { compatibilityLevel: own }));
      if (flag(query, 'defaultToGlobal'))
        return respond(state, ok(state, { compatibilityLevel: effectiveCompatibility(state, subject) }));
      return error(state, restErrors.subjectCompatibilityNotConfigured(subject));
    });
  }

  if (root === 'mode' && segments.length <= 2) {
    const subject = segments.length === 2 ? a : null;
    return route(subject === null ? ['GET', 'PUT'] : ['GET', 'PUT', 'DELETE'], () => {
      if (method === 'PUT') {
        if (subject !== null && !validSubject(subject))
          return error(state, restErrors.invalidSubject(subject));
        return withBody((body) => setMode(state, subject, body.mode, flag(query, 'force')));
      }
      if (method === 'DELETE') return respond(state, deleteMode(state, subject as string));
      if (subject === null) return respond(state, ok(state, { mode: effectiveMode(state, null) }));
      const own = state.subjectModes[subject];
      if (own) return respond(state, ok(state, { mode: own }));
      if (flag(query, 'defaultToGlobal'))
        return respond(state, ok(state, { mode: effectiveMode(state, subject) }));
      return error(state, restErrors.subjectModeNotConfigured(subject));
    });
  }

  return error(state, restErrors.httpNotFound());
}
