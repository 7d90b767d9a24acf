// Discrete-event queue on the virtual clock: a binary min-heap in a plain array (serialisable), ordered by
// (at, seq) so tasks due at the same millisecond run in the order they were scheduled.
import type { Task } from './registry';

export type ScheduledTask = { at: number; seq: number; task: Task };

function less(a: ScheduledTask, b: ScheduledTask): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

export function heapPush(heap: ScheduledTask[], item: ScheduledTask): void {
  heap.push(item);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!less(heap[i], heap[parent])) break;
    [heap[i], heap[parent]] = [heap[parent], heap[i]];
    i = parent;
  }
}

export function heapPop(heap: ScheduledTask[]): ScheduledTask | undefined {
  if (heap.length === 0) return undefined;
  const top = heap[0];
  const last = heap.pop()!;
  if (heap.length > 0) {
    heap[0] = last;
    let i = 0;
    const n = heap.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && less(heap[l], heap[m])) m = l;
      if (r < n && less(heap[r], heap[m])) m = r;
      if (m === i) break;
      [heap[i], heap[m]] = [heap[m], heap[i]];
      i = m;
    }
  }
  return top;
}

export function heapPeek(heap: ScheduledTask[]): ScheduledTask | undefined {
  return heap[0];
}
