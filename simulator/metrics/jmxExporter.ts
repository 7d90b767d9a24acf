// jmx_exporter (prometheus/jmx_exporter 1.x JmxCollector) over our MBeans: each attribute becomes the string
// `domain<k1=v1, k2=v2><>attr: value`, the first rule whose pattern matches (wrapped as ^.*(?:pattern).*$) names
// it, and unmatched attributes are dropped. Rules are data (KAFKA_KRAFT_RULES = examples/kafka-kraft-3_0_0.yml).
import type { MBean } from './mbean';

export type JmxRuleType = 'GAUGE' | 'COUNTER' | 'UNTYPED';

export type JmxRule = {
  pattern: string;
  name?: string;
  type?: JmxRuleType;
  labels?: Record<string, string>;
  help?: string;
  /** Static value (e.g. 1 for an _info metric built from a string attribute). */
  value?: string;
  valueFactor?: number;
};

export type JmxExporterConfig = {
  lowercaseOutputName?: boolean;
  lowercaseOutputLabelNames?: boolean;
  rules: JmxRule[];
};

export type PromType = 'counter' | 'gauge' | 'untyped';

export type PromSample = { name: string; labels: Array<[string, string]>; value: number };

/** A metric family; for counters `name` has no `_total` and every sample name ends in `_total` (client_java 1.x). */
export type MetricFamily = { name: string; type: PromType; help: string; samples: PromSample[] };

/** examples/kafka-kraft-3_0_0.yml of jmx_exporter (the rules Strimzi's alert names come from). */
export const KAFKA_KRAFT_RULES: JmxExporterConfig = {
  lowercaseOutputName: true,
  rules: [
    {
      pattern: 'kafka.server<type=(.+), name=(.+), clientId=(.+), topic=(.+), partition=(.*)><>Value',
      name: 'kafka_server_$1_$2',
      type: 'GAUGE',
      labels: { clientId: '$3', topic: '$4', partition: '$5' },
    },
    {
      pattern: 'kafka.server<type=(.+), name=(.+), clientId=(.+), brokerHost=(.+), brokerPort=(.+)><>Value',
      name: 'kafka_server_$1_$2',
      type: 'GAUGE',
      labels: { clientId: '$3', broker: '$4:$5' },
    },
    {
      pattern: 'kafka.coordinator.(\\w+)<type=(.+), name=(.+)><>Value',
      name: 'kafka_coordinator_$1_$2_$3',
      type: 'GAUGE',
    },
    {
      pattern: 'kafka.server<type=raft-metrics><>current-state: ([a-z]+)',
      name: 'kafka_server_raft_metrics_current_state_info',
      type: 'GAUGE',
      value: '1',
      labels: { state: '$1' },
    },
    {
      pattern: 'kafka.server<type=(.+)><>([a-z-]+)-total',
      name: 'kafka_server_$1_$2_total',
      type: 'COUNTER',
    },
    { pattern: 'kafka.server<type=(.+)><>([a-z-]+)', name: 'kafka_server_$1_$2', type: 'GAUGE' },
    {
      pattern: 'kafka.(\\w+)<type=(.+), name=(.+)PerSec\\w*, (.+)=(.+), (.+)=(.+)><>Count',
      name: 'kafka_$1_$2_$3_total',
      type: 'COUNTER',
      labels: { $4: '$5', $6: '$7' },
    },
    {
      pattern: 'kafka.(\\w+)<type=(.+), name=(.+)PerSec\\w*, (.+)=(.+)><>Count',
      name: 'kafka_$1_$2_$3_total',
      type: 'COUNTER',
      labels: { $4: '$5' },
    },
    {
      pattern: 'kafka.(\\w+)<type=(.+), name=(.+)PerSec\\w*><>Count',
      name: 'kafka_$1_$2_$3_total',
      type: 'COUNTER',
    },
    {
      pattern: 'kafka.server<type=(.+), user=(.+), client-id=(.+)><>([a-z-]+)',
      name: 'kafka_server_quota_$4',
      type: 'GAUGE',
      labels: { resource: '$1', user: '$2', clientId: '$3' },
    },
    {
      pattern: 'kafka.server<type=(.+), client-id=(.+)><>([a-z-]+)',
      name: 'kafka_server_quota_$3',
      type: 'GAUGE',
      labels: { resource: '$1', clientId: '$2' },
    },
    {
      pattern: 'kafka.server<type=(.+), user=(.+)><>([a-z-]+)',
      name: 'kafka_server_quota_$3',
      type: 'GAUGE',
      labels: { resource: '$1', user: '$2' },
    },
    {
      pattern: 'kafka.(\\w+)<type=(.+), name=(.+), (.+)=(.+), (.+)=(.+)><>Value',
      name: 'kafka_$1_$2_$3',
      type: 'GAUGE',
      labels: { $4: '$5', $6: '$7' },
    },
    {
      pattern: 'kafka.(\\w+)<type=(.+), name=(.+), (.+)=(.+)><>Value',
      name: 'kafka_$1_$2_$3',
      type: 'GAUGE',
      labels: { $4: '$5' },
    },
    { pattern: 'kafka.(\\w+)<type=(.+), name=(.+)><>Value', name: 'kafka_$1_$2_$3', type: 'GAUGE' },
    {
      pattern: 'kafka.(\\w+)<type=(.+), name=(.+), (.+)=(.+), (.+)=(.+)><>Count',
      name: 'kafka_$1_$2_$3_count',
      type: 'COUNTER',
      labels: { $4: '$5', $6: '$7' },
    },
    {
      pattern: 'kafka.(\\w+)<type=(.+), name=(.+), (.+)=(.*), (.+)=(.+)><>(\\d+)thPercentile',
      name: 'kafka_$1_$2_$3',
      type: 'GAUGE',
      labels: { $4: '$5', $6: '$7', quantile: '0.$8' },
    },
    {
      pattern: 'kafka.(\\w+)<type=(.+), name=(.+), (.+)=(.+)><>Count',
      name: 'kafka_$1_$2_$3_count',
      type: 'COUNTER',
      labels: { $4: '$5' },
    },
    {
      pattern: 'kafka.(\\w+)<type=(.+), name=(.+), (.+)=(.*)><>(\\d+)thPercentile',
      name: 'kafka_$1_$2_$3',
      type: 'GAUGE',
      labels: { $4: '$5', quantile: '0.$6' },
    },
    { pattern: 'kafka.(\\w+)<type=(.+), name=(.+)><>Count', name: 'kafka_$1_$2_$3_count', type: 'COUNTER' },
    {
      pattern: 'kafka.(\\w+)<type=(.+), name=(.+)><>(\\d+)thPercentile',
      name: 'kafka_$1_$2_$3',
      type: 'GAUGE',
      labels: { quantile: '0.$4' },
    },
    {
      pattern: 'kafka.(\\w+)<type=(.+), name=(.+)Percent\\w*><>MeanRate',
      name: 'kafka_$1_$2_$3_percent',
      type: 'GAUGE',
    },
    {
      pattern: 'kafka.(\\w+)<type=(.+), name=(.+)Percent\\w*><>Value',
      name: 'kafka_$1_$2_$3_percent',
      type: 'GAUGE',
    },
    {
      pattern: 'kafka.(\\w+)<type=(.+), name=(.+)Percent\\w*, (.+)=(.+)><>Value',
      name: 'kafka_$1_$2_$3_percent',
      type: 'GAUGE',
      labels: { $4: '$5' },
    },
  ],
};

