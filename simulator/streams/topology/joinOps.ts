// Joins as the Java DSL builds them: KStreamImpl#doJoin + KStreamImplJoin (stream-stream, with JoinWindows),
// KStreamImpl#doStreamTableJoin, KStreamImpl#globalTableJoin and KTableImpl#doJoin (table-table).

import type { OpAst } from '../dsl/dslAst';
import type { Builder } from './dslBuilder';
import { kindName } from './dslBuilder';
import { foreignKeyJoin } from './foreignKeyJoin';
import {
  type DslObj,
  enableSendingOldValues,
  getterStores,
  type StreamObj,
  type TableObj,
  valueGetterOf,
} from './graph';
import { P } from './naming';
import type { StoreSpec, ValueGetter } from './types';

export type JoinOp = OpAst & { k: 'join' };

function joinWord(op: JoinOp): string {
  return op.kind === 'inner' ? 'join' : op.kind === 'left' ? 'leftJoin' : 'outerJoin';
}

export function applyJoin(b: Builder, left: StreamObj | TableObj, op: JoinOp): DslObj {
  const other = b.vars.get(op.other.text);
  if (!other) {
    throw b.err(
      op.other,
      `unknown name '${op.other.text}': define it first, e.g. ${op.other.text} = table <topic>`,
      op.other.text,
    );
  }
  const w = joinWord(op);
  if (left.kind === 'stream') {
    if (other.kind === 'stream') return streamStreamJoin(b, left, other, op);
    if (other.kind === 'table') return streamTableJoin(b, left, other, op);
    if (other.kind === 'globalTable') return globalTableJoin(b, left, other.store, op);
    throw b.err(
      op.other,
      `a KStream can ${w} a KStream, a KTable or a GlobalKTable, not a ${kindName(other)}`,
      op.other.text,
    );
  }
  if (other.kind === 'table')
    return op.on ? foreignKeyJoin(b, left, other, op) : tableTableJoin(b, left, other, op);
  if (other.kind === 'stream') {
    throw b.err(
      op.other,
      `a KTable cannot ${w} a KStream: put the stream on the left (stream | ${w} table)`,
      op.other.text,
    );
  }
  throw b.err(op.other, `a KTable can ${w} only another KTable, not a ${kindName(other)}`, op.other.text);
}

