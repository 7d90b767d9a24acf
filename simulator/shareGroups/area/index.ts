// The share-groups area (state.areas.shareGroups): KIP-932 share groups on the simulated cluster. Share
// consumers join a group, fetch records under acquisition locks from the partitions' high watermarks, and
// acknowledge them; a timer per share-partition takes back locks that expire.

import { defineArea, type Hook, on, type TaskHandlers } from '../../extend';
import { DEFAULT_SHARE_GROUP_CONFIG } from '../config';
import { expireAcquisitionLocks } from '../sharePartition';
import { shareGroupCommands } from './commands';
import { recordTransition } from './record';
import './types';

const shareGroupTasks = {
  shareLockTimeout: (ctx, task) => {
    const area = ctx.state.areas.shareGroups;
    const sp = area.groups[task.groupId]?.partitions[`${task.topic}-${task.partition}`];
    if (!sp) return; // the group or the partition is gone: a stale timer does nothing
    // SharePartition#releaseAcquisitionLockOnTimeout: every lock expired by now goes back (or is archived).
    const r = expireAcquisitionLocks(sp, ctx.now, area.config);
    if (r.ok && r.events.length > 0) recordTransition(ctx, task.groupId, r.state, r.events);
  },
} satisfies TaskHandlers;

const shareGroupHooks: readonly Hook[] = [
  // A deleted topic's share-partitions go with it (the share coordinator deletes their state).
  on('topicDeleted', (ctx, ev) => {
    for (const group of Object.values(ctx.state.areas.shareGroups.groups)) {
      const gone = Object.keys(group.partitions).filter((k) => group.partitions[k].topic === ev.topic);
      for (const k of gone) delete group.partitions[k];
      const before = JSON.stringify(group.assignment);
      for (const [m, tps] of Object.entries(group.assignment))
        group.assignment[m] = tps.filter((tp) => tp.topic !== ev.topic);
      if (gone.length > 0 || before !== JSON.stringify(group.assignment))
        ctx.emit(
          'shareGroupAssignmentChanged',
          `topic ${ev.topic} was deleted: share group ${group.groupId} no longer reads it`,
          { groupId: group.groupId, assignment: group.assignment },
        );
    }
  }),
];

export const shareGroupsArea = defineArea({
  name: 'shareGroups',
  init: (state) => {
    state.areas.shareGroups = { config: { ...DEFAULT_SHARE_GROUP_CONFIG }, groups: {} };
  },
  commands: shareGroupCommands,
  tasks: shareGroupTasks,
  hooks: shareGroupHooks,
});
