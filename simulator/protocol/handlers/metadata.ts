// Metadata (KafkaApis#handleTopicMetadataRequest): the alive brokers with their listener addresses, and per topic
// its partitions' leader, leader epoch, replicas, ISR and offline replicas. An unknown topic is created when the
// request allows it (v4+: allow_auto_topic_creation; earlier versions always do) and the brokers'
// auto.create.topics.enable is true; the response then says LEADER_NOT_AVAILABLE for it and the client asks again
// (DefaultAutoTopicCreationManager).
import { validateTopicName } from '../../cluster/topics';
import {
  brokerSetting,
  clusterId,
  getTopic,
  metadataBrokers,
  partitionView,
  topicById,
  topicNames,
} from '../bridge';
import type { Msg } from '../codec';
import { errorCode } from '../errors';
import { ZERO_UUID } from '../uuid';
import type { Handler } from './env';

const NO_OPS = -2147483648;

function topicEntry(error: string | null, name: string | null, topicId = ZERO_UUID): Msg {
  return {
    errorCode: errorCode(error),
    name,
    topicId,
    isInternal: false,
    partitions: [],
    topicAuthorizedOperations: NO_OPS,
  };
}

export const handleMetadata: Handler = async (env, _conn, header, body) => {
  const { sim } = env;
  const v = header.apiVersion;
  // v0: an empty list means every topic; v1+: null means every topic, empty means none.
  const all = body.topics === null || (v === 0 && body.topics.length === 0);
  const allowCreate = v < 4 ? true : body.allowAutoTopicCreation !== false;
  const wanted: Array<{ name: string | null; topicId: string }> = all
    ? topicNames(sim).map((name) => ({ name, topicId: ZERO_UUID }))
    : body.topics.map((t: Msg) => ({ name: t.name ?? null, topicId: t.topicId ?? ZERO_UUID }));
  const topics: Msg[] = [];
  for (const w of wanted) {
    let name = w.name;
    if (name === null) {
      const t = topicById(sim, w.topicId);
      if (!t) {
        // the response's topic name is nullable only from v12
        topics.push(topicEntry('UNKNOWN_TOPIC_ID', v >= 12 ? null : '', w.topicId));
        continue;
      }
      name = t.name;
    }
    let topic = getTopic(sim, name);
    if (!topic) {
      if (validateTopicName(name) !== null) {
        topics.push(topicEntry('INVALID_TOPIC_EXCEPTION', name));
        continue;
      }
      if (allowCreate && brokerSetting(sim, 'auto.create.topics.enable') === 'true') {
        const r = env.dispatch({ type: 'createTopic', topic: name });
        topic = getTopic(sim, name);
        topics.push(
          topicEntry(r.ok ? 'LEADER_NOT_AVAILABLE' : 'UNKNOWN_TOPIC_OR_PARTITION', name, topic?.topicId),
        );
        continue;
      }
      topics.push(topicEntry('UNKNOWN_TOPIC_OR_PARTITION', name));
      continue;
    }
    const partitions = topic.partitions.map((_, i) => {
      const p = partitionView(sim, topic.name, i)!;
      return {
        errorCode: errorCode(p.leader === null ? 'LEADER_NOT_AVAILABLE' : null),
        partitionIndex: i,
        leaderId: p.leader ?? -1,
        leaderEpoch: p.leaderEpoch,
        replicaNodes: p.replicas,
        isrNodes: p.isr,
        offlineReplicas: p.offline,
      };
    });
    topics.push({
      errorCode: 0,
      name: topic.name,
      topicId: topic.topicId,
      isInternal: topic.internal,
      partitions,
      topicAuthorizedOperations: NO_OPS,
    });
  }
  const alive = metadataBrokers(sim);
  const brokers = alive.flatMap((id) => {
    const l = env.listenerOf(id);
    return l ? [{ nodeId: id, host: l.host, port: l.port, rack: null }] : [];
  });
  return {
    throttleTimeMs: 0,
    brokers,
    clusterId: clusterId(sim),
    // KRaft brokers report an alive broker as the "controller" (clients cannot reach the quorum): the lowest id.
    controllerId: alive[0] ?? -1,
    topics,
    clusterAuthorizedOperations: NO_OPS,
  };
};
