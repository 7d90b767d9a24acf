// InitProducerId, CreateTopics, DeleteTopics, DescribeConfigs: each state change is one simulation command
// (externalInitProducerId, createTopic, deleteTopic); DescribeConfigs only reads.
import { brokerIds, brokerSettings, getTopic, topicById, topicSettings } from '../bridge';
import type { Msg } from '../codec';
import { errorCode } from '../errors';
import { ZERO_UUID } from '../uuid';
import type { Handler } from './env';

export const handleInitProducerId: Handler = async (env, conn, _header, body) => {
  const r = env.dispatch({
    type: 'externalInitProducerId',
    client: conn.label,
    transactionalId: body.transactionalId ?? null,
  });
  if (!r.ok)
    return { throttleTimeMs: 0, errorCode: errorCode(r.error.code), producerId: -1, producerEpoch: -1 };
  const data = r.data as { producerId: number; producerEpoch: number };
  return { throttleTimeMs: 0, errorCode: 0, producerId: data.producerId, producerEpoch: data.producerEpoch };
};

export const handleCreateTopics: Handler = async (env, _conn, _header, body) => {
  const topics = (body.topics as Msg[]).map((t) => {
    const configs: Record<string, string> = {};
    for (const c of t.configs as Msg[]) if (c.value !== null) configs[c.name] = c.value;
    const assignment = (t.assignments as Msg[]).length
      ? [...(t.assignments as Msg[])]
          .sort((a, b) => a.partitionIndex - b.partitionIndex)
          .map((a) => a.brokerIds as number[])
      : undefined;
    const base = { name: t.name, topicId: ZERO_UUID, topicConfigErrorCode: 0, configs: null };
    if (body.validateOnly) {
      // Checks only (CreateTopicsRequest validate_only): the simulation has no dry run, so the common ones are repeated here.
      if (getTopic(env.sim, t.name))
        return {
          ...base,
          errorCode: errorCode('TOPIC_ALREADY_EXISTS'),
          errorMessage: `Topic '${t.name}' already exists.`,
          numPartitions: -1,
          replicationFactor: -1,
        };
      if (t.replicationFactor > brokerIds(env.sim).length)
        return {
          ...base,
          errorCode: errorCode('INVALID_REPLICATION_FACTOR'),
          errorMessage: `Replication factor: ${t.replicationFactor} larger than available brokers: ${brokerIds(env.sim).length}.`,
          numPartitions: -1,
          replicationFactor: -1,
        };
      return {
        ...base,
        errorCode: 0,
        errorMessage: null,
        numPartitions: t.numPartitions,
        replicationFactor: t.replicationFactor,
      };
    }
    const r = env.dispatch({
      type: 'createTopic',
      topic: t.name,
      ...(t.numPartitions > 0 ? { partitions: t.numPartitions } : {}),
      ...(t.replicationFactor > 0 ? { replicationFactor: t.replicationFactor } : {}),
      ...(assignment ? { assignment } : {}),
      ...(Object.keys(configs).length ? { configs } : {}),
    });
    if (!r.ok)
      return {
        ...base,
        errorCode: errorCode(r.error.code),
        errorMessage: r.error.message,
        numPartitions: -1,
        replicationFactor: -1,
      };
    const created = getTopic(env.sim, t.name);
    return {
      ...base,
      topicId: created?.topicId ?? ZERO_UUID,
      errorCode: 0,
      errorMessage: null,
      numPartitions: created?.partitions.length ?? -1,
      replicationFactor: created?.partitions[0]?.replicas.length ?? -1,
    };
  });
  return { throttleTimeMs: 0, topics };
};

