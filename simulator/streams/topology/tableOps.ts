// KTable operations of the DSL builder (KTableImpl): filter, mapValues, toStream, groupBy, suppress, joins.

import type { OpAst } from '../dsl/dslAst';
import { type Builder, findWindowGrace } from './dslBuilder';
import { type DslObj, enableSendingOldValues, type TableObj } from './graph';
import { applyJoin } from './joinOps';
import { P } from './naming';
import type { StoreSpec } from './types';

export function tableOp(b: Builder, t: TableObj, op: OpAst): DslObj | null {
  switch (op.k) {
    case 'filter': {
      const name = b.names.orElseGenerate(op.as?.text, P.KTABLE_FILTER);
      // KTableFilter's constructor: send old values if upstream is already materialized.
      const sup = { k: 'filter' as const, parent: t, pred: op.pred, not: op.not, sendOldValues: false };
      sup.sendOldValues = enableSendingOldValues(t, false);
      const node = b.processor(name, t.node, () => ({
        t: 'tableFilter',
        pred: op.pred,
        not: op.not,
        sendOldValues: sup.sendOldValues,
      }));
      return { ...t, name, node, queryableStore: null, sup, sendOldValues: false };
    }
    case 'mapValues': {
      const name = b.names.orElseGenerate(op.as?.text, P.KTABLE_MAPVALUES);
      const sup = { k: 'mapValues' as const, parent: t, value: op.value, sendOldValues: false };
      const node = b.processor(name, t.node, () => ({
        t: 'tableMapValues',
        value: op.value,
        sendOldValues: sup.sendOldValues,
      }));
      return { ...t, name, node, queryableStore: null, sup, sendOldValues: false };
    }
    case 'toStream': {
      const name = b.names.orElseGenerate(op.as?.text, P.KTABLE_TOSTREAM);
      const node = b.processor(name, t.node, () => ({ t: 'toStream' }));
      return {
        kind: 'stream',
        name,
        node,
        repartitionRequired: false,
        sourceNodes: t.sourceNodes,
        keyWindowed: t.keyWindowed,
      };
    }
    case 'groupBy': {
      const name = b.names.orElseGenerate(op.as?.text, P.KTABLE_SELECT);
      const node = b.processor(name, t.node, () => ({
        t: 'tableSelect',
        key: op.key,
        value: op.value ?? null,
      }));
      enableSendingOldValues(t, true);
      return {
        kind: 'groupedTable',
        name,
        node,
        sourceNodes: t.sourceNodes,
        groupedName: op.as?.text,
        repartitionNode: null,
      };
    }
    case 'suppress':
      return suppress(b, t, op);
    case 'join':
      return applyJoin(b, t, op);
    case 'to':
      throw b.notAvailable(t, op, 'turn it into a stream first: ... | toStream | to <topic>');
    case 'groupByKey':
      throw b.notAvailable(t, op, 'a KTable is grouped with groupBy <key>[, <value>]');
    case 'map':
    case 'flatMap':
    case 'selectKey':
    case 'flatMapValues':
      throw b.notAvailable(t, op, 'a KTable has mapValues; to change the key use groupBy, or toStream first');
    case 'windowedBy':
      throw b.notAvailable(
        t,
        op,
        'only a grouped stream can be windowed: stream <topic> | groupByKey | windowedBy ...',
      );
    default:
      throw b.notAvailable(
        t,
        op,
        'see the list of KTable operations: filter, filterNot, mapValues, toStream, groupBy, join, leftJoin, outerJoin, suppress',
      );
  }
}

export function suppress(b: Builder, t: TableObj, op: OpAst & { k: 'suppress' }): TableObj {
  const name = op.as?.text ?? b.names.newProcessorName(P.KTABLE_SUPPRESS);
  let durationMs: number;
  if (op.until.k === 'windowCloses') {
    durationMs = findWindowGrace(t.node, '', (m) => b.err(op, `Invalid topology: ${m}`, 'untilWindowCloses'));
  } else {
    if (op.until.limit.ms < 0)
      throw b.err(op.until.limit, 'untilTimeLimit needs a duration of zero or more', op.until.limit.text);
    durationMs = op.until.limit.ms;
  }
  const store = op.as ? `${op.as.text}-store` : b.names.newStoreName(P.KTABLE_SUPPRESS);
  enableSendingOldValues(t, true);
  const spec: StoreSpec = { name: store, type: 'suppress', logging: true, global: false };
  const maxRecords = op.buffer.k === 'maxRecords' ? op.buffer.n : null;
  const node = b.processor(
    name,
    t.node,
    () => ({
      t: 'suppress',
      store,
      mode: op.until.k,
      durationMs,
      maxRecords,
      whenFull: op.until.k === 'windowCloses' ? 'shutDown' : 'emitEarly',
      dropTombstones: op.until.k === 'windowCloses',
    }),
    { add: spec },
  );
  return {
    kind: 'table',
    name,
    node,
    sourceNodes: [t.name],
    queryableStore: null,
    sup: { k: 'suppress', parent: t, store },
    sendOldValues: false,
    keyWindowed: t.keyWindowed,
  };
}
