'use client';
// Which cluster an embed's views show when the simulation has more than one (two regions): UI state of that
// embed, never part of the simulation. Until the reader picks one, the views follow the console's
// `cluster use` (the cluster a line without --bootstrap-server talks to); a share link carries the pick.
import { create } from 'zustand';
import type { ReadModel, SimEvent } from '@/simulator';
import type { SimController } from './SimController';
import { useRead } from './useSimulation';

/** One cluster as the read model lists it (`clusters()`). */
export type ClusterSummaryView = NonNullable<ReturnType<ReadModel['clusters']>>[number];

type ShownClusterStore = {
  /** The reader's pick per embed (its controller); an embed with no entry follows `cluster use`. */
  picks: ReadonlyMap<SimController, string>;
  pick: (controller: SimController, name: string | null) => void;
};

export const useShownClusterStore = create<ShownClusterStore>((set) => ({
  picks: new Map(),
  pick: (controller, name) =>
    set((s) => {
      const picks = new Map(s.picks);
      if (name === null) picks.delete(controller);
      else picks.set(controller, name);
      return { picks };
    }),
}));

/** The cluster shown: the pick if that cluster exists, else the console's cluster in use; null with one cluster. */
export function shownClusterOf(
  clusters: readonly ClusterSummaryView[] | null,
  pick: string | undefined,
): ClusterSummaryView | null {
  if (!clusters) return null;
  return clusters.find((c) => c.name === pick) ?? clusters.find((c) => c.inUse) ?? clusters[0] ?? null;
}

/** A view's button line sent to the cluster shown (the simulation's commands take --bootstrap-server for it). */
export function lineOnCluster(line: string, shown: ClusterSummaryView | null): string {
  return shown ? `${line} --bootstrap-server ${shown.name}:9092` : line;
}

/** The events of the cluster shown (another cluster's events carry its name; the first cluster's none). */
export function eventsOfCluster(events: readonly SimEvent[], shown: ClusterSummaryView | null): SimEvent[] {
  if (!shown) return [...events];
  return events.filter((e) => {
    const cluster = (e as { cluster?: string }).cluster;
    return shown.first ? cluster === undefined : cluster === shown.name;
  });
}

export type ShownCluster = {
  /** The read model of the cluster shown (the whole simulation's with one cluster); null before it loads. */
  read: ReadModel | null;
  clusters: readonly ClusterSummaryView[] | null;
  shown: ClusterSummaryView | null;
  /** The pick, or null while the views follow `cluster use`. */
  picked: string | null;
  pick: (name: string | null) => void;
  /** `line` addressed to the cluster shown. */
  line: (line: string) => string;
};

/** The cluster an embed's views show and its read model; re-renders on every change and every pick. */
export function useShownCluster(sim: SimController): ShownCluster {
  const root = useRead(sim);
  const picked = useShownClusterStore((s) => s.picks.get(sim) ?? null);
  const pickIn = useShownClusterStore((s) => s.pick);
  const clusters = root?.clusters() ?? null;
  const shown = shownClusterOf(clusters, picked ?? undefined);
  const read = root && shown && !shown.first ? (root.cluster(shown.name) ?? root) : root;
  return {
    read,
    clusters,
    shown,
    picked: shown && picked === shown.name ? picked : null,
    pick: (name) => pickIn(sim, name),
    line: (l) => lineOnCluster(l, shown),
  };
}

/** The read model of the cluster an embed's views show, read now (for event handlers). */
export function shownReadNow(sim: SimController): ReadModel {
  const root = sim.read();
  const shown = shownClusterOf(root.clusters(), useShownClusterStore.getState().picks.get(sim));
  return shown && !shown.first ? (root.cluster(shown.name) ?? root) : root;
}
