// Reading the registry's store (plain data, no schema library): what the read model and the REST resources share.
import type { CompatibilityLevel, RegistryMode, RegistryState, SchemaVersionEntry } from './types';

/** Versions of a subject, ascending; soft-deleted ones only when asked. */
export function subjectVersions(
  state: RegistryState,
  subject: string,
  includeDeleted = false,
): SchemaVersionEntry[] {
  return state.schemas
    .filter((s) => s.subject === subject && (includeDeleted || !s.deleted))
    .sort((a, b) => a.version - b.version);
}

export function latestVersion(state: RegistryState, subject: string): SchemaVersionEntry | null {
  const live = subjectVersions(state, subject);
  return live.length > 0 ? live[live.length - 1] : null;
}

/** `GET /subjects`: subjects with a live version (sorted, as the store's skip-list map keeps them). */
export function listSubjects(state: RegistryState, includeDeleted = false): string[] {
  return [...new Set(state.schemas.filter((s) => includeDeleted || !s.deleted).map((s) => s.subject))].sort();
}

/** Subject level, else global level, else the server's `schema.compatibility.level` (`getConfigInScope`). */
export function effectiveCompatibility(state: RegistryState, subject: string | null): CompatibilityLevel {
  return (
    (subject !== null ? state.subjectCompatibility[subject] : undefined) ??
    state.globalCompatibility ??
    state.defaultCompatibility
  );
}

/** Subject mode, else global mode, else READWRITE (`getModeInScope`). */
export function effectiveMode(state: RegistryState, subject: string | null): RegistryMode {
  return (subject !== null ? state.subjectModes[subject] : undefined) ?? state.globalMode ?? 'READWRITE';
}

export function schemaById(state: RegistryState, id: number): SchemaVersionEntry | null {
  return state.schemas.find((s) => s.id === id) ?? null;
}
