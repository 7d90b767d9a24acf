// The Schema Registry as views and the console read it: subjects with their versions (soft-deleted ones marked),
// the level each subject is checked at and where it comes from, and the registry's store for client-side
// deserializers (a deserializer fetches the writer schema by id: `GET /schemas/ids/{id}`, a read).
import type { SimState } from '../engine/state';
import {
  effectiveCompatibility,
  effectiveMode,
  listSubjects,
  subjectVersions,
} from '../schemaRegistry/registry';
import { SCHEMAS_TOPIC } from '../schemaRegistry/schemasTopic';
import type { SchemaRegistryView } from './types';

export function schemaRegistryOf(state: SimState): SchemaRegistryView {
  const area = state.areas.schemaRegistry;
  const store = area.store;
  const subjects = listSubjects(store, true).map((subject) => {
    const versions = subjectVersions(store, subject, true).map((v) => ({
      version: v.version,
      id: v.id,
      schemaType: v.schemaType,
      schema: v.schema,
      deleted: v.deleted,
    }));
    return {
      subject,
      versions,
      deleted: versions.every((v) => v.deleted),
      compatibility: effectiveCompatibility(store, subject),
      compatibilitySource: store.subjectCompatibility[subject]
        ? ('subject' as const)
        : store.globalCompatibility
          ? ('global' as const)
          : ('default' as const),
      mode: effectiveMode(store, subject),
    };
  });
  return {
    running: area.started,
    topic: SCHEMAS_TOPIC,
    globalCompatibility: effectiveCompatibility(store, null),
    globalMode: effectiveMode(store, null),
    subjects,
    maxId: store.maxId,
    store,
  };
}
