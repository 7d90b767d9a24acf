import { describe, expect, it } from 'vitest';
import { describeTopology } from '../topology/describe';
import { buildTopology } from '../topology/dslBuilder';
import type { Topology } from '../topology/types';
import * as V from './kafkaVectors';

function topo(dsl: string): Topology {
  const r = buildTopology(dsl);
  if (!r.ok) throw new Error(`${r.error.line}:${r.error.column} ${r.error.message}`);
  return r.topology;
}

function described(dsl: string): string {
  return describeTopology(topo(dsl));
}

function buildError(dsl: string): { line: number; column: number; message: string } {
  const r = buildTopology(dsl);
  if (r.ok) throw new Error('expected an error');
  return { line: r.error.line, column: r.error.column, message: r.error.message };
}

describe('Topology#describe() matches the texts Kafka expects in its own tests', () => {
  const cases: Array<[string, string, string]> = [
    [
      'TopologyTest#streamStreamJoinTopologyWithDefaultStoresNames',
      V.TT_streamStreamJoinTopologyWithDefaultStoresNames,
      'a = stream input-topic1\nb = stream input-topic2\na | join b window 100ms',
    ],
    [
      'TopologyTest#streamStreamJoinTopologyWithCustomStoresNames (StreamJoined.as)',
      V.TT_streamStreamJoinTopologyWithCustomStoresNames,
      'a = stream input-topic1\nb = stream input-topic2\na | join b window 100ms as custom-name',
    ],
    [
      'TopologyTest#streamStreamLeftJoinTopologyWithDefaultStoresNames',
      V.TT_streamStreamLeftJoinTopologyWithDefaultStoresNames,
      'a = stream input-topic1\nb = stream input-topic2\na | leftJoin b window 100ms',
    ],
    [
      'TopologyTest#streamStreamLeftJoinTopologyWithCustomStoresNames',
      V.TT_streamStreamLeftJoinTopologyWithCustomStoresNames,
      'a = stream input-topic1\nb = stream input-topic2\na | leftJoin b window 100ms as custom-name',
    ],
    [
      'TopologyTest#streamStreamOuterJoinTopologyWithDefaultStoresNames',
      V.TT_streamStreamOuterJoinTopologyWithDefaultStoresNames,
      'a = stream input-topic1\nb = stream input-topic2\na | outerJoin b window 100ms',
    ],
    [
      'TopologyTest#streamStreamOuterJoinTopologyWithCustomStoresNames',
      V.TT_streamStreamOuterJoinTopologyWithCustomStoresNames,
      'a = stream input-topic1\nb = stream input-topic2\na | outerJoin b window 100ms as custom-name',
    ],
    [
      'TopologyTest#kGroupedStreamZeroArgCount: an unnamed store consumes a counter value',
      V.TT_kGroupedStreamZeroArgCountShouldPreserveTopologyStructure,
      'stream input-topic | groupByKey | count',
    ],
    [
      'TopologyTest#kGroupedStreamNamedMaterializedCount',
      V.TT_kGroupedStreamNamedMaterializedCountShouldPreserveTopologyStructure,
      'stream input-topic | groupByKey | count as count-store',
    ],
    [
      'TopologyTest#timeWindowZeroArgCount',
      V.TT_timeWindowZeroArgCountShouldPreserveTopologyStructure,
      'stream input-topic | groupByKey | windowedBy tumbling 1ms | count',
    ],
    [
      'TopologyTest#timeWindowNamedMaterializedCount',
      V.TT_timeWindowNamedMaterializedCountShouldPreserveTopologyStructure,
      'stream input-topic | groupByKey | windowedBy tumbling 1ms | count as count-store',
    ],
    [
      'TopologyTest#sessionWindowZeroArgCount',
      V.TT_sessionWindowZeroArgCountShouldPreserveTopologyStructure,
      'stream input-topic | groupByKey | windowedBy session 1ms | count',
    ],
    [
      'TopologyTest#sessionWindowNamedMaterializedCount',
      V.TT_sessionWindowNamedMaterializedCountShouldPreserveTopologyStructure,
      'stream input-topic | groupByKey | windowedBy session 1ms | count as count-store',
    ],
    [
      'TopologyTest#tableZeroArgCount: KTable#groupBy repartitions through the store-named topic',
      V.TT_tableZeroArgCountShouldPreserveTopologyStructure,
      'table input-topic | groupBy null | count',
    ],
    [
      'TopologyTest#tableNamedMaterializedCount',
      V.TT_tableNamedMaterializedCountShouldPreserveTopologyStructure,
      'table input-topic | groupBy null | count as count-store',
    ],
    [
      'TopologyTest#kTableNonMaterializedMapValues: an unused source table is not materialized',
      V.TT_kTableNonMaterializedMapValuesShouldPreserveTopologyStructure,
      'table input-topic | mapValues null',
    ],
    [
      'TopologyTest#kTableNonMaterializedFilter',
      V.TT_kTableNonMaterializedFilterShouldPreserveTopologyStructure,
      'table input-topic | filter false',
    ],
    [
      'KStreamImplTest#shouldSupportKeyChangeKTableFromKStream: toTable after map repartitions',
      V.KI_shouldSupportKeyChangeKTableFromKStream,
      'stream input | map key, value | toTable | toStream | to output',
    ],
    [
      'KStreamImplTest#shouldMaterializeKTableFromKStream',
      V.KI_shouldMaterializeKTableFromKStream,
      'stream input | toTable as store',
    ],
    [
      'SuppressTopologyTest#shouldUseNumberingForAnonymousFinalSuppressionNode',
      V.SUPPRESS_ANON_FINAL,
      'stream input | groupBy key | windowedBy session 5ms grace 5ms | count as counts | suppress untilWindowCloses | toStream | map string(key), value | to output-suppressed',
    ],
    [
      'SuppressTopologyTest#shouldApplyNameToFinalSuppressionNode (Suppressed#withName)',
      V.SUPPRESS_NAMED_FINAL,
      'stream input | groupBy key | windowedBy session 5ms grace 5ms | count as counts | suppress untilWindowCloses as myname | toStream | map string(key), value | to output-suppressed',
    ],
    [
      'SuppressTopologyTest#shouldUseNumberingForAnonymousSuppressionNode',
      V.SUPPRESS_ANON_INTERMEDIATE,
      'stream input | groupByKey | count | suppress untilTimeLimit 1s | toStream | to output',
    ],
    [
      'SuppressTopologyTest#shouldApplyNameToSuppressionNode',
      V.SUPPRESS_NAMED_INTERMEDIATE,
      'stream input | groupByKey | count | suppress untilTimeLimit 1s as asdf | toStream | to output',
    ],
    [
      'KStreamKTableJoinTest#shouldReuseRepartitionTopicWithGeneratedName',
      V.KSTREAM_KTABLE_GENERATED,
      'a = stream topic\nb = table topic2\nc = table topic3\nr = a | map value, key\nr | join b | to out-one\nr | join c | to out-two',
    ],
    [
      'KStreamKTableJoinTest#shouldCreateRepartitionTopicsWithUserProvidedName (Joined.as)',
      V.KSTREAM_KTABLE_NAMED,
      'a = stream topic\nb = table topic2\nc = table topic3\nr = a | map value, key\nr | join b as first-join | to out-one\nr | join c as second-join | to out-two',
    ],
  ];
  for (const [name, expected, dsl] of cases) {
    it(name, () => {
      expect(described(dsl)).toBe(expected);
    });
  }

  it('StreamsGraphTest#shouldBeAbleToBuildTopologyIncrementally: each added operator only appends names', () => {
    const base = 's = stream topic\no = stream other-topic\nj = s | join o window 5s';
    expect(described(base)).toBe(V.GRAPH_JOINED);
    expect(described(`${base}\nf = j | filter value == "foo"`)).toBe(V.GRAPH_JOINED_FILTERED);
    expect(
      described(
        `${base}\nf = j | filter value == "foo"\nf | mapValues value + "some value" | to output-topic`,
      ),
    ).toBe(V.GRAPH_FULL);
  });
});

