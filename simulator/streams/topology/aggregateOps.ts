// Grouping, windowing and aggregation in the DSL builder (KGroupedStreamImpl, *WindowedKStreamImpl,
// GroupedStreamAggregateBuilder, KGroupedTableImpl): the counter consumption of count / reduce / aggregate, the
// repartition topic named after the store (or the grouping), and the store each aggregation gets.

import type { OpAst, Pos } from '../dsl/dslAst';
import { type Builder, kvStore } from './dslBuilder';
import type {
  DslObj,
  GroupedStreamObj,
  GroupedTableObj,
  TableObj,
  WindowDef,
  WindowedStreamObj,
} from './graph';
import { P } from './naming';
import type { AggSpec, ProcOp, StoreSpec } from './types';

export function groupedStreamOp(b: Builder, g: GroupedStreamObj, op: OpAst): DslObj {
  switch (op.k) {
    case 'windowedBy':
      return { kind: 'windowedStream', grouped: g, window: windowDef(b, op) };
    case 'count':
    case 'reduce':
    case 'aggregate':
      return streamAggregate(b, g, op, null);
    default:
      throw b.notAvailable(g, op, 'aggregate it (count, reduce, aggregate) or window it (windowedBy) first');
  }
}

export function windowedOp(b: Builder, w: WindowedStreamObj, op: OpAst): DslObj {
  if (op.k === 'count' || op.k === 'reduce' || op.k === 'aggregate')
    return streamAggregate(b, w.grouped, op, w.window);
  throw b.notAvailable(w, op, 'aggregate it first: count, reduce or aggregate');
}

export function windowDef(b: Builder, op: OpAst & { k: 'windowedBy' }): WindowDef {
  const w = op.window;
  const fail = (pos: Pos & { text: string }, m: string) => b.err(pos, m, pos.text);
  switch (w.k) {
    case 'tumbling':
    case 'hopping': {
      const size = w.size.ms;
      const advance = w.k === 'hopping' ? w.advance.ms : size;
      const grace = w.grace?.ms ?? 0;
      // TimeWindows constructor checks.
      if (size <= 0) throw fail(w.size, 'Window size (sizeMs) must be larger than zero.');
      if (advance <= 0 || advance > size) {
        throw fail(
          w.k === 'hopping' ? w.advance : w.size,
          `Window advancement interval should be more than zero and less than window duration which is ${size} ms, but given advancement interval is: ${advance} ms`,
        );
      }
      if (grace < 0) throw fail(w.grace!, 'Grace period must not be negative.');
      return { k: 'time', sizeMs: size, advanceMs: advance, graceMs: grace };
    }
    case 'sliding':
      if (w.diff.ms < 0) throw fail(w.diff, 'Window time difference must not be negative.');
      if ((w.grace?.ms ?? 0) < 0) throw fail(w.grace!, 'Window grace period must not be negative.');
      return { k: 'sliding', diffMs: w.diff.ms, graceMs: w.grace?.ms ?? 0 };
    case 'session':
      if (w.gap.ms <= 0) throw fail(w.gap, 'Gap time cannot be zero or negative.');
      if ((w.grace?.ms ?? 0) < 0) throw fail(w.grace!, 'Grace period must not be negative.');
      return { k: 'session', gapMs: w.gap.ms, graceMs: w.grace?.ms ?? 0 };
  }
}

export function aggSpec(
  b: Builder,
  op: OpAst & { k: 'count' | 'reduce' | 'aggregate' },
  target: 'stream' | 'session' | 'table',
): AggSpec {
  if (op.k === 'count') return { k: 'count' };
  const third = op.k === 'reduce' ? op.subtractor : op.subtractor;
  if (target === 'table' && !third) {
    throw b.err(
      op,
      op.k === 'reduce'
        ? 'KGroupedTable#reduce needs an adder and a subtractor: reduce <adder>, <subtractor>'
        : 'KGroupedTable#aggregate needs an initializer, an adder and a subtractor: aggregate <init>, <adder>, <subtractor>',
      op.k,
    );
  }
  if (target !== 'table' && third && !(target === 'session' && op.k === 'aggregate')) {
    throw b.err(
      op,
      `a KGroupedStream ${op.k} takes no subtractor: records only add to a stream aggregate`,
      op.k,
    );
  }
  if (op.k === 'reduce') return { k: 'reduce', adder: op.adder, subtractor: op.subtractor };
  if (target === 'session') {
    if (!op.subtractor) {
      throw b.err(
        op,
        'a session aggregate also needs a merger of two sessions: aggregate <init>, <adder>, <merger of agg1, agg2>',
        op.k,
      );
    }
    return { k: 'aggregate', init: op.init, adder: op.adder, merger: op.subtractor };
  }
  return { k: 'aggregate', init: op.init, adder: op.adder, subtractor: op.subtractor };
}

