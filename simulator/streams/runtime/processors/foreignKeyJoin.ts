// The foreign-key join's processors (kstream/internals/foreignkeyjoin, KIP-213):
// - SubscriptionSendProcessorSupplier: a left-table change becomes subscription instructions keyed by foreign key;
// - SubscriptionReceiveProcessorSupplier: the foreign side stores (foreign key, primary key) -> subscription;
// - SubscriptionJoinProcessorSupplier: answers a new subscription with the foreign table's current value;
// - ForeignTableJoinProcessorSupplier: a foreign-table change answers every subscription of its key (prefix scan);
// - ResponseJoinProcessorSupplier: the left side joins the answer with its current row, dropping stale answers.
// Simplified: the wrappers cross the repartition topics as JSON text (Kafka: a versioned binary format), the value
// hash is a 32-bit murmur2 of the value text in hex (Kafka: Murmur3 hash128 of the serialized value), and the
// combined key of the subscription store is the JSON array [foreignKey, primaryKey] (Kafka: length-prefixed bytes).

import { murmur2 } from '../../../producer/murmur2';
import { compileExpr, toText } from '../../expr/exprEval';
import { mapForEach } from '../../persistentMap';
import type { ProcOp } from '../../topology/types';
import {
  drop,
  type Exec,
  getStore,
  keyText,
  logChange,
  type Rec,
  StreamsProcessingError,
  setStore,
} from '../exec';
import { type CNode, forward, type Run } from '../node';
import { kvPut } from '../stores';
import { compileGetter } from '../valueGetter';

/** SubscriptionWrapper.Instruction. */
export type SubscriptionInstruction =
  | 'DELETE_KEY_AND_PROPAGATE'
  | 'DELETE_KEY_NO_PROPAGATE'
  | 'PROPAGATE_NULL_IF_NO_FK_VAL_AVAILABLE'
  | 'PROPAGATE_ONLY_IF_FK_VAL_AVAILABLE';

/** SubscriptionWrapper: what the left side sends to the foreign key's partition. */
export type SubscriptionWrapper = {
  hash: string | null;
  instruction: SubscriptionInstruction;
  primaryKey: string;
  primaryPartition: number;
};

/** SubscriptionResponseWrapper: what the foreign side sends back to the primary key's partition. */
export type SubscriptionResponse = {
  originalValueHash: string | null;
  foreignValue: string | null;
  primaryPartition: number;
};

/** The value hash a response is checked against (stand-in for Murmur3.hash128 of the serialized value). */
export function valueHash(value: string | null): string | null {
  return value === null ? null : (murmur2(value) >>> 0).toString(16).padStart(8, '0');
}

/** CombinedKey<KO, K> as the subscription store's key. */
export function combinedKey(foreignKey: string | null, primaryKey: string): string {
  return JSON.stringify([foreignKey, primaryKey]);
}

function parseCombined(k: string): [string | null, string] {
  return JSON.parse(k) as [string | null, string];
}

function parseJson<T>(node: string, what: string, v: string | null): T {
  if (v === null) throw new StreamsProcessingError(`${node}: a ${what} cannot be null`, node);
  try {
    return JSON.parse(v) as T;
  } catch {
    throw new StreamsProcessingError(`${node}: not a ${what}: ${v}`, node);
  }
}

/** The partition a response sink sends to (the default foreign response partitioner). */
export function responsePartition(value: string | null): number | undefined {
  if (value === null) return undefined;
  try {
    const p = (JSON.parse(value) as Partial<SubscriptionResponse>).primaryPartition;
    return typeof p === 'number' ? p : undefined;
  } catch {
    return undefined;
  }
}

export function foreignKeyJoinRun(n: CNode, op: ProcOp): Run | null {
  switch (op.t) {
    case 'fkSubscriptionSend':
      return subscriptionSend(n, op);
    case 'fkSubscriptionReceive':
      return subscriptionReceive(n, op.store);
    case 'fkSubscriptionJoin':
      return subscriptionJoin(n, op);
    case 'fkForeignJoin':
      return foreignTableJoin(n, op.store);
    case 'fkResponseJoin':
      return responseJoin(n, op);
    default:
      return null;
  }
}

function subscriptionSend(n: CNode, op: ProcOp & { t: 'fkSubscriptionSend' }): Run {
  const extract = compileExpr(op.foreignKey);
  const fkOf = (v: string) => toText(extract({ value: v }));
  const { leftJoin } = op;
  return (x, r) => {
    const pk = keyText(r.key)!;
    const hash = valueHash(r.value);
    const send = (fk: string | null, instruction: SubscriptionInstruction) => {
      const w: SubscriptionWrapper = {
        hash,
        instruction,
        primaryKey: pk,
        primaryPartition: x.task.partition,
      };
      forward(x, n, { key: fk, value: JSON.stringify(w), old: null, ts: r.ts });
    };
    const skip = () =>
      drop(
        x,
        n.name,
        'nullForeignKey',
        r.key,
        r.ts,
        `${n.name}: record ${pk} skipped: its foreign key is null (an inner foreign-key join needs one; counted in dropped-records)`,
      );
    const oldFk = r.old === null ? null : fkOf(r.old);
    const newFk = r.value === null ? null : fkOf(r.value);
    if (leftJoin) {
      // SubscriptionSendProcessor#leftJoinInstructions: a left join answers even a null foreign key.
      if (r.old !== null) {
        if (oldFk !== null && newFk !== oldFk) send(oldFk, 'DELETE_KEY_AND_PROPAGATE');
        send(newFk, 'PROPAGATE_NULL_IF_NO_FK_VAL_AVAILABLE');
      } else if (r.value !== null) send(newFk, 'PROPAGATE_NULL_IF_NO_FK_VAL_AVAILABLE');
      return;
    }
    // #defaultJoinInstructions.
    if (r.old !== null) {
      if (oldFk === null) return skip();
      if (r.value !== null) {
        if (newFk === null) return skip();
        // A changed foreign key unsubscribes from the old one; the new subscription must answer even without a
        // match, to retract the result the old foreign key produced.
        if (newFk !== oldFk) send(oldFk, 'DELETE_KEY_NO_PROPAGATE');
        send(newFk, 'PROPAGATE_NULL_IF_NO_FK_VAL_AVAILABLE');
      } else send(oldFk, 'DELETE_KEY_AND_PROPAGATE');
    } else if (r.value !== null) {
      if (newFk === null) skip();
      else send(newFk, 'PROPAGATE_ONLY_IF_FK_VAL_AVAILABLE');
    }
  };
}

