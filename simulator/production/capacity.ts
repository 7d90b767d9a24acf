// Capacity planning: partitions, disk and network a cluster needs for a workload, from throughput figures a
// learner measures in the simulation. Each result carries the formula it came from, so a lesson can show
// the arithmetic, not just the answer.

export type CapacityInputs = {
  /** Target produce throughput into the topic, MB/s (after compression). */
  targetMBps: number;
  /** Measured throughput one partition sustains for a producer, MB/s. */
  producerMBpsPerPartition: number;
  /** Measured throughput one consumer (one partition) processes, MB/s. */
  consumerMBpsPerPartition: number;
  /** The most consumers one group must be able to run in parallel. */
  peakConsumerParallelism: number;
  replicationFactor: number;
  /** Retention in hours (the time-based limit that decides disk). */
  retentionHours: number;
  brokers: number;
  /** Consumer groups reading the whole stream (fan-out). */
  consumerGroups: number;
  /** Free disk kept on every broker, as a fraction (0.3 = 30 % headroom). */
  headroom: number;
};

export type CapacityLine = { name: string; value: number; unit: string; formula: string };

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * The planning arithmetic: partitions ≥ max(T/p, T/c, consumer parallelism) (Confluent's "How to choose the
 * number of topics/partitions"), storage = ingress × retention × RF, spread over brokers and divided by
 * (1 − headroom); network in = ingress × RF (the leaders' writes plus the followers' copies); network out =
 * ingress × (RF − 1) for replication + ingress × fan-out for consumers.
 */
export function planCapacity(i: CapacityInputs): CapacityLine[] {
  const byProducer = Math.ceil(i.targetMBps / i.producerMBpsPerPartition);
  const byConsumer = Math.ceil(i.targetMBps / i.consumerMBpsPerPartition);
  const partitions = Math.max(byProducer, byConsumer, i.peakConsumerParallelism);
  const retentionSeconds = i.retentionHours * 3600;
  const totalGB = (i.targetMBps * retentionSeconds * i.replicationFactor) / 1000;
  const perBrokerGB = totalGB / i.brokers / (1 - i.headroom);
  const inMBps = i.targetMBps * i.replicationFactor;
  const replicationOut = i.targetMBps * (i.replicationFactor - 1);
  const consumerOut = i.targetMBps * i.consumerGroups;
  return [
    {
      name: 'partitions',
      value: partitions,
      unit: '',
      formula: `max(⌈${i.targetMBps} / ${i.producerMBpsPerPartition}⌉ = ${byProducer}, ⌈${i.targetMBps} / ${i.consumerMBpsPerPartition}⌉ = ${byConsumer}, parallelism ${i.peakConsumerParallelism})`,
    },
    {
      name: 'disk in the cluster',
      value: round(totalGB),
      unit: 'GB',
      formula: `${i.targetMBps} MB/s × ${retentionSeconds} s × RF ${i.replicationFactor} ÷ 1000`,
    },
    {
      name: 'disk per broker',
      value: round(perBrokerGB),
      unit: 'GB',
      formula: `${round(totalGB)} GB ÷ ${i.brokers} brokers ÷ (1 − ${i.headroom} headroom)`,
    },
    {
      name: 'network in, whole cluster',
      value: round(inMBps),
      unit: 'MB/s',
      formula: `${i.targetMBps} MB/s × RF ${i.replicationFactor} (producer writes + follower fetches arriving)`,
    },
    {
      name: 'network out, whole cluster',
      value: round(replicationOut + consumerOut),
      unit: 'MB/s',
      formula: `${i.targetMBps} × (RF ${i.replicationFactor} − 1) replication + ${i.targetMBps} × ${i.consumerGroups} consumer groups`,
    },
    {
      name: 'network out per broker',
      value: round((replicationOut + consumerOut) / i.brokers),
      unit: 'MB/s',
      formula: `${round(replicationOut + consumerOut)} MB/s ÷ ${i.brokers} brokers (leaders spread evenly)`,
    },
  ];
}

/** Problems with the inputs, in words; empty when the plan can be computed. */
export function capacityInputProblems(i: CapacityInputs): string[] {
  const out: string[] = [];
  const positive: Array<keyof CapacityInputs> = [
    'targetMBps',
    'producerMBpsPerPartition',
    'consumerMBpsPerPartition',
    'replicationFactor',
    'retentionHours',
    'brokers',
  ];
  for (const k of positive) if (!(i[k] > 0)) out.push(`${k} must be greater than 0`);
  if (!(i.headroom >= 0 && i.headroom < 1)) out.push('headroom must be at least 0 and below 1');
  if (i.replicationFactor > i.brokers)
    out.push(`replication factor ${i.replicationFactor} needs at least ${i.replicationFactor} brokers`);
  if (!(i.consumerGroups >= 0)) out.push('consumerGroups cannot be negative');
  if (!(i.peakConsumerParallelism >= 1)) out.push('peakConsumerParallelism must be at least 1');
  return out;
}
