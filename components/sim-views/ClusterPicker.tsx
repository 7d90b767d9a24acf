'use client';
// With more than one cluster (two regions), the cluster a view shows: one pressed button per cluster
// ("Show cluster west"), shared by every view of the embed. Nothing when the simulation has one cluster.
import type { ShownCluster } from '../sim-runtime/shownCluster';
import { SimButton } from './ui';

export function ClusterPicker({ view }: { view: ShownCluster }) {
  const { clusters, shown } = view;
  if (!clusters || !shown) return null;
  return (
    <div role="group" aria-label="Cluster shown" className="flex flex-wrap items-center gap-1 text-xs">
      <span className="font-medium text-slate-700 dark:text-slate-300">Cluster</span>
      {clusters.map((c) => (
        <SimButton
          key={c.name}
          label={`Show cluster ${c.name}`}
          pressed={c.name === shown.name}
          onClick={() => view.pick(c.name)}
        >
          {c.name}
        </SimButton>
      ))}
    </div>
  );
}
