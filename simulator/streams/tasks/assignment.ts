// Task assignment to instances (consumer group members sharing a process id) and their stream threads.
//
// Simplified from Kafka's HighAvailabilityTaskAssignor (task.assignor.class default): tasks are spread so each
// instance gets a share proportional to its thread count; a task stays where it was when that instance is not
// over its share (sticky); a stateful task prefers an instance that already holds its state (previous owner or
// standby, "caught up"). Not modelled: warm-up replicas (max.warmup.replicas) and probing rebalances
// (probing.rebalance.interval.ms), standby placement, rack awareness, and the lag threshold
// acceptable.recovery.lag (every listed holder counts as caught up).

import type { TaskDesc } from './partitions';

export type StreamsClient = {
  processId: string;
  threads: number;
  /** Active tasks this instance owned before the rebalance, per thread (index 0 = StreamThread-1). */
  previous?: string[][];
  /** Tasks whose state this instance already holds (previous owner, standby). */
  caughtUp?: string[];
};

export type ClientAssignment = { processId: string; active: string[]; threads: string[][] };

function compareTaskIds(a: string, b: string): number {
  const [sa, pa] = a.split('_').map(Number);
  const [sb, pb] = b.split('_').map(Number);
  return sa - sb || pa - pb;
}

/** Targets proportional to thread counts, summing to the task count (largest remainder, ties by client order). */
function targets(n: number, clients: StreamsClient[]): number[] {
  const total = clients.reduce((s, c) => s + c.threads, 0);
  const exact = clients.map((c) => (n * c.threads) / total);
  const t = exact.map(Math.floor);
  let left = n - t.reduce((s, x) => s + x, 0);
  const order = exact.map((e, i) => ({ i, f: e - Math.floor(e) })).sort((a, b) => b.f - a.f || a.i - b.i);
  for (const { i } of order) {
    if (left-- <= 0) break;
    t[i]++;
  }
  return t;
}

export function assignTasks(tasks: TaskDesc[], clientsIn: StreamsClient[]): ClientAssignment[] {
  const clients = [...clientsIn]
    .filter((c) => c.threads > 0)
    .sort((a, b) => (a.processId < b.processId ? -1 : 1));
  if (clients.length === 0) return [];
  const ids = tasks.map((t) => t.id).sort(compareTaskIds);
  const stateful = new Set(tasks.filter((t) => t.stateful).map((t) => t.id));
  const target = targets(ids.length, clients);
  const owned: string[][] = clients.map(() => []);
  const owner = new Map<string, number>();
  const give = (task: string, ci: number) => {
    owned[ci].push(task);
    owner.set(task, ci);
  };
  // 1. Sticky: keep a task on its previous instance while that instance is within its share.
  for (const task of ids) {
    const ci = clients.findIndex((c) => c.previous?.some((th) => th.includes(task)));
    if (ci >= 0 && owned[ci].length < target[ci]) give(task, ci);
  }
  // 2. Stateful tasks go to an instance that already has their state.
  for (const task of ids) {
    if (owner.has(task) || !stateful.has(task)) continue;
    const ci = clients.findIndex((c, i) => c.caughtUp?.includes(task) && owned[i].length < target[i]);
    if (ci >= 0) give(task, ci);
  }
  // 3. The rest to the least loaded instance (relative to its threads).
  for (const task of ids) {
    if (owner.has(task)) continue;
    let best = -1;
    for (let i = 0; i < clients.length; i++) {
      if (owned[i].length >= target[i]) continue;
      if (best < 0 || owned[i].length / clients[i].threads < owned[best].length / clients[best].threads)
        best = i;
    }
    give(task, Math.max(0, best));
  }
  return clients.map((c, ci) => {
    const active = owned[ci].sort(compareTaskIds);
    const threads: string[][] = Array.from({ length: c.threads }, () => []);
    const cap = Math.ceil(active.length / c.threads);
    const rest: string[] = [];
    for (const task of active) {
      const th = c.previous?.findIndex((p) => p.includes(task)) ?? -1;
      if (th >= 0 && th < c.threads && threads[th].length < cap) threads[th].push(task);
      else rest.push(task);
    }
    for (const task of rest) {
      let best = 0;
      for (let i = 1; i < threads.length; i++) if (threads[i].length < threads[best].length) best = i;
      threads[best].push(task);
    }
    for (const th of threads) th.sort(compareTaskIds);
    return { processId: c.processId, active, threads };
  });
}