export const handleDeleteTopics: Handler = async (env, _conn, header, body) => {
  const wanted: Array<{ name: string | null; topicId: string }> =
    header.apiVersion >= 6
      ? (body.topics as Msg[]).map((t) => ({ name: t.name, topicId: t.topicId }))
      : (body.topicNames as string[]).map((name) => ({ name, topicId: ZERO_UUID }));
  const responses = wanted.map((w) => {
    const topic = w.name !== null ? getTopic(env.sim, w.name) : topicById(env.sim, w.topicId);
    if (!topic)
      return {
        name: w.name,
        topicId: w.topicId,
        errorCode: errorCode(w.name !== null ? 'UNKNOWN_TOPIC_OR_PARTITION' : 'UNKNOWN_TOPIC_ID'),
        errorMessage: null,
      };
    const r = env.dispatch({ type: 'deleteTopic', topic: topic.name });
    return {
      name: topic.name,
      topicId: topic.topicId,
      errorCode: r.ok
        ? 0
        : errorCode(r.error.code === 'TIMEOUT_EXCEPTION' ? 'REQUEST_TIMED_OUT' : r.error.code),
      errorMessage: r.ok ? null : r.error.message,
    };
  });
  return { throttleTimeMs: 0, responses };
};

// ConfigResource.Type and DescribeConfigsResponse.ConfigSource / ConfigType codes.
const TOPIC_RESOURCE = 2;
const BROKER_RESOURCE = 4;
const SOURCE = { topic: 1, broker: 4, default: 5 } as const;
const CONFIG_TYPE: Record<string, number> = {
  boolean: 1,
  string: 2,
  int: 3,
  short: 4,
  long: 5,
  double: 6,
  list: 7,
  class: 8,
  password: 9,
};

export const handleDescribeConfigs: Handler = async (env, _conn, header, body) => {
  const v = header.apiVersion;
  const results = (body.resources as Msg[]).map((res) => {
    const keys: string[] | null = res.configurationKeys;
    const pick = (name: string) => keys === null || keys.length === 0 || keys.includes(name);
    const result = (error: string | null, message: string | null, configs: Msg[]) => ({
      errorCode: errorCode(error),
      errorMessage: message,
      resourceType: res.resourceType,
      resourceName: res.resourceName,
      configs,
    });
    if (res.resourceType === TOPIC_RESOURCE) {
      if (!getTopic(env.sim, res.resourceName))
        return result('UNKNOWN_TOPIC_OR_PARTITION', `Topic '${res.resourceName}' does not exist.`, []);
      const configs = topicSettings(env.sim, res.resourceName)
        .filter((s) => pick(s.name))
        .map((s) => ({
          name: s.name,
          value: s.value,
          readOnly: false,
          isDefault: s.source === 'default',
          configSource: SOURCE[s.source],
          isSensitive: false,
          // Simplification: only the topic-level synonym is listed.
          synonyms:
            body.includeSynonyms && v >= 1 && s.source === 'topic'
              ? [{ name: s.name, value: s.value, source: SOURCE.topic }]
              : [],
          configType: CONFIG_TYPE[s.type] ?? 0,
          documentation: null,
        }));
      return result(null, null, configs);
    }
    if (res.resourceType === BROKER_RESOURCE) {
      const id = res.resourceName === '' ? NaN : Number(res.resourceName);
      if (res.resourceName !== '' && !brokerIds(env.sim).includes(id))
        return result(
          'INVALID_REQUEST',
          `Unexpected broker id, expected one of ${brokerIds(env.sim).join(', ')} but received ${res.resourceName}`,
          [],
        );
      const configs = brokerSettings(env.sim)
        .filter((s) => pick(s.name))
        .map((s) => ({
          name: s.name,
          value: s.value,
          readOnly: true,
          isDefault: !s.overridden,
          configSource: s.overridden ? SOURCE.broker : SOURCE.default,
          isSensitive: false,
          synonyms: [],
          configType: 0,
          documentation: null,
        }));
      return result(null, null, configs);
    }
    return result('INVALID_REQUEST', `Unsupported resource type ${res.resourceType}`, []);
  });
  return { throttleTimeMs: 0, results };
};
