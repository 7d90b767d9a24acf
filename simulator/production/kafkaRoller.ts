// How the Strimzi operator rolls a KRaft cluster (KafkaRoller, KafkaAvailability): which node it restarts in
// which order, and when it must wait because restarting a broker would take a partition below
// min.insync.replicas. Pure: the simulation supplies a snapshot of nodes and partitions.

export type RollerNode = {
  id: number;
  /** KafkaNodePool roles: a combined node has both. */
  controller: boolean;
  broker: boolean;
  /** Kubernetes readiness of the pod. */
  ready: boolean;
};

export type RollerPartition = {
  topic: string;
  partition: number;
  replicas: number[];
  isr: number[];
  /** The topic's effective min.insync.replicas. */
  minIsr: number;
};

/**
 * KafkaRoller's initial order in KRaft mode: unready controllers, then ready controllers, then unready
 * brokers, then ready brokers (an unready pod first, so repeated reconciliations do not keep restarting
 * healthy pods while a broken one never recovers). The active controller is held back until every other
 * controller is done, so it is rolled last and the quorum elects a new leader only once.
 */
export function rollingOrder(nodes: readonly RollerNode[], activeController: number | null): number[] {
  const controllers: RollerNode[] = [];
  const brokers: RollerNode[] = [];
  for (const n of nodes) {
    const list = n.controller ? controllers : brokers;
    if (n.ready) list.push(n);
    else list.unshift(n);
  }
  const active = controllers.findIndex((n) => n.id === activeController);
  if (active >= 0) controllers.push(...controllers.splice(active, 1));
  return [...controllers, ...brokers].map((n) => n.id);
}

export type AvailabilityVerdict =
  | { canRoll: true }
  | { canRoll: false; partition: RollerPartition; reason: string };

const list = (ids: number[]) => ids.join(',');

/**
 * KafkaAvailability#canRoll: a broker may be restarted unless some partition it holds would drop below
 * min.insync.replicas — either the ISR is already smaller than min.insync.replicas (and the broker has a
 * replica), or the ISR is exactly min.insync.replicas and the broker is in it. A partition with no more
 * replicas than min.insync.replicas is ignored: no restart order could keep it available.
 */
export function canRoll(broker: number, partitions: readonly RollerPartition[]): AvailabilityVerdict {
  for (const p of partitions) {
    if (p.replicas.length <= p.minIsr) continue;
    const where = `${p.topic}/${p.partition}`;
    const detail = `(ISR={${list(p.isr)}}, replicas=[${list(p.replicas)}], min.insync.replicas=${p.minIsr})`;
    if (p.isr.length < p.minIsr && p.replicas.includes(broker))
      return {
        canRoll: false,
        partition: p,
        reason: p.isr.includes(broker)
          ? `${where} is already under-replicated ${detail}; broker ${broker} is in the ISR, so should not be restarted right now (it would impact consumers).`
          : `${where} is already under-replicated ${detail}; broker ${broker} has a replica, so should not be restarted right now (it might be first to catch up).`,
      };
    if (p.isr.length === p.minIsr && p.isr.includes(broker))
      return {
        canRoll: false,
        partition: p,
        reason: `${where} will be under-replicated ${detail} if broker ${broker} is restarted.`,
      };
  }
  return { canRoll: true };
}
