// NodeIdAssignor: which node ids a KafkaNodePool's pods get when it is created or scaled. Ids are unique across
// all pools of a cluster; a new node takes the lowest unused id (filling gaps), scale-down removes the highest
// id of the pool. Simplified: the strimzi.io/next-node-ids and strimzi.io/remove-node-ids annotations
// (explicit id ranges) are not modelled.

export type PoolIds = { name: string; current: number[]; replicas: number };
export type PoolAssignment = { name: string; desired: number[]; added: number[]; removed: number[] };

/** NodeIdAssignor#nextUnusedId / findNextUnusedIdFromGap: the smallest id not in use. */
function nextUnusedId(inUse: Set<number>): number {
  let id = 0;
  while (inUse.has(id)) id++;
  return id;
}

/**
 * Assigns ids pool by pool in the given order. Ids being scaled down stay "in use" during this pass, so a pool
 * scaling up at the same time never reuses them (NodeIdAssignor collects idsInUse from every pool's status first).
 */
export function assignNodeIds(pools: readonly PoolIds[]): PoolAssignment[] {
  const inUse = new Set(pools.flatMap((p) => p.current));
  return pools.map((p) => {
    const desired = [...p.current].sort((a, b) => a - b);
    const added: number[] = [];
    const removed: number[] = [];
    while (desired.length > p.replicas) removed.push(desired.pop() as number);
    while (desired.length < p.replicas) {
      const id = nextUnusedId(inUse);
      inUse.add(id);
      added.push(id);
      desired.push(id);
    }
    return {
      name: p.name,
      desired: desired.sort((a, b) => a - b),
      added,
      removed: removed.sort((a, b) => a - b),
    };
  });
}