describe('Kafka Streams naming rules (InternalStreamsBuilder, NamedInternal, KStreamImpl)', () => {
  it('generated names use one global counter zero-padded to 10 digits, in build order', () => {
    const t = topo('stream input | filter true | mapValues value | to output');
    expect(t.order).toEqual([
      'KSTREAM-SOURCE-0000000000',
      'KSTREAM-FILTER-0000000001',
      'KSTREAM-MAPVALUES-0000000002',
      'KSTREAM-SINK-0000000003',
    ]);
  });

  it('Named: a named operator still consumes a counter value, so downstream names do not shift', () => {
    const t = topo('stream input | filter true as keep-all | to output');
    expect(t.order).toEqual(['KSTREAM-SOURCE-0000000000', 'keep-all', 'KSTREAM-SINK-0000000002']);
  });

  it('an unnamed store is renamed (and so is its changelog) when an operator is added upstream (dsl-topology-naming.html)', () => {
    const before = topo('stream input | groupByKey | count');
    const after = topo('stream input | filter true | groupByKey | count');
    expect(Object.keys(before.stores)).toEqual(['KSTREAM-AGGREGATE-STATE-STORE-0000000001']);
    expect(Object.keys(after.stores)).toEqual(['KSTREAM-AGGREGATE-STATE-STORE-0000000002']);
    expect(Object.keys(after.internalTopics)).toEqual(['KSTREAM-AGGREGATE-STATE-STORE-0000000002-changelog']);
  });

  it('repartition on key change: selectKey then groupByKey gets <store>-repartition and two sub-topologies (KStreamImpl#repartitionRequired)', () => {
    const t = topo('stream input | selectKey value | groupByKey | count');
    expect(t.internalTopics['KSTREAM-AGGREGATE-STATE-STORE-0000000002-repartition']?.kind).toBe(
      'repartition',
    );
    expect(t.subtopologies.map((s) => s.sourceTopics)).toEqual([
      ['input'],
      ['KSTREAM-AGGREGATE-STATE-STORE-0000000002-repartition'],
    ]);
    // sink, filter and source names burn three counter values (KStreamImpl#createRepartitionedSource)
    expect(t.order).toContain('KSTREAM-SINK-0000000004');
    expect(t.order).toContain('KSTREAM-FILTER-0000000005');
    expect(t.order).toContain('KSTREAM-SOURCE-0000000006');
  });

  it('groupBy is a key change: the repartition topic is named after the store, or after Grouped.as when given', () => {
    expect(Object.keys(topo('stream text | groupBy value | count as counts-store').internalTopics)).toContain(
      'counts-store-repartition',
    );
    const t = topo('stream text | groupBy value as words | count as counts-store');
    expect(Object.keys(t.internalTopics)).toEqual(['words-repartition', 'counts-store-changelog']);
    // Grouped.as names the key-selecting processor too
    expect(t.order.slice(0, 5)).toEqual([
      'KSTREAM-SOURCE-0000000000',
      'words',
      'words-repartition-filter',
      'words-repartition-sink',
      'words-repartition-source',
    ]);
  });

  it('no repartition when the key is unchanged: mapValues, filter and groupByKey stay in one sub-topology', () => {
    const t = topo('stream input | mapValues upper(value) | filter true | groupByKey | count');
    expect(t.subtopologies).toHaveLength(1);
    expect(Object.values(t.internalTopics).filter((i) => i.kind === 'repartition')).toHaveLength(0);
  });

  it('a named grouping aggregated twice reuses one repartition topic (GroupedStreamAggregateBuilder)', () => {
    const t = topo(
      'g = stream input | selectKey value | groupByKey as by-value\ng | count\ng | reduce agg + value',
    );
    expect(
      Object.values(t.internalTopics)
        .filter((i) => i.kind === 'repartition')
        .map((i) => i.name),
    ).toEqual(['by-value-repartition']);
  });

  it('a global table prints as "Sub-topology: N for global store (will not generate tasks)"', () => {
    const t = topo('g = globalTable customers\nstream orders | join g on value.customer | to enriched');
    expect(describeTopology(t)).toBe(
      'Topologies:\n' +
        '   Sub-topology: 0 for global store (will not generate tasks)\n' +
        '    Source: KSTREAM-SOURCE-0000000001 (topics: [customers])\n' +
        '      --> KTABLE-SOURCE-0000000002\n' +
        '    Processor: KTABLE-SOURCE-0000000002 (stores: [customers-STATE-STORE-0000000000])\n' +
        '      --> none\n' +
        '      <-- KSTREAM-SOURCE-0000000001\n' +
        '  Sub-topology: 1\n' +
        '    Source: KSTREAM-SOURCE-0000000003 (topics: [orders])\n' +
        '      --> KSTREAM-LEFTJOIN-0000000004\n' +
        '    Processor: KSTREAM-LEFTJOIN-0000000004 (stores: [])\n' +
        '      --> KSTREAM-SINK-0000000005\n' +
        '      <-- KSTREAM-SOURCE-0000000003\n' +
        '    Sink: KSTREAM-SINK-0000000005 (topic: enriched)\n' +
        '      <-- KSTREAM-LEFTJOIN-0000000004\n\n',
    );
    // global stores have no changelog: the topic itself is their log
    expect(t.internalTopics).toEqual({});
  });

  it('split: branch processors are the splitter name plus the branch name (BranchedKStreamImpl)', () => {
    const t = topo(
      'stream orders | split as order- | branch value == "big" as big | defaultBranch as small\nbig | to big-orders',
    );
    expect(t.order).toEqual([
      'KSTREAM-SOURCE-0000000000',
      'order-',
      'order-big',
      'order-small',
      'KSTREAM-SINK-0000000004',
    ]);
    const u = topo('stream orders | split | branch true as big');
    expect(u.order).toEqual([
      'KSTREAM-SOURCE-0000000000',
      'KSTREAM-BRANCH-0000000001',
      'KSTREAM-BRANCH-0000000001big',
    ]);
  });

  it('two stream() calls on the same topic share one source node (InternalStreamsBuilder#mergeDuplicateSourceNodes)', () => {
    const t = topo('a = stream input\nb = stream input\na | to x\nb | to y');
    expect(Object.values(t.nodes).filter((n) => n.kind === 'source')).toHaveLength(1);
    expect(
      t.nodes['KSTREAM-SOURCE-0000000000'].kind === 'source' && t.nodes['KSTREAM-SOURCE-0000000000'].children,
    ).toEqual(['KSTREAM-SINK-0000000002', 'KSTREAM-SINK-0000000003']);
  });

  it('a stream and a table on the same topic: "Topic input has already been registered by another source."', () => {
    expect(buildError('a = stream input\nb = table input').message).toBe(
      'Invalid topology: Topic input has already been registered by another source.',
    );
  });

  it('join of a key-changed stream repartitions through <processor>-repartition (KStreamImpl#repartitionForJoin)', () => {
    const t = topo('a = stream left | selectKey value\nb = stream right\na | join b window 1m | to out');
    expect(Object.keys(t.internalTopics)).toContain('KSTREAM-KEY-SELECT-0000000001-repartition');
    expect(t.copartitionGroups).toEqual([['KSTREAM-KEY-SELECT-0000000001-repartition', 'right']]);
  });
});