/** KStreamImpl#doJoin + KStreamImplJoin#join. */
function streamStreamJoin(b: Builder, leftIn: StreamObj, otherIn: StreamObj, op: JoinOp): StreamObj {
  if (!op.window) {
    throw b.err(
      op,
      `a stream-stream ${joinWord(op)} needs a window: ${joinWord(op)} ${op.other.text} window 5m [grace 1m]`,
      joinWord(op),
    );
  }
  if (op.on)
    throw b.err(op, "'on' is for a join with a GlobalKTable: a stream-stream join matches equal keys", 'on');
  const diff = op.window.diff.ms;
  const before = op.window.before?.ms ?? diff;
  const after = op.window.after?.ms ?? diff;
  const grace = op.grace?.ms ?? 0;
  // JoinWindows constructor checks.
  if (diff + diff < 0 || before + after < 0) {
    throw b.err(
      op.window.diff,
      'Window interval (ie, beforeMs+afterMs) must not be negative.',
      op.window.diff.text,
    );
  }
  if (grace < 0) throw b.err(op.grace!, 'Grace period must not be negative.', op.grace!.text);

  const storeName = op.as?.text;
  let thisS = leftIn;
  let otherS = otherIn;
  if (thisS.repartitionRequired) thisS = b.repartitionForJoin(thisS, thisS.name);
  if (otherS.repartitionRequired) otherS = b.repartitionForJoin(otherS, otherS.name);
  b.copartition(thisS.sourceNodes, otherS.sourceNodes);

  const leftOuter = op.kind !== 'inner';
  const rightOuter = op.kind === 'outer';
  const thisWindowed = b.names.newProcessorName(P.WINDOWED);
  const otherWindowed = b.names.newProcessorName(P.WINDOWED);
  const joinThis = b.names.newProcessorName(rightOuter ? P.OUTERTHIS : P.JOINTHIS);
  const joinOther = b.names.newProcessorName(leftOuter ? P.OUTEROTHER : P.JOINOTHER);
  const merge = b.names.newProcessorName(P.MERGE);
  const thisSuffix = rightOuter ? '-outer-this-join' : '-this-join';
  const otherSuffix = leftOuter ? '-outer-other-join' : '-other-join';
  const thisStore = `${storeName ? storeName + thisSuffix : joinThis}-store`;
  const otherStore = `${storeName ? storeName + otherSuffix : joinOther}-store`;
  // OuterStreamJoinStoreFactory#buildOuterJoinWindowStoreName.
  const outerStore = leftOuter
    ? `${
        storeName
          ? storeName + (rightOuter ? '-outer-shared-join' : '-left-shared-join')
          : P.OUTERSHARED + joinThis.substring(rightOuter ? P.OUTERTHIS.length : P.JOINTHIS.length)
      }-store`
    : null;
  const size = before + after;
  const windowStore = (name: string): StoreSpec => ({
    name,
    type: 'joinWindow',
    logging: true,
    global: false,
    retentionMs: size + grace,
    windowSizeMs: size,
    retainDuplicates: true,
  });
  const joiner = op.joiner ?? b.defaultJoiner();

  // WindowedStreamProcessorNode: plain processors here; the join node adds their stores.
  b.processor(thisWindowed, thisS.node, () => ({ t: 'joinWindow', store: thisStore }));
  b.processor(otherWindowed, otherS.node, () => ({ t: 'joinWindow', store: otherStore }));
  const node = b.node(merge, (w) => {
    w.addProcessor(
      joinThis,
      {
        t: 'streamJoin',
        side: 'left',
        outer: leftOuter,
        otherStore,
        outerStore,
        beforeMs: before,
        afterMs: after,
        windowBeforeMs: before,
        windowAfterMs: after,
        graceMs: grace,
        joiner,
        tracker: merge,
      },
      [thisWindowed],
    );
    w.addProcessor(
      joinOther,
      {
        t: 'streamJoin',
        side: 'right',
        outer: rightOuter,
        otherStore: thisStore,
        outerStore,
        beforeMs: after,
        afterMs: before,
        windowBeforeMs: before,
        windowAfterMs: after,
        graceMs: grace,
        joiner,
        tracker: merge,
      },
      [otherWindowed],
    );
    w.addProcessor(merge, { t: 'passThrough', role: 'joinMerge' }, [joinThis, joinOther]);
    w.addStateStore(windowStore(thisStore), thisWindowed, joinOther);
    w.addStateStore(windowStore(otherStore), otherWindowed, joinThis);
    if (outerStore)
      w.addStateStore(
        { name: outerStore, type: 'outerJoin', logging: true, global: false },
        joinThis,
        joinOther,
      );
  });
  b.add([thisS.node, otherS.node], node);
  return {
    kind: 'stream',
    name: merge,
    node,
    repartitionRequired: false,
    sourceNodes: [...thisS.sourceNodes, ...otherS.sourceNodes.filter((s) => !thisS.sourceNodes.includes(s))],
    keyWindowed: false,
  };
}

function getterOrFail(b: Builder, t: TableObj, op: JoinOp): ValueGetter {
  const g = valueGetterOf(t);
  if ('error' in g) throw b.err(op.other, g.error, op.other.text);
  return g;
}

/** KStreamImpl#join(KTable) / #leftJoin(KTable). */
function streamTableJoin(b: Builder, s: StreamObj, t: TableObj, op: JoinOp): StreamObj {
  if (op.window)
    throw b.err(
      op.window.diff,
      "a stream-table join has no window: each stream record reads the table's current value",
      'window',
    );
  if (op.kind === 'outer')
    throw b.err(op, 'KStream has no outerJoin with a KTable: use join or leftJoin', 'outerJoin');
  if (op.on)
    throw b.err(op, "'on' is for a join with a GlobalKTable: a stream-table join matches equal keys", 'on');
  if (op.grace)
    throw b.err(
      op.grace,
      'a grace period needs a versioned table, which the simulation does not model',
      op.grace.text,
    );
  const joinedName = op.as?.text;
  const s2 = s.repartitionRequired ? b.repartitionForJoin(s, joinedName ?? s.name) : s;
  const all = b.copartition(s2.sourceNodes, t.sourceNodes);
  const name = b.names.orElseGenerate(joinedName, op.kind === 'left' ? P.LEFTJOIN : P.JOIN);
  const getter = getterOrFail(b, t, op);
  const joiner = op.joiner ?? b.defaultJoiner();
  const node = b.processor(
    name,
    s2.node,
    () => ({ t: 'streamTableJoin', left: op.kind === 'left', joiner, table: getter }),
    {
      connect: () => getterStores(getter),
    },
  );
  return {
    kind: 'stream',
    name,
    node,
    repartitionRequired: false,
    sourceNodes: all,
    keyWindowed: s2.keyWindowed,
  };
}

