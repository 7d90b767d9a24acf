// The foreign-key table-table join (KIP-213) as KTableImpl#doJoinOnForeignKey builds it: the left table sends a
// subscription for each row to the foreign table's partition of the extracted foreign key (the
// subscription-registration topic), the foreign side keeps the subscriptions in a store and answers with its
// current value (the subscription-response topic, back to the partition the subscription came from), and the
// left side joins the answer with its current row unless the row changed in the meantime (value hash check).

import type { OpAst, Pos } from '../dsl/dslAst';
import type { DslError } from '../dsl/scanner';
import type { Expr } from '../expr/exprAst';
import { exprVariables } from '../expr/exprAst';
import {
  enableSendingOldValues,
  type GNode,
  getterStores,
  type TableObj,
  type TableSupplier,
  valueGetterOf,
} from './graph';
import { type NameCounter, P } from './naming';
import type { ProcOp, StoreSpec, ValueGetter } from './types';

type JoinOp = OpAst & { k: 'join' };

/** The part of the DSL builder this module uses (kept structural so the modules do not import each other). */
type Builder = {
  readonly names: NameCounter;
  readonly root: GNode;
  err(pos: Pos, message: string, found?: string, expected?: string): DslError;
  node(nodeName: string, write: GNode['write']): GNode;
  add(parents: GNode | GNode[], child: GNode): void;
  copartition(...groups: string[][]): string[];
  processor(
    name: string,
    parent: GNode | GNode[],
    op: () => ProcOp,
    stores?: { add?: StoreSpec; connect?: () => string[] },
  ): GNode;
  defaultJoiner(): Expr;
};

const kvStore = (name: string): StoreSpec => ({ name, type: 'keyValue', logging: true, global: false });

const TOPIC_SUFFIX = '-topic';

function getter(b: Builder, t: TableObj, op: JoinOp): ValueGetter {
  const g = valueGetterOf(t);
  if ('error' in g) throw b.err(op.other, g.error, op.other.text);
  return g;
}

