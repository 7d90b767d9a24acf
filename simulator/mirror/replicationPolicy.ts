// MirrorMaker 2's replication policies (org.apache.kafka.connect.mirror: ReplicationPolicy,
// DefaultReplicationPolicy, IdentityReplicationPolicy): how a source topic is named on the target cluster, and
// how MM2 tells remote and internal topics apart.

export type ReplicationPolicy = {
  formatRemoteTopic(sourceClusterAlias: string, topic: string): string;
  /** The cluster a remote topic came from, or null for a local topic. */
  topicSource(topic: string): string | null;
  /** The topic's name one hop upstream, or null for a local topic. */
  upstreamTopic(topic: string): string | null;
  offsetSyncsTopic(clusterAlias: string): string;
  checkpointsTopic(clusterAlias: string): string;
  heartbeatsTopic(): string;
  isCheckpointsTopic(topic: string): boolean;
  isMM2InternalTopic(topic: string): boolean;
};

/** Java's String#split with a literal separator: trailing empty strings are dropped. */
function javaSplit(s: string, separator: string): string[] {
  const parts = s.split(separator);
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/**
 * DefaultReplicationPolicy: remote topic = `<source alias><separator><topic>` (separator `.` by default,
 * replication.policy.separator); internal topics use the separator too unless
 * replication.policy.internal.topic.separator.enabled=false.
 */
export function defaultReplicationPolicy(
  separator = '.',
  internalSeparatorEnabled = true,
): ReplicationPolicy {
  const internal = internalSeparatorEnabled ? separator : '.';
  const internalSuffix = `${internal}internal`;
  const checkpointsSuffix = `${internal}checkpoints${internalSuffix}`;
  const topicSource = (topic: string) => {
    const parts = javaSplit(topic, separator);
    return parts.length < 2 ? null : parts[0];
  };
  return {
    formatRemoteTopic: (source, topic) => `${source}${separator}${topic}`,
    topicSource,
    upstreamTopic: (topic) => {
      const source = topicSource(topic);
      return source === null ? null : topic.slice(source.length + separator.length);
    },
    offsetSyncsTopic: (alias) => `mm2-offset-syncs${internal}${alias}${internalSuffix}`,
    checkpointsTopic: (alias) => `${alias}${checkpointsSuffix}`,
    heartbeatsTopic: () => 'heartbeats',
    isCheckpointsTopic: (topic) => topic.endsWith(checkpointsSuffix),
    isMM2InternalTopic: (topic) => topic.endsWith(internalSuffix),
  };
}

/**
 * IdentityReplicationPolicy: topics keep their names on the target (heartbeats are still prefixed), so the
 * source of a remote topic is only known from source.cluster.alias. It cannot run active/active: the two
 * flows would copy each other's records back and forth.
 */
export function identityReplicationPolicy(sourceClusterAlias: string | null): ReplicationPolicy {
  const base = defaultReplicationPolicy();
  const looksLikeHeartbeat = (topic: string) => topic.endsWith(base.heartbeatsTopic());
  return {
    ...base,
    formatRemoteTopic: (source, topic) =>
      looksLikeHeartbeat(topic) ? base.formatRemoteTopic(source, topic) : topic,
    topicSource: (topic) => (looksLikeHeartbeat(topic) ? base.topicSource(topic) : sourceClusterAlias),
    upstreamTopic: (topic) => (looksLikeHeartbeat(topic) ? base.upstreamTopic(topic) : topic),
  };
}

/** ReplicationPolicy#originalTopic: strip every hop (source2.source1.topic → topic). */
export function originalTopic(policy: ReplicationPolicy, topic: string): string {
  const upstream = policy.upstreamTopic(topic);
  return upstream === null || upstream === topic ? topic : originalTopic(policy, upstream);
}

export const isHeartbeatsTopic = (policy: ReplicationPolicy, topic: string) =>
  policy.heartbeatsTopic() === originalTopic(policy, topic);

/** ReplicationPolicy#isInternalTopic: Kafka's (__ or .), Connect's (-internal, .internal) and MM2's own. */
export function isInternalTopic(policy: ReplicationPolicy, topic: string): boolean {
  return (
    policy.isMM2InternalTopic(topic) ||
    topic.startsWith('__') ||
    topic.startsWith('.') ||
    topic.endsWith('-internal') ||
    topic.endsWith('.internal')
  );
}

/** MirrorClient#isRemoteTopic: not internal, and its name names a source cluster. */
export function isRemoteTopic(policy: ReplicationPolicy, topic: string): boolean {
  return !isInternalTopic(policy, topic) && policy.topicSource(topic) !== null;
}

/**
 * MirrorClient#countHopsForTopic: how many hops `topic` travelled from `sourceClusterAlias` (-1 if it did not
 * come from there). A source seen twice means a cycle (possible with IdentityReplicationPolicy): -1.
 */
export function countHopsForTopic(
  policy: ReplicationPolicy,
  topic: string,
  sourceClusterAlias: string,
): number {
  let hops = 0;
  let current = topic;
  const visited = new Set<string>();
  while (true) {
    hops++;
    const source = policy.topicSource(current);
    if (source === null) return -1;
    if (source === sourceClusterAlias) return hops;
    if (visited.has(source)) return -1;
    visited.add(source);
    const upstream = policy.upstreamTopic(current);
    if (upstream === null) return -1;
    current = upstream;
  }
}