function subscriptionReceive(n: CNode, store: string): Run {
  return (x, r) => {
    const w = parseJson<SubscriptionWrapper>(n.name, 'SubscriptionWrapper', r.value);
    const fk = keyText(r.key);
    if (fk === null && w.instruction !== 'PROPAGATE_NULL_IF_NO_FK_VAL_AVAILABLE') {
      drop(
        x,
        n.name,
        'nullForeignKey',
        null,
        r.ts,
        `${n.name}: subscription with a null foreign key skipped`,
      );
      return;
    }
    const ck = combinedKey(fk, w.primaryKey);
    // A null foreign key (left join) is answered but never stored: no foreign row can ever match it.
    if (fk !== null) {
      const del = w.instruction === 'DELETE_KEY_AND_PROPAGATE' || w.instruction === 'DELETE_KEY_NO_PROPAGATE';
      const s = getStore(x, store);
      setStore(x, store, kvPut(s, ck, del ? null : (r.value as string), r.ts));
      logChange(x, store, ck, del ? null : r.value, r.ts);
    }
    forward(x, n, { key: ck, value: r.value, old: null, ts: r.ts });
  };
}

function respond(x: Exec, n: CNode, pk: string, res: SubscriptionResponse, ts: number): void {
  forward(x, n, { key: pk, value: JSON.stringify(res), old: null, ts });
}

function subscriptionJoin(n: CNode, op: ProcOp & { t: 'fkSubscriptionJoin' }): Run {
  const foreign = compileGetter(op.foreign);
  return (x, r) => {
    const [fk, pk] = parseCombined(keyText(r.key)!);
    const w = parseJson<SubscriptionWrapper>(n.name, 'SubscriptionWrapper', r.value);
    const fv = fk === null ? null : foreign(x, fk);
    const ts = fv === null ? r.ts : Math.max(r.ts, fv.t);
    const answer = (foreignValue: string | null) =>
      respond(
        x,
        n,
        pk,
        { originalValueHash: w.hash, foreignValue, primaryPartition: w.primaryPartition },
        ts,
      );
    switch (w.instruction) {
      case 'DELETE_KEY_AND_PROPAGATE':
        answer(null);
        break;
      case 'PROPAGATE_NULL_IF_NO_FK_VAL_AVAILABLE':
        answer(fv?.v ?? null);
        break;
      case 'PROPAGATE_ONLY_IF_FK_VAL_AVAILABLE':
        if (fv !== null) answer(fv.v);
        break;
      case 'DELETE_KEY_NO_PROPAGATE':
        break;
    }
  };
}

function foreignTableJoin(n: CNode, store: string): Run {
  return (x, r) => {
    const fk = keyText(r.key);
    if (fk === null) {
      drop(x, n.name, 'nullKey', null, r.ts, `${n.name}: record with a null key skipped`);
      return;
    }
    // The prefix scan over [foreignKey, ...) of the subscription store.
    const prefix = `${JSON.stringify([fk]).slice(0, -1)},`;
    const hits: Array<[string, string]> = [];
    const s = getStore(x, store);
    if (s.type !== 'keyValue') throw new StreamsProcessingError(`${store} is not a key-value store`, n.name);
    mapForEach(s.map, (k, e) => {
      if (k.startsWith(prefix)) hits.push([k, e.v]);
    });
    hits.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    for (const [k, v] of hits) {
      const w = JSON.parse(v) as SubscriptionWrapper;
      const pk = parseCombined(k)[1];
      respond(
        x,
        n,
        pk,
        { originalValueHash: w.hash, foreignValue: r.value, primaryPartition: w.primaryPartition },
        r.ts,
      );
    }
  };
}

function responseJoin(n: CNode, op: ProcOp & { t: 'fkResponseJoin' }): Run {
  const primary = compileGetter(op.primary);
  const joiner = compileExpr(op.joiner);
  const { leftJoin } = op;
  return (x, r: Rec) => {
    const pk = keyText(r.key)!;
    const res = parseJson<SubscriptionResponse>(n.name, 'SubscriptionResponseWrapper', r.value);
    const current = primary(x, pk);
    const currentHash = valueHash(current?.v ?? null);
    if (res.originalValueHash !== currentHash) {
      drop(
        x,
        n.name,
        'staleResponse',
        pk,
        r.ts,
        `${n.name}: response for ${pk} dropped: the row changed since the subscription was sent (hash ${res.originalValueHash ?? 'null'} is not the current ${currentHash ?? 'null'})`,
      );
      return;
    }
    const value =
      res.foreignValue === null && (!leftJoin || current === null)
        ? null
        : toText(joiner({ left: current?.v ?? null, right: res.foreignValue }));
    forward(x, n, { key: pk, value, old: null, ts: r.ts });
  };
}