/** The client rules of Strimzi's examples (kafka-connect-metrics.yaml): producers' and consumers' own beans. */
export const STRIMZI_CLIENT_RULES: JmxExporterConfig = {
  lowercaseOutputName: true,
  lowercaseOutputLabelNames: true,
  rules: [
    {
      pattern:
        'kafka.consumer<type=consumer-fetch-manager-metrics, client-id=(.+), topic=(.+), partition=(.+)><>(.+-total)',
      name: 'kafka_consumer_fetch_manager_$4',
      labels: { clientId: '$1', topic: '$2', partition: '$3' },
      help: 'Kafka Consumer JMX metric type consumer-fetch-manager-metrics',
      type: 'COUNTER',
    },
    {
      pattern:
        'kafka.consumer<type=consumer-fetch-manager-metrics, client-id=(.+), topic=(.+), partition=(.+)><>(compression-rate|.+-avg|.+-replica|.+-lag|.+-lead)',
      name: 'kafka_consumer_fetch_manager_$4',
      labels: { clientId: '$1', topic: '$2', partition: '$3' },
      help: 'Kafka Consumer JMX metric type consumer-fetch-manager-metrics',
      type: 'GAUGE',
    },
    {
      pattern: 'kafka.producer<type=producer-topic-metrics, client-id=(.+), topic=(.+)><>(.+-total)',
      name: 'kafka_producer_topic_$3',
      labels: { clientId: '$1', topic: '$2' },
      help: 'Kafka Producer JMX metric type producer-topic-metrics',
      type: 'COUNTER',
    },
    {
      pattern: 'kafka.(.+)<type=(.+)-metrics, client-id=(.*)><>(.+-total)',
      name: 'kafka_$2_$4',
      labels: { clientId: '$3' },
      help: 'Kafka $1 JMX metric type $2',
      type: 'COUNTER',
    },
    {
      pattern:
        'kafka.(.+)<type=(.+)-metrics, client-id=(.*)><>(.+-avg|.+-bytes|.+-count|.+-ratio|.+-age|.+-flight|.+-threads|.+-connectors|.+-tasks|.+-ago)',
      name: 'kafka_$2_$4',
      labels: { clientId: '$3' },
      help: 'Kafka $1 JMX metric type $2',
      type: 'GAUGE',
    },
  ],
};

