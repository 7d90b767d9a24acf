// Kafka Streams' generated names (InternalStreamsBuilder#newProcessorName / #newStoreName, NamedInternal):
// one global counter, incremented in build order, zero-padded to 10 digits. Naming an operation with Named still
// burns a counter value ("to keep topology backward compatibility"), so renaming upstream renames downstream.

export const P = {
  SOURCE: 'KSTREAM-SOURCE-',
  SINK: 'KSTREAM-SINK-',
  FILTER: 'KSTREAM-FILTER-',
  MAP: 'KSTREAM-MAP-',
  MAPVALUES: 'KSTREAM-MAPVALUES-',
  FLATMAP: 'KSTREAM-FLATMAP-',
  FLATMAPVALUES: 'KSTREAM-FLATMAPVALUES-',
  KEY_SELECT: 'KSTREAM-KEY-SELECT-',
  PEEK: 'KSTREAM-PEEK-',
  BRANCH: 'KSTREAM-BRANCH-',
  MERGE: 'KSTREAM-MERGE-',
  REPARTITION: 'KSTREAM-REPARTITION-',
  TO_KTABLE: 'KSTREAM-TOTABLE-',
  AGGREGATE: 'KSTREAM-AGGREGATE-',
  REDUCE: 'KSTREAM-REDUCE-',
  WINDOWED: 'KSTREAM-WINDOWED-',
  JOINTHIS: 'KSTREAM-JOINTHIS-',
  JOINOTHER: 'KSTREAM-JOINOTHER-',
  OUTERTHIS: 'KSTREAM-OUTERTHIS-',
  OUTEROTHER: 'KSTREAM-OUTEROTHER-',
  OUTERSHARED: 'KSTREAM-OUTERSHARED-',
  JOIN: 'KSTREAM-JOIN-',
  LEFTJOIN: 'KSTREAM-LEFTJOIN-',
  KTABLE_SOURCE: 'KTABLE-SOURCE-',
  KTABLE_FILTER: 'KTABLE-FILTER-',
  KTABLE_MAPVALUES: 'KTABLE-MAPVALUES-',
  KTABLE_SELECT: 'KTABLE-SELECT-',
  KTABLE_SUPPRESS: 'KTABLE-SUPPRESS-',
  KTABLE_TOSTREAM: 'KTABLE-TOSTREAM-',
  KTABLE_MERGE: 'KTABLE-MERGE-',
  KTABLE_JOINTHIS: 'KTABLE-JOINTHIS-',
  KTABLE_JOINOTHER: 'KTABLE-JOINOTHER-',
  KTABLE_AGGREGATE: 'KTABLE-AGGREGATE-',
  KTABLE_REDUCE: 'KTABLE-REDUCE-',
  // KTableImpl's foreign-key join prefixes (its SINK_NAME / SOURCE_NAME are KTABLE-SINK- / KTABLE-SOURCE-).
  KTABLE_SINK: 'KTABLE-SINK-',
  FK_JOIN_STATE_STORE: 'KTABLE-FK-JOIN-SUBSCRIPTION-STATE-STORE-',
  FK_SUBSCRIPTION_REGISTRATION: 'KTABLE-FK-JOIN-SUBSCRIPTION-REGISTRATION-',
  FK_SUBSCRIPTION_RESPONSE: 'KTABLE-FK-JOIN-SUBSCRIPTION-RESPONSE-',
  FK_SUBSCRIPTION_PROCESSOR: 'KTABLE-FK-JOIN-SUBSCRIPTION-PROCESSOR-',
  FK_RESPONSE_RESOLVER: 'KTABLE-FK-JOIN-SUBSCRIPTION-RESPONSE-RESOLVER-PROCESSOR-',
  FK_JOIN_OUTPUT: 'KTABLE-FK-JOIN-OUTPUT-',
} as const;

/** KStreamImpl.REPARTITION_TOPIC_SUFFIX; ProcessorStateManager's changelog suffix. */
export const REPARTITION_SUFFIX = '-repartition';
export const CHANGELOG_SUFFIX = '-changelog';

export function pad10(n: number): string {
  return String(n).padStart(10, '0');
}

export class NameCounter {
  index = 0;

  newProcessorName(prefix: string): string {
    return prefix + pad10(this.index++);
  }

  newStoreName(prefix: string): string {
    return `${prefix}STATE-STORE-${pad10(this.index++)}`;
  }

  /** NamedInternal#orElseGenerateWithPrefix: the given name, but a counter value is consumed either way. */
  orElseGenerate(name: string | undefined, prefix: string): string {
    const generated = this.newProcessorName(prefix);
    return name ?? generated;
  }

  /** NamedInternal#suffixWithOrElseGet(suffix, provider, prefix). */
  suffixOrGenerate(name: string | undefined, suffix: string, prefix: string): string {
    const generated = this.newProcessorName(prefix);
    return name === undefined ? generated : name + suffix;
  }
}

/** KStreamImpl#createRepartitionedSource: generated names unless the prefix is itself a generated name. */
export function isGeneratedName(prefix: string): boolean {
  return /^KSTREAM.*-[0-9]{10}$/.test(prefix);
}

/** The topic prefix for a store's changelog and the prefix rule (`<application.id>-<name>`). */
export function decorateTopic(applicationId: string, name: string): string {
  return `${applicationId}-${name}`;
}

export function changelogTopicFor(applicationId: string, store: string): string {
  return decorateTopic(applicationId, store + CHANGELOG_SUFFIX);
}