/** KStreamImpl#globalTableJoin: named with the LEFTJOIN prefix for inner joins too. */
function globalTableJoin(b: Builder, s: StreamObj, store: string, op: JoinOp): StreamObj {
  if (!op.on) {
    throw b.err(
      op,
      `a join with a GlobalKTable needs the lookup key: ${joinWord(op)} ${op.other.text} on <key expression>`,
      joinWord(op),
    );
  }
  if (op.kind === 'outer')
    throw b.err(op, 'KStream has no outerJoin with a GlobalKTable: use join or leftJoin', 'outerJoin');
  if (op.window) throw b.err(op.window.diff, 'a GlobalKTable join has no window', 'window');
  const name = b.names.orElseGenerate(op.as?.text, P.LEFTJOIN);
  const joiner = op.joiner ?? b.defaultJoiner();
  const keySelector = op.on;
  const node = b.processor(name, s.node, () => ({
    t: 'globalJoin',
    left: op.kind === 'left',
    keySelector,
    joiner,
    store,
  }));
  return { ...s, name, node };
}

/** KTableImpl#doJoin (KTableKTableJoinNode): join-this, join-other and a merge processor. */
function tableTableJoin(b: Builder, l: TableObj, r: TableObj, op: JoinOp): TableObj {
  if (op.window)
    throw b.err(op.window.diff, 'a table-table join has no window: it joins the current values', 'window');
  if (op.grace) throw b.err(op.grace, 'a table-table join has no grace period', op.grace.text);
  const named = op.as?.text;
  const merge = b.names.orElseGenerate(named, P.KTABLE_MERGE);
  const all = b.copartition(l.sourceNodes, r.sourceNodes);
  const leftOuter = op.kind !== 'inner';
  const rightOuter = op.kind === 'outer';
  if (leftOuter) enableSendingOldValues(l, true);
  if (rightOuter) enableSendingOldValues(r, true);
  const thisName = b.names.suffixOrGenerate(named, '-join-this', P.KTABLE_JOINTHIS);
  const otherName = b.names.suffixOrGenerate(named, '-join-other', P.KTABLE_JOINOTHER);
  const thisGetter = getterOrFail(b, l, op);
  const otherGetter = getterOrFail(b, r, op);
  const joiner = op.joiner ?? b.defaultJoiner();
  const joinThis = { sendOldValues: false };
  const joinOther = { sendOldValues: false };
  const sup = {
    k: 'merger' as const,
    kind: op.kind,
    left: l,
    right: r,
    joiner,
    joinThis,
    joinOther,
    sendOldValues: false,
  };
  const thisKind = op.kind;
  const otherKind = op.kind === 'left' ? 'right' : op.kind;
  const node = b.node(merge, (w) => {
    w.addProcessor(
      thisName,
      {
        t: 'tableJoin',
        kind: thisKind,
        other: otherGetter,
        joiner,
        reversed: false,
        sendOldValues: joinThis.sendOldValues,
      },
      [l.name],
    );
    w.addProcessor(
      otherName,
      {
        t: 'tableJoin',
        kind: otherKind,
        other: thisGetter,
        joiner,
        reversed: true,
        sendOldValues: joinOther.sendOldValues,
      },
      [r.name],
    );
    w.addProcessor(merge, { t: 'tableJoinMerge', sendOldValues: sup.sendOldValues }, [thisName, otherName]);
    for (const s of getterStores(otherGetter)) w.connect(thisName, s);
    for (const s of getterStores(thisGetter)) w.connect(otherName, s);
  });
  b.add([l.node, r.node], node);
  return {
    kind: 'table',
    name: merge,
    node,
    sourceNodes: all,
    queryableStore: null,
    sup,
    sendOldValues: false,
    keyWindowed: false,
  };
}