/** KGroupedStreamImpl / *WindowedKStreamImpl count, reduce, aggregate + GroupedStreamAggregateBuilder#build. */
export function streamAggregate(
  b: Builder,
  g: GroupedStreamObj,
  op: OpAst & { k: 'count' | 'reduce' | 'aggregate' },
  window: WindowDef | null,
): TableObj {
  const prefix = op.k === 'reduce' ? P.REDUCE : P.AGGREGATE;
  const storeName = op.as?.text ?? b.names.newStoreName(prefix);
  const aggName = b.names.newProcessorName(prefix);
  const agg = aggSpec(b, op, window?.k === 'session' ? 'session' : 'stream');
  let parent = g.node;
  let sourceName = g.name;
  if (g.repartitionRequired) {
    // GroupedStreamAggregateBuilder#build: a named grouping aggregated twice shares one repartition topic.
    const r = b.makeRepartition(g.groupedName ?? storeName);
    if (g.repartitionNode === null || g.groupedName === undefined) g.repartitionNode = r.node;
    b.add(g.node, g.repartitionNode);
    parent = g.repartitionNode;
    sourceName = r.sourceName;
  }
  const sup = { k: 'agg' as const, storeName, sendOldValues: false };
  let spec: StoreSpec;
  let op2: () => ProcOp;
  let grace: number | undefined;
  if (window === null) {
    spec = kvStore(storeName);
    op2 = () => ({ t: 'streamAggregate', agg, store: storeName, sendOldValues: sup.sendOldValues });
  } else if (window.k === 'time') {
    spec = {
      name: storeName,
      type: 'window',
      logging: true,
      global: false,
      retentionMs: window.sizeMs + window.graceMs,
      windowSizeMs: window.sizeMs,
    };
    grace = window.graceMs;
    op2 = () => ({
      t: 'windowAggregate',
      sizeMs: window.sizeMs,
      advanceMs: window.advanceMs,
      graceMs: window.graceMs,
      agg,
      store: storeName,
      sendOldValues: sup.sendOldValues,
    });
  } else if (window.k === 'sliding') {
    spec = {
      name: storeName,
      type: 'window',
      logging: true,
      global: false,
      retentionMs: 2 * window.diffMs + window.graceMs,
      windowSizeMs: window.diffMs,
    };
    grace = window.graceMs;
    op2 = () => ({
      t: 'slidingAggregate',
      diffMs: window.diffMs,
      graceMs: window.graceMs,
      agg,
      store: storeName,
      sendOldValues: sup.sendOldValues,
    });
  } else {
    spec = {
      name: storeName,
      type: 'session',
      logging: true,
      global: false,
      retentionMs: window.gapMs + window.graceMs,
    };
    grace = window.graceMs + window.gapMs;
    op2 = () => ({
      t: 'sessionAggregate',
      gapMs: window.gapMs,
      graceMs: window.graceMs,
      agg,
      store: storeName,
      sendOldValues: sup.sendOldValues,
    });
  }
  const node = b.processor(aggName, parent, op2, { add: spec }, grace);
  return {
    kind: 'table',
    name: aggName,
    node,
    sourceNodes: sourceName === g.name ? g.sourceNodes : [sourceName],
    queryableStore: op.as ? storeName : null,
    sup,
    sendOldValues: false,
    keyWindowed: window !== null,
  };
}

/** KGroupedTableImpl count, reduce, aggregate (#doAggregate). */
export function groupedTableOp(b: Builder, g: GroupedTableObj, op: OpAst): TableObj {
  if (op.k !== 'count' && op.k !== 'reduce' && op.k !== 'aggregate') {
    throw b.notAvailable(
      g,
      op,
      'aggregate it: count, reduce <adder>, <subtractor> or aggregate <init>, <adder>, <subtractor>',
    );
  }
  const storeName = op.as?.text ?? b.names.newStoreName(P.KTABLE_AGGREGATE);
  const agg = aggSpec(b, op, 'table');
  const sinkName = b.names.newProcessorName(P.SINK);
  const sourceName = b.names.newProcessorName(P.SOURCE);
  const funcName = b.names.newProcessorName(op.k === 'reduce' ? P.KTABLE_REDUCE : P.KTABLE_AGGREGATE);
  const topic = `${g.groupedName ?? storeName}-repartition`;
  if (g.repartitionNode === null || g.groupedName === undefined) {
    g.repartitionNode = b.node(sourceName, (w, parents) => {
      w.addInternalTopic(topic, 'repartition');
      w.addSink(sinkName, topic, parents);
      w.addSource(sourceName, [topic]);
    });
  }
  const rep = g.repartitionNode;
  b.add(g.node, rep);
  const sup = { k: 'tableAgg' as const, storeName, sendOldValues: false };
  const node = b.processor(
    funcName,
    rep,
    () => ({ t: 'tableAggregate', agg, store: storeName, sendOldValues: sup.sendOldValues }),
    {
      add: kvStore(storeName),
    },
  );
  return {
    kind: 'table',
    name: funcName,
    node,
    sourceNodes: [rep.nodeName],
    queryableStore: op.as ? storeName : null,
    sup,
    sendOldValues: false,
    keyWindowed: false,
  };
}
