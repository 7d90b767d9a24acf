// Parsed LogConfig per topic, cached against the topic's config object. alterTopicConfigs always replaces that
// object (never mutates it), so a stale cache entry can never be served.
import { topicConfig } from '../cluster/topicConfig';
import type { SimState } from '../engine/state';
import { type LogConfig, logConfigFrom, TOPIC_STORAGE_CONFIG_NAMES } from '../log';

const cache = new WeakMap<object, { brokerConfig: object; config: LogConfig }>();

export function logConfigFor(state: SimState, topic: string): LogConfig {
  const t = state.topics[topic];
  const hit = cache.get(t.configs);
  if (hit && hit.brokerConfig === state.brokerConfig) return hit.config;
  const effective: Record<string, string> = {};
  for (const name of TOPIC_STORAGE_CONFIG_NAMES) effective[name] = topicConfig(state, topic, name);
  const config = logConfigFrom(effective);
  cache.set(t.configs, { brokerConfig: state.brokerConfig, config });
  return config;
}
