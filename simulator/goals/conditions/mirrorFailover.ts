// { kind: 'mirrorFailover', group: 'orders-app', region: 'east', maxRereads?: 100 } — the disaster-recovery
// drill: region `region` is down and group `group` has failed over to the remote topics MirrorMaker 2 filled
// from it without skipping a record. Met when, for every remote topic of the flows from that region, the group
// has caught up (committed offsets at the high watermark) and its consumers received every mirrored record it
// had not consumed before the failure (from each partition's exact resume point to the end); with maxRereads,
// at most that many records before those points were read again (MM2's translation re-reads up to
// offset.lag.max per partition). Counted per topic, as deliveredToGroup counts.
import { int, requireStrings } from '../params';
import type { ConditionKind } from '../types';

export const mirrorFailover: ConditionKind = {
  kind: 'mirrorFailover',
  params: 'group, region, maxRereads (optional)',
  validate: (c) =>
    requireStrings(c, 'group', 'region') ??
    (c.maxRereads !== undefined && (int(c, 'maxRereads') ?? -1) < 0
      ? 'maxRereads must be a whole number ≥ 0'
      : null),
  evaluate: (view, c) => {
    const group = c.group as string;
    const region = c.region as string;
    const { flows, downRegions } = view.production().mirror;
    const from = flows.filter((f) => f.source === region);
    if (from.length === 0) return { met: false, detail: `no MirrorMaker 2 flow comes from ${region}` };
    if (!downRegions.includes(region)) return { met: false, detail: `region ${region} is still up` };
    for (const f of from) {
      // Between two clusters the group failed over to the target cluster's own group of that name.
      const target = (f.clusters && view.cluster?.(f.target)) || view;
      const g = target.group(group);
      for (const remote of new Set(f.partitions.map((p) => p.remoteTopic))) {
        let needed = 0;
        for (const p of f.partitions.filter((x) => x.remoteTopic === remote)) {
          const committed = g?.offsets.find((o) => o.topic === remote && o.partition === p.partition)?.offset;
          if (committed === undefined || committed < p.remoteEnd)
            return {
              met: false,
              detail: `group ${group} has not caught up on ${remote}-${p.partition} (committed ${committed ?? 'nothing'}, end ${p.remoteEnd})`,
            };
          needed += p.remoteEnd - (p.resumeAt[group] ?? 0);
        }
        const got = target.deliveredToGroup(group, remote);
        if (got < needed)
          return {
            met: false,
            detail: `group ${group} received ${got} records of ${remote}, but ${needed} mirrored records were still unread when ${region} went down: some were skipped`,
          };
        if (c.maxRereads !== undefined && got - needed > (c.maxRereads as number))
          return {
            met: false,
            detail: `group ${group} re-read ${got - needed} records of ${remote} it had already processed (at most ${c.maxRereads} allowed)`,
          };
      }
    }
    return { met: true, detail: `group ${group} failed over from ${region} and skipped no mirrored record` };
  },
};
