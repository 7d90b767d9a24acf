import { migrateToCurrent } from './migrations';
import { isPlainObject } from './schema';
import { CURRENT_VERSION, type ProgressData } from './types';

// Export to and import from a JSON file the learner keeps. The file never leaves their machine unless
// they move it themselves.

export const EXPORT_FORMAT = 'kafka-roadmap-progress';
/** Files larger than this are refused before parsing (a real export is a few kilobytes). */
export const MAX_IMPORT_BYTES = 2_000_000;

export type ProgressExport = {
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  progress: ProgressData;
};

export function exportProgress(data: ProgressData, now: number): ProgressExport {
  return {
    format: EXPORT_FORMAT,
    version: CURRENT_VERSION,
    exportedAt: new Date(now).toISOString(),
    progress: data,
  };
}

export function exportFileName(now: number): string {
  return `kafka-roadmap-progress-${new Date(now).toISOString().slice(0, 10)}.json`;
}

export type ImportResult = { ok: true; data: ProgressData } | { ok: false; message: string };

/** Reads an exported file's text. Never throws; a refusal says what is wrong in plain words. */
export function parseImport(text: unknown): ImportResult {
  if (typeof text !== 'string') return { ok: false, message: 'The file could not be read as text.' };
  if (text.length > MAX_IMPORT_BYTES) {
    return { ok: false, message: 'The file is far larger than a progress export; nothing was imported.' };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {
      ok: false,
      message: 'The file is not valid JSON, so it is not a progress export; nothing was imported.',
    };
  }
  if (!isPlainObject(parsed) || parsed.format !== EXPORT_FORMAT) {
    return {
      ok: false,
      message:
        'This is not a Kafka Roadmap progress export (its "format" field is missing or different); nothing was imported.',
    };
  }
  const version = typeof parsed.version === 'number' ? parsed.version : Number.NaN;
  const migrated = migrateToCurrent(parsed.progress, version);
  if (!migrated.ok) {
    return { ok: false, message: `The file cannot be used: ${migrated.error}. Nothing was imported.` };
  }
  return { ok: true, data: migrated.value };
}
