// What the cluster map draws, read from the simulator's read model only: producers, brokers with the replicas
// they host (each a small log with its own LEO and HW), consumer groups with their members and partitions.
// Pure data, so the layout, the marks and the text summary share one reading and tests need no DOM.
import type { BrokerView, ReadModel } from '@/simulator';
import { tpKey, userTopics } from './readHelpers';

export type MapReplicaRole = 'leader' | 'follower' | 'out-of-sync' | 'offline';

export type MapReplica = {
  topic: string;
  partition: number;
  /** "orders-0" */
  tp: string;
  broker: number;
  role: MapReplicaRole;
  inIsr: boolean;
  logStartOffset: number;
  logEndOffset: number;
  highWatermark: number;
};

export type MapBroker = { id: number; state: BrokerView['state']; replicas: MapReplica[] };

export type MapProducer = { name: string; acks: string; idempotence: boolean; buffered: number };

export type MapOwned = { tp: string; committed: number | null; position: number | null; revoking: boolean };

export type MapMember = { name: string; owned: MapOwned[] };

export type MapGroup = {
  groupId: string;
  state: string;
  protocol: 'eager' | 'cooperative' | null;
  coordinator: number;
  members: MapMember[];
};

export type MapPartition = {
  tp: string;
  topic: string;
  partition: number;
  leader: number | null;
  replicas: number[];
  isr: number[];
  highWatermark: number;
  logEndOffset: number;
};

export type ClusterMapModel = {
  producers: MapProducer[];
  brokers: MapBroker[];
  partitions: MapPartition[];
  groups: MapGroup[];
};

function roleOf(r: { leader: boolean; inIsr: boolean; brokerDown: boolean }): MapReplicaRole {
  if (r.brokerDown) return 'offline';
  if (r.leader) return 'leader';
  return r.inIsr ? 'follower' : 'out-of-sync';
}

/** The map's reading of the cluster; `topic` narrows it to one topic (a lesson's focus). */
export function clusterMapModel(read: ReadModel, topic?: string): ClusterMapModel {
  const topics = userTopics(read).filter((t) => !topic || t.name === topic);
  const partitions = topics.flatMap((t) => t.partitions);
  const brokers: MapBroker[] = read.brokers().map((b) => ({ id: b.id, state: b.state, replicas: [] }));
  const byId = new Map(brokers.map((b) => [b.id, b]));
  for (const p of partitions) {
    for (const r of p.replicaStates) {
      byId.get(r.broker)?.replicas.push({
        topic: p.topic,
        partition: p.partition,
        tp: tpKey(p.topic, p.partition),
        broker: r.broker,
        role: roleOf(r),
        inIsr: r.inIsr,
        logStartOffset: p.logStartOffset,
        logEndOffset: r.logEndOffset,
        highWatermark: r.highWatermark,
      });
    }
  }
  const groups: MapGroup[] = read.groups().map((g) => {
    const committed = new Map(g.partitions.map((p) => [tpKey(p.topic, p.partition), p.committed]));
    return {
      groupId: g.groupId,
      state: g.state,
      protocol: g.rebalanceProtocol,
      coordinator: g.coordinator,
      members: g.members.map((m) => {
        const revoking = new Set(m.revoking.map((tp) => tpKey(tp.topic, tp.partition)));
        return {
          name: m.name,
          owned: m.owned
            .map((tp) => tpKey(tp.topic, tp.partition))
            .filter((key) => !topic || key.startsWith(`${topic}-`))
            .sort()
            .map((key) => ({
              tp: key,
              committed: committed.get(key) ?? null,
              position: m.positions[key] ?? null,
              revoking: revoking.has(key),
            })),
        };
      }),
    };
  });
  return {
    producers: read
      .producers()
      .filter((p) => p.status === 'open')
      .map((p) => ({
        name: p.name,
        acks: p.acks,
        idempotence: p.idempotence,
        buffered: p.pendingSends.length,
      })),
    brokers,
    partitions: partitions.map((p) => ({
      tp: tpKey(p.topic, p.partition),
      topic: p.topic,
      partition: p.partition,
      leader: p.leader,
      replicas: [...p.replicas],
      isr: [...p.isr],
      highWatermark: p.highWatermark,
      logEndOffset: p.logEndOffset,
    })),
    groups,
  };
}

const roleText: Record<MapReplicaRole, string> = {
  leader: 'leader',
  follower: 'in-sync follower',
  'out-of-sync': 'follower out of sync',
  offline: 'offline (broker down)',
};

export const replicaRoleText = (role: MapReplicaRole): string => roleText[role];
