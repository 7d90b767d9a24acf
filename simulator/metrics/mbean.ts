// What a JMX client sees: MBeans with an object name (keys in registration order) and typed attributes.

export type AttributeValue = number | string;

export type MBeanAttribute = {
  name: string;
  value: AttributeValue;
  /** MBeanAttributeInfo description: Yammer's JmxReporter says "Attribute exposed for management"; Kafka metrics
   *  use the metric's description. jmx_exporter puts it in front of its HELP text. */
  description: string;
};

export type MBean = {
  domain: string;
  /** Key properties in registration order: [['type','BrokerTopicMetrics'],['name','MessagesInPerSec'],['topic','t']]. */
  keys: Array<[string, string]>;
  attributes: MBeanAttribute[];
};

export const YAMMER_DESCRIPTION = 'Attribute exposed for management';

export function mbeanObjectName(b: MBean): string {
  return `${b.domain}:${b.keys.map(([k, v]) => `${k}=${v}`).join(',')}`;
}

/** Parse `domain:k=v,k2=v2` (no quoting; Kafka's names never need it). Returns null when malformed. */
export function parseObjectName(text: string): { domain: string; keys: Array<[string, string]> } | null {
  const colon = text.indexOf(':');
  if (colon <= 0) return null;
  const domain = text.slice(0, colon);
  const keys: Array<[string, string]> = [];
  const rest = text.slice(colon + 1);
  if (rest === '') return null;
  for (const part of rest.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) {
      if (part === '*') continue;
      return null;
    }
    keys.push([part.slice(0, eq), part.slice(eq + 1)]);
  }
  return { domain, keys };
}

/**
 * ObjectName pattern matching as MBeanServer#queryNames does it for the common forms: `*` and `?` in the domain
 * and in values, and a trailing `,*` (property-list pattern) allowing extra keys. Key order does not matter.
 */
export function objectNameMatches(pattern: string, bean: MBean): boolean {
  const parsed = parseObjectName(pattern);
  if (!parsed) return false;
  const listPattern = pattern.endsWith(',*') || pattern.endsWith(':*');
  if (!wildcard(parsed.domain, bean.domain)) return false;
  const beanKeys = new Map(bean.keys);
  for (const [k, v] of parsed.keys) {
    const actual = beanKeys.get(k);
    if (actual === undefined || !wildcard(v, actual)) return false;
  }
  return listPattern || parsed.keys.length === bean.keys.length;
}

function wildcard(pattern: string, value: string): boolean {
  if (!pattern.includes('*') && !pattern.includes('?')) return pattern === value;
  const re = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );
  return re.test(value);
}
