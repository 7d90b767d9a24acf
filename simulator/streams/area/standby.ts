// Standby replicas (num.standby.replicas): a StandbyTask on another instance keeps a copy of a stateful task's
// stores by applying its changelog records as they arrive (through the thread's restore consumer); it processes
// no input. When the active task moves to that instance only the tail the standby has not applied is restored.
import type { Ctx } from '../../engine/context';
import { applyChangelogRecord, RESTORE_BATCH_RECORDS } from '../runtime/restore';
import { topologyOf } from './appTopology';
import { changelogTopic } from './localState';
import { fetchRecords, readCommittedView } from './reads';
import type { StreamsApp, StreamsInstance, StreamThread } from './types';

/** Apply new changelog records to the thread's standbys; true when more are waiting. */
export function standbyStep(ctx: Ctx, app: StreamsApp, inst: StreamsInstance, th: StreamThread): boolean {
  const t = topologyOf(app.dsl);
  const view = readCommittedView(ctx.state);
  let more = false;
  for (const [id, sb] of Object.entries(inst.standbys)) {
    if (sb.thread !== th.index) continue;
    const partition = Number(id.split('_')[1]);
    for (const store of Object.keys(sb.positions)) {
      const got = fetchRecords(
        ctx,
        view,
        changelogTopic(app, store),
        partition,
        sb.positions[store],
        RESTORE_BATCH_RECORDS,
        app.guarantee === 'exactly_once_v2',
      );
      let state = sb.stores[store];
      for (const rec of got.records) {
        if (rec.key === null) continue;
        state = applyChangelogRecord(t.stores[store], state, {
          key: rec.key,
          value: rec.value,
          timestamp: rec.timestamp,
        });
      }
      sb.stores[store] = state;
      if (got.next > sb.positions[store]) sb.positions[store] = got.next;
      if (got.records.length >= RESTORE_BATCH_RECORDS) more = true;
    }
  }
  return more;
}