describe('internal topics and their configs (RepartitionTopicConfig, *ChangelogTopicConfig)', () => {
  it('repartition: cleanup.policy=delete, retention.ms=-1, segment.bytes=52428800, CreateTime', () => {
    const t = topo('stream input | selectKey value | groupByKey | count');
    expect(t.internalTopics['KSTREAM-AGGREGATE-STATE-STORE-0000000002-repartition'].configs).toEqual({
      'cleanup.policy': 'delete',
      'message.timestamp.type': 'CreateTime',
      'retention.ms': '-1',
      'segment.bytes': '52428800',
    });
  });

  it('key-value changelog: compact', () => {
    const t = topo('stream input | groupByKey | count as counts');
    expect(t.internalTopics['counts-changelog'].configs).toEqual({
      'cleanup.policy': 'compact',
      'message.timestamp.type': 'CreateTime',
    });
  });

  it('windowed changelog: compact,delete with retention = size + grace + windowstore.changelog.additional.retention.ms (1 day)', () => {
    const t = topo('stream input | groupByKey | windowedBy tumbling 5m grace 1m | count as counts');
    expect(t.internalTopics['counts-changelog'].configs).toEqual({
      'cleanup.policy': 'compact,delete',
      'message.timestamp.type': 'CreateTime',
      'retention.ms': String(6 * 60_000 + 86_400_000),
    });
  });

  it('session store retention is gap + grace; sliding is 2 x time difference + grace (SessionStoreMaterializer, SlidingWindowStoreMaterializer)', () => {
    expect(
      topo('stream i | groupByKey | windowedBy session 5m grace 1m | count as s').stores.s.retentionMs,
    ).toBe(6 * 60_000);
    expect(
      topo('stream i | groupByKey | windowedBy sliding 5m grace 1m | count as s').stores.s.retentionMs,
    ).toBe(11 * 60_000);
  });

  it('a suppress buffer logs to a changelog of its own (KTABLE-SUPPRESS-STATE-STORE-n-changelog)', () => {
    const t = topo(
      'stream input | groupByKey | windowedBy tumbling 5s | count | suppress untilWindowCloses | toStream | to out',
    );
    expect(Object.keys(t.internalTopics)).toEqual([
      'KSTREAM-AGGREGATE-STATE-STORE-0000000001-changelog',
      'KTABLE-SUPPRESS-STATE-STORE-0000000004-changelog',
    ]);
  });
});