/** JmxCollector#safeName: illegal characters become `_`, runs of `_` collapse, a leading digit gets a `_`. */
export function safeName(name: string): string {
  let out = /^[0-9]/.test(name) ? '_' : '';
  let prevUnderscore = false;
  for (const c of name) {
    const legal = c === ':' || c === '_' || /[a-zA-Z0-9]/.test(c);
    if (!legal || c === '_') {
      if (!prevUnderscore) out += '_';
      prevUnderscore = true;
    } else {
      out += c;
      prevUnderscore = false;
    }
  }
  return out;
}

/** The bean part of the match string: `domain<k1=v1, k2=v2><>` (LinkedHashMap#toString in <> brackets). */
export function beanMatchName(b: MBean): string {
  return `${b.domain}<${b.keys.map(([k, v]) => `${k}=${v}`).join(', ')}><>`;
}

type Compiled = { rule: JmxRule; re: RegExp; readsValue: boolean; required: string };

/**
 * The longest literal run of a pattern outside groups (a substring every match must contain), so a rule that
 * cannot match skips its regex. '' when there is none or the pattern has a top-level alternation.
 */
export function requiredLiteral(pattern: string): string {
  let depth = 0;
  let run = '';
  let best = '';
  const flush = () => {
    if (run.length > best.length) best = run;
    run = '';
  };
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      flush();
      i++;
      continue;
    }
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    if (depth === 0 && c === '|') return '';
    if (depth > 0 || '.^$*+?()[]{}|'.includes(c)) {
      // A quantifier makes the character before it optional.
      if ('*?{'.includes(c) && run.length) run = run.slice(0, -1);
      flush();
      continue;
    }
    const next = pattern[i + 1];
    if (next !== undefined && '*?{'.includes(next)) {
      flush();
      continue;
    }
    run += c;
  }
  flush();
  return best;
}
const compiledCache = new WeakMap<JmxExporterConfig, Compiled[]>();

function compiled(config: JmxExporterConfig): Compiled[] {
  let c = compiledCache.get(config);
  if (!c) {
    c = config.rules.map((rule) => ({
      rule,
      re: new RegExp(`^.*(?:${rule.pattern}).*$`),
      readsValue: readsValue(rule),
      required: requiredLiteral(rule.pattern),
    }));
    compiledCache.set(config, c);
  }
  return c;
}

function helpFor(b: MBean, attr: string, description: string): string {
  const keys = new Map(b.keys);
  const help = `${b.domain}:name=${keys.get('name') ?? 'null'},type=${keys.get('type') ?? 'null'},attribute=${attr}`;
  return description && description !== attr ? `${description} ${help}` : help;
}

const TYPES: Record<JmxRuleType, PromType> = { GAUGE: 'gauge', COUNTER: 'counter', UNTYPED: 'untyped' };

const labelKey = (l: ReadonlyArray<readonly [string, string]>) => l.map(([k, v]) => `${k}=${v}`).join(',');

type Resolved = {
  type: PromType;
  base: string;
  sampleName: string;
  labels: Array<[string, string]>;
  /** labelKey(labels), worked out once (a resolved attribute is reused every scrape). */
  lk: string;
  help: string;
  rule: JmxRule;
  re: RegExp;
} | null;

/** Rules whose pattern reads the attribute's value (`attr: value`) cannot be cached (jmx_exporter's rule cache). */
function readsValue(rule: JmxRule): boolean {
  return rule.pattern.includes('>: ') || /[a-zA-Z)\]]: /.test(rule.pattern);
}

const resolvedCache = new WeakMap<JmxExporterConfig, Map<string, { index: number; resolved: Resolved }>>();

