// Test kit for the share-groups area: a real Simulation with a topic holding records, and short readers.
import type { CommandOf } from '../../engine/registry';
import { readModel, Simulation } from '../../index';
import type { SharePartitionView } from '../../read/shareGroups';
import { must } from '../../testing/sim.testkit';

/** A one-broker cluster with `topic` (`partitions` partitions) holding `values`, all below the high watermark. */
export function shareSim(values: string[], partitions = 1, topic = 'jobs'): Simulation {
  const sim = new Simulation({ seed: 42, brokers: 1 });
  must(sim, { type: 'createTopic', topic, partitions, replicationFactor: 1 });
  must(sim, { type: 'producerCreate', name: 'p' });
  if (values.length > 0)
    must(sim, {
      type: 'producerSendMany',
      producer: 'p',
      topic,
      records: values.map((value, i) => ({ value, partition: i % partitions })),
    });
  must(sim, { type: 'producerFlush', producer: 'p' });
  must(sim, { type: 'shareGroupSetAutoOffsetReset', groupId: 'workers', autoOffsetReset: 'earliest' });
  return sim;
}

export function join(sim: Simulation, memberId: string, topics = ['jobs'], groupId = 'workers'): void {
  must(sim, { type: 'shareGroupJoin', groupId, memberId, clientId: `client-${memberId}`, topics });
}

/** One poll; returns "partition@offset#deliveryCount" for each record handed out. */
export function poll(sim: Simulation, memberId: string, maxRecords = 500, groupId = 'workers'): string[] {
  const r = must(sim, { type: 'shareGroupPoll', groupId, memberId, maxRecords });
  if (!r.ok) return [];
  return r.data.records.map((x) => `${x.partition}@${x.offset}#${x.deliveryCount}`);
}

export function ack(
  sim: Simulation,
  memberId: string,
  offsets: [number, number],
  type: 'ACCEPT' | 'RELEASE' | 'REJECT',
  partition = 0,
) {
  const cmd: CommandOf<'shareGroupAcknowledge'> = {
    type: 'shareGroupAcknowledge',
    groupId: 'workers',
    memberId,
    topic: 'jobs',
    partition,
    batches: [{ firstOffset: offsets[0], lastOffset: offsets[1], type }],
  };
  return sim.dispatch(cmd);
}

export function sharePartition(sim: Simulation, partition = 0, groupId = 'workers'): SharePartitionView {
  const sp = readModel(sim)
    .shareGroups()
    .groups.find((g) => g.groupId === groupId)
    ?.partitions.find((p) => p.partition === partition);
  if (!sp) throw new Error(`no share-partition ${partition} in ${groupId}`);
  return sp;
}

/** "offset:STATE" (with "/member" while acquired) for each record the view lists. */
export const states = (sim: Simulation, partition = 0): string[] =>
  sharePartition(sim, partition).records.map(
    (r) => `${r.offset}:${r.state}${r.memberId ? `/${r.memberId}` : ''}`,
  );