describe('topology errors with Kafka text, pointing at the operation', () => {
  it('suppress(untilWindowCloses) on a non-windowed table: GraphGraceSearchUtil text with the node chain', () => {
    const e = buildError('stream input | groupByKey | count | suppress untilWindowCloses');
    expect(e.message).toBe(
      'Invalid topology: Window close time is only defined for windowed computations. Got [root->KSTREAM-SOURCE-0000000000->KSTREAM-AGGREGATE-0000000002].',
    );
    expect(e.column).toBe(37);
  });

  it('a window of negative or zero size fails with TimeWindows text and changes nothing', () => {
    const e = buildError('stream input | groupByKey | windowedBy tumbling -5m | count');
    expect(e.message).toBe('Window size (sizeMs) must be larger than zero.');
    expect(e.column).toBe(49);
    expect(buildError('stream i | groupByKey | windowedBy hopping 5m advance 10m | count').message).toBe(
      'Window advancement interval should be more than zero and less than window duration which is 300000 ms, but given advancement interval is: 600000 ms',
    );
    expect(buildError('stream i | groupByKey | windowedBy tumbling 5m grace -1s | count').message).toBe(
      'Grace period must not be negative.',
    );
    expect(buildError('stream i | groupByKey | windowedBy session 0ms | count').message).toBe(
      'Gap time cannot be zero or negative.',
    );
    expect(buildError('stream i | groupByKey | windowedBy sliding -1s | count').message).toBe(
      'Window time difference must not be negative.',
    );
    expect(buildError('a = stream x\nb = stream y\na | join b window -1s').message).toBe(
      'Window interval (ie, beforeMs+afterMs) must not be negative.',
    );
  });

  it('operations a type does not have are refused with the Java type name', () => {
    expect(buildError('stream input | count').message).toBe(
      "'count' is not available on a KStream: group it first: ... | groupByKey | count (or groupBy <new key>)",
    );
    expect(buildError('table t | to out').message).toBe(
      "'to' is not available on a KTable: turn it into a stream first: ... | toStream | to <topic>",
    );
    expect(buildError('stream input | to out | filter true').message).toBe(
      "nothing can follow 'to': KStream#to ends the pipeline",
    );
    expect(buildError('a = stream x\nb = stream y\na | join b').message).toBe(
      'a stream-stream join needs a window: join b window 5m [grace 1m]',
    );
  });
});