function resolve(
  config: JmxExporterConfig,
  b: MBean,
  attrName: string,
  description: string,
  matchName: string,
  rule: JmxRule,
  re: RegExp,
): Resolved {
  const help = rule.help !== undefined ? matchName.replace(re, rule.help) : helpFor(b, attrName, description);
  let name: string;
  const labels: Array<[string, string]> = [];
  if (rule.name === undefined) {
    // Default export: domain_firstKeyValue_attr{otherKey="value"}.
    name = safeName(`${b.domain}_${b.keys[0]?.[1] ?? ''}_${attrName}`);
    for (const [k, v] of b.keys.slice(1))
      labels.push([safeName(config.lowercaseOutputLabelNames ? k.toLowerCase() : k), v]);
  } else {
    name = safeName(matchName.replace(re, rule.name));
    for (const [k, v] of Object.entries(rule.labels ?? {})) {
      let labelName = safeName(matchName.replace(re, k));
      if (config.lowercaseOutputLabelNames) labelName = labelName.toLowerCase();
      const labelValue = matchName.replace(re, v);
      if (labelName !== '' && labelValue !== '') labels.push([labelName, labelValue]);
    }
  }
  if (config.lowercaseOutputName) name = name.toLowerCase();
  if (name === '') return null;
  const type = TYPES[rule.type ?? 'UNTYPED'];
  const base = type === 'counter' && name.endsWith('_total') ? name.slice(0, -'_total'.length) : name;
  labels.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  return {
    type,
    base,
    sampleName: type === 'counter' ? `${base}_total` : base,
    labels,
    lk: labelKey(labels),
    help,
    rule,
    re,
  };
}

/** Scrape MBeans through a jmx_exporter config into metric families, sorted by name (client_java 1.x order). */
export function exportMBeans(
  beans: readonly MBean[],
  config: JmxExporterConfig,
  /** The /metrics page sorts families and samples (client_java's order); a scrape into the store need not. */
  sorted = true,
): MetricFamily[] {
  const families = new Map<string, MetricFamily>();
  const seen = new Map<string, Set<string>>();
  const rules = compiled(config);
  let cache = resolvedCache.get(config);
  if (!cache) {
    cache = new Map();
    resolvedCache.set(config, cache);
  }
  for (const b of beans) {
    const beanName = beanMatchName(b);
    for (const attr of b.attributes) {
      const key = `${beanName}${attr.name}`;
      const matchName = `${key}: ${attr.value}`;
      let resolved: Resolved = null;
      let index = -1;
      // Value-free rules resolve once per bean attribute; value-reading rules before that index run every time.
      let cached = cache.get(key);
      if (!cached) {
        let ci = -1;
        let cr: Resolved = null;
        for (let i = 0; i < rules.length; i++) {
          if (rules[i].readsValue || !rules[i].re.test(matchName)) continue;
          ci = i;
          cr = resolve(config, b, attr.name, attr.description, matchName, rules[i].rule, rules[i].re);
          break;
        }
        cached = { index: ci, resolved: cr };
        cache.set(key, cached);
      }
      const limit = cached.index < 0 ? rules.length : cached.index;
      for (let i = 0; i < limit; i++) {
        const { rule, re } = rules[i];
        if (rules[i].readsValue && matchName.includes(rules[i].required) && re.test(matchName)) {
          index = i;
          resolved = resolve(config, b, attr.name, attr.description, matchName, rule, re);
          break;
        }
      }
      if (index < 0) {
        index = cached.index;
        resolved = cached.resolved;
      }
      if (index < 0 || !resolved) continue;
      let value: number;
      if (resolved.rule.value !== undefined)
        value = Number(matchName.replace(resolved.re, resolved.rule.value));
      else if (typeof attr.value === 'number') value = attr.value;
      else continue; // a string attribute without a value rule is dropped ("Ignoring unsupported bean")
      value *= resolved.rule.valueFactor ?? 1;
      let fam = families.get(resolved.base);
      if (!fam) {
        fam = { name: resolved.base, type: resolved.type, help: resolved.help, samples: [] };
        families.set(resolved.base, fam);
        seen.set(resolved.base, new Set());
      }
      const lk = resolved.lk;
      const famSeen = seen.get(resolved.base) as Set<string>;
      // "was created multiple times. Keeping the first occurrence."
      if (famSeen.has(lk)) continue;
      famSeen.add(lk);
      fam.samples.push({
        name: fam.type === 'counter' ? `${fam.name}_total` : fam.name,
        labels: resolved.labels,
        value,
      });
    }
  }
  if (!sorted) return [...families.values()];
  const out = [...families.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // Sort by label text computed once per sample (not once per comparison: a scrape sorts thousands).
  for (const f of out)
    f.samples = f.samples
      .map((s) => ({ s, k: labelKey(s.labels) }))
      .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
      .map((x) => x.s);
  return out;
}
