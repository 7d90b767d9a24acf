// Every topic config with its effective value and where it comes from, from the one table of topic configs
// (cluster/topicConfig.ts TOPIC_CONFIGS): what kafka-configs --describe [--all] lists and what the views show.
import { BROKER_CONFIG_DEFAULTS, type ConfigDef, TOPIC_CONFIGS } from '../cluster/topicConfig';
import type { SimState } from '../engine/state';
import { stateTopic } from './cluster';
import type { ConfigSynonym, TopicConfigEntry } from './types';

/** The topic config names Kafka knows (the keys of TOPIC_CONFIGS), sorted. */
export function topicConfigNames(): string[] {
  return Object.keys(TOPIC_CONFIGS).sort();
}

/**
 * A broker setting from server.properties. SimInit.brokerConfig is merged over Kafka's broker defaults in
 * state.brokerConfig, so a value equal to that default reads as the default (the value is the same).
 */
function staticBrokerValue(state: SimState, name: string): string | undefined {
  if (!Object.hasOwn(state.brokerConfig, name)) return undefined;
  const value = state.brokerConfig[name];
  return BROKER_CONFIG_DEFAULTS[name] === value ? undefined : value;
}

function entry(state: SimState, name: string, override: string | undefined): TopicConfigEntry {
  const def: ConfigDef | undefined = Object.hasOwn(TOPIC_CONFIGS, name) ? TOPIC_CONFIGS[name] : undefined;
  const synonyms: ConfigSynonym[] = [];
  if (override !== undefined) synonyms.push({ name, value: override, source: 'DYNAMIC_TOPIC_CONFIG' });
  const broker = def?.brokerSynonym ? staticBrokerValue(state, def.brokerSynonym) : undefined;
  if (def?.brokerSynonym && broker !== undefined)
    synonyms.push({ name: def.brokerSynonym, value: broker, source: 'STATIC_BROKER_CONFIG' });
  if (def) {
    const shown = def.defaultSynonym ?? { name: def.brokerSynonym ?? name, value: def.default };
    synonyms.push({ name: shown.name, value: shown.value, source: 'DEFAULT_CONFIG' });
  }
  const value = override ?? broker ?? def?.default ?? '';
  const source =
    override !== undefined
      ? 'DYNAMIC_TOPIC_CONFIG'
      : broker !== undefined
        ? 'STATIC_BROKER_CONFIG'
        : 'DEFAULT_CONFIG';
  return { name, value, source, synonyms };
}

/** All configs of a topic (every known one plus its overrides), sorted by name; null for an unknown topic. */
export function effectiveTopicConfigOf(state: SimState, topic: string): TopicConfigEntry[] | null {
  const t = stateTopic(state, topic);
  if (!t) return null;
  const names = [...new Set([...Object.keys(TOPIC_CONFIGS), ...Object.keys(t.configs)])].sort();
  return names.map((name) =>
    entry(state, name, Object.hasOwn(t.configs, name) ? t.configs[name] : undefined),
  );
}
