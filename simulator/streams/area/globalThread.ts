// The GlobalStreamThread: every instance keeps a full copy of each GlobalKTable, read from all partitions of
// its source topic by a consumer that belongs to no group (client id `<client.id>-global-consumer`). The
// source topic is the store's changelog: there is no `-changelog` topic. At start the global thread reads every
// partition to its end before the stream threads process anything (GlobalStateManagerImpl bootstrap); then it
// applies new records as they arrive.
//
// Simplified: the bootstrap runs at once when the instance starts, and the later updates are applied at the
// start of each stream thread's poll, not by a thread of their own; there is no global .checkpoint file.
import { tpKey } from '../../cluster/topicPartition';
import type { Ctx } from '../../engine/context';
import { createGlobalState, processGlobalRecord } from '../runtime/task';
import { topologyOf } from './appTopology';
import { fetchRecords, readCommittedView } from './reads';
import type { GlobalThreadState, StreamsApp, StreamsInstance } from './types';

const BATCH = 1000;

/** Apply what the global topics hold beyond the thread's positions; returns the records applied. */
function catchUp(ctx: Ctx, app: StreamsApp, g: GlobalThreadState, max: number): number {
  const t = topologyOf(app.dsl);
  const view = readCommittedView(ctx.state);
  let applied = 0;
  for (const desc of t.globalStores) {
    const partitions = ctx.state.topics[desc.topic]?.partitions.length ?? 0;
    for (let p = 0; p < partitions; p++) {
      const key = tpKey(desc.topic, p);
      const got = fetchRecords(
        ctx,
        view,
        desc.topic,
        p,
        g.positions[key] ?? 0,
        max,
        app.guarantee === 'exactly_once_v2',
      );
      let global = { stores: g.stores };
      for (const rec of got.records) {
        global = processGlobalRecord(t, global, {
          topic: desc.topic,
          partition: p,
          offset: rec.offset,
          key: rec.key,
          value: rec.value,
          timestamp: rec.timestamp,
        }).global;
        applied++;
      }
      g.stores = global.stores;
      g.positions[key] = Math.max(g.positions[key] ?? 0, got.next);
    }
  }
  return applied;
}

/** Create and bootstrap the instance's global thread (null when the topology has no global table). */
export function startGlobalThread(ctx: Ctx, app: StreamsApp, inst: StreamsInstance, clientId: string): void {
  const t = topologyOf(app.dsl);
  if (t.globalStores.length === 0) {
    inst.global = null;
    return;
  }
  const g: GlobalThreadState = {
    thread: `${clientId}-GlobalStreamThread`,
    consumer: `${clientId}-global-consumer`,
    stores: createGlobalState(t).stores,
    positions: {},
  };
  let total = 0;
  for (let n = catchUp(ctx, app, g, BATCH); n > 0; n = catchUp(ctx, app, g, BATCH)) total += n;
  inst.global = g;
  ctx.emit(
    'streamsRestore',
    `${app.applicationId}: ${g.thread} bootstrapped ${t.globalStores.map((d) => `${d.store} from every partition of ${d.topic}`).join(', ')} (${total} records, read by ${g.consumer}, which is in no consumer group); the stream threads process only after this`,
    {
      app: app.applicationId,
      task: 'global',
      store: t.globalStores[0].store,
      restored: total,
      total,
      done: true,
    },
  );
}

/** New records on a global topic: the global copy follows them. */
export function globalStep(ctx: Ctx, app: StreamsApp, inst: StreamsInstance): void {
  if (inst.global) catchUp(ctx, app, inst.global, BATCH);
}