/** KTable#join / #leftJoin(other, foreignKeyExtractor, joiner[, TableJoined]): `as` is TableJoined.as. */
export function foreignKeyJoin(b: Builder, left: TableObj, foreign: TableObj, op: JoinOp): TableObj {
  const fk = op.on!;
  if (op.kind === 'outer') {
    throw b.err(
      op,
      'a foreign-key join is join or leftJoin: KTable has no outerJoin with a foreign-key extractor',
      'outerJoin',
    );
  }
  if (op.grace) throw b.err(op.grace, 'a table-table join has no grace period', op.grace.text);
  // Kafka 4.0's extractor is a Function<V, KO>: it sees the value only.
  if (exprVariables(fk).has('key')) {
    throw b.err(
      op,
      'the foreign-key extractor is a Function<V, KO> in Kafka 4.0: it reads the value, not the key (on value.<field>)',
      'key',
    );
  }
  if (op.joiner && exprVariables(op.joiner).has('key')) {
    throw b.err(
      op,
      'the joiner of a foreign-key join is a ValueJoiner: it sees left and right, not the key',
      'key',
    );
  }
  if (left.keyWindowed || foreign.keyWindowed) {
    throw b.err(op, 'a foreign-key join of windowed tables is not modelled by the simulation', 'on');
  }
  const leftJoin = op.kind === 'left';
  const named = op.as?.text;
  const n = b.names;

  // Old values: the foreign side's to skip unchanged values, the left side's to unsubscribe an old foreign key.
  enableSendingOldValues(foreign, true);
  enableSendingOldValues(left, true);

  const registrationTopic =
    n.suffixOrGenerate(named, '-subscription-registration', P.FK_SUBSCRIPTION_REGISTRATION) + TOPIC_SUFFIX;
  const sendName = n.suffixOrGenerate(
    named,
    '-subscription-registration-processor',
    P.FK_SUBSCRIPTION_REGISTRATION,
  );
  const regSink = n.suffixOrGenerate(named, '-subscription-registration-sink', P.KTABLE_SINK);
  const regSource = n.suffixOrGenerate(named, '-subscription-registration-source', P.KTABLE_SOURCE);
  const store = n.suffixOrGenerate(named, '-subscription-store', P.FK_JOIN_STATE_STORE);
  const receiveName = n.suffixOrGenerate(named, '-subscription-receive', P.FK_SUBSCRIPTION_PROCESSOR);
  const joinForeignName = n.suffixOrGenerate(
    named,
    '-subscription-join-foreign',
    P.FK_SUBSCRIPTION_PROCESSOR,
  );
  const foreignJoinName = n.suffixOrGenerate(
    named,
    '-foreign-join-subscription',
    P.FK_SUBSCRIPTION_PROCESSOR,
  );
  const responseTopic =
    n.suffixOrGenerate(named, '-subscription-response', P.FK_SUBSCRIPTION_RESPONSE) + TOPIC_SUFFIX;
  const respSink = n.suffixOrGenerate(named, '-subscription-response-sink', P.KTABLE_SINK);
  const respSource = n.suffixOrGenerate(named, '-subscription-response-source', P.KTABLE_SOURCE);
  const resolverName = n.suffixOrGenerate(named, '-subscription-response-resolver', P.FK_RESPONSE_RESOLVER);
  const resultName = n.suffixOrGenerate(named, '-result', P.FK_JOIN_OUTPUT);
  // MaterializedInternal without a store name: a generated one, used only if something materializes the result.
  const resultStore = n.newStoreName(P.FK_JOIN_OUTPUT);

  const foreignGetter = getter(b, foreign, op);
  const primaryGetter = getter(b, left, op);
  const joiner = op.joiner ?? b.defaultJoiner();

  const send = b.processor(sendName, left.node, () => ({
    t: 'fkSubscriptionSend',
    foreignKey: fk,
    leftJoin,
  }));
  const sink = b.node(regSink, (w, parents) => {
    w.addInternalTopic(registrationTopic, 'repartition');
    w.addSink(regSink, registrationTopic, parents);
  });
  b.add(send, sink);
  const source = b.node(regSource, (w) => w.addSource(regSource, [registrationTopic]));
  b.add(sink, source);
  // The registration topic is co-partitioned with the foreign table.
  b.copartition(foreign.sourceNodes, [regSource]);

  // InternalStreamsBuilder#addStateStore: a StateStoreNode under the root (a timestamped key-value store, logged).
  const storeNode = b.node(store, (w) => w.addStateStore(kvStore(store)));
  b.add(b.root, storeNode);

  const receive = b.processor(receiveName, source, () => ({ t: 'fkSubscriptionReceive', store }), {
    connect: () => [store],
  });
  const joinForeign = b.processor(
    joinForeignName,
    receive,
    () => ({ t: 'fkSubscriptionJoin', foreign: foreignGetter }),
    { connect: () => getterStores(foreignGetter) },
  );
  const foreignJoin = b.processor(foreignJoinName, foreign.node, () => ({ t: 'fkForeignJoin', store }), {
    connect: () => [store],
  });
  const rSink = b.node(respSink, (w, parents) => {
    w.addInternalTopic(responseTopic, 'repartition');
    w.addSink(respSink, responseTopic, parents, 'primaryPartition');
  });
  b.add(joinForeign, rSink);
  b.add(foreignJoin, rSink);
  const rSource = b.node(respSource, (w) => w.addSource(respSource, [responseTopic]));
  b.add(rSink, rSource);
  // The response topic is co-partitioned with the left (primary) table.
  const resultSources = b.copartition(left.sourceNodes, [respSource]);

  const resolver = b.processor(
    resolverName,
    rSource,
    () => ({ t: 'fkResponseJoin', primary: primaryGetter, joiner, leftJoin }),
    { connect: () => getterStores(primaryGetter) },
  );
  // The result is a KTableSource: materialized only when named or read by a later join (KTableSource#materialize).
  const sup: TableSupplier & { k: 'source' } = {
    k: 'source',
    storeName: resultStore,
    queryable: null,
    sendOldValues: false,
  };
  const result = b.node(resultName, (w, parents) => {
    w.addProcessor(
      resultName,
      { t: 'tableSource', store: sup.queryable, sendOldValues: sup.sendOldValues },
      parents,
    );
    if (sup.queryable !== null) w.addStateStore(kvStore(resultStore), resultName);
  });
  b.add(resolver, result);
  return {
    kind: 'table',
    name: resultName,
    node: result,
    sourceNodes: resultSources,
    queryableStore: null,
    sup,
    sendOldValues: false,
    keyWindowed: false,
  };
}
