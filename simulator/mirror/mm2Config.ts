// connect-mirror-maker.sh's properties (MirrorMakerConfig): `clusters`, `<a>->(<b>).enabled`, and the flow
// settings, global or prefixed with `<a>-><b>.`. Pure: text in, one flow spec or clear errors out.
import type { MirrorFlowSpec } from './types';

const DEFAULT_POLICY = 'org.apache.kafka.connect.mirror.DefaultReplicationPolicy';
const IDENTITY_POLICY = 'org.apache.kafka.connect.mirror.IdentityReplicationPolicy';

/** Java .properties lines: `key = value` or `key: value`, `#`/`!` comments, blank lines skipped. */
export function parseProperties(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    const m = /^([^=:\s]+)\s*[=:\s]\s*(.*)$/.exec(line);
    if (m) out.set(m[1], m[2].trim());
    else out.set(line, '');
  }
  return out;
}

const ALIAS = /^[A-Za-z0-9_-]+$/;

export type Mm2ConfigResult =
  | {
      ok: true;
      /** The first enabled flow. */
      spec: MirrorFlowSpec;
      /** Every enabled flow, in the file's order (two for active/active). */
      specs: MirrorFlowSpec[];
    }
  | { ok: false; errors: string[] };

/**
 * The enabled flows of an MM2 properties file, with MirrorSourceConfig/MirrorCheckpointConfig defaults:
 * topics `.*`, topics.exclude `.*[\-\.]internal, .*\.replica, __.*`, groups `.*`, groups.exclude
 * `console-consumer-.*, connect-.*, __.*`, offset.lag.max 100, replication.factor 2,
 * sync.group.offsets.enabled false, emit.heartbeats.enabled true.
 */
export function parseMm2Config(text: string): Mm2ConfigResult {
  const props = parseProperties(text);
  const errors: string[] = [];
  const clustersValue = props.get('clusters');
  if (!clustersValue)
    return { ok: false, errors: ['Missing required property: clusters (e.g. clusters = east, west)'] };
  const clusters = clustersValue
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  for (const c of clusters) if (!ALIAS.test(c)) errors.push(`Invalid cluster alias '${c}' in clusters`);
  const flows: Array<[string, string]> = [];
  for (const [key, value] of props) {
    const m = /^([^.]+)->([^.]+)\.enabled$/.exec(key);
    if (!m) continue;
    for (const alias of [m[1], m[2]])
      if (!clusters.includes(alias))
        errors.push(`Unknown cluster alias '${alias}' in ${key}: clusters = ${clusters.join(', ')}`);
    if (m[1] === m[2]) errors.push(`A flow needs two different clusters: ${key}`);
    if (value.toLowerCase() === 'true') flows.push([m[1], m[2]]);
    else if (value.toLowerCase() !== 'false')
      errors.push(
        `Invalid value ${value} for configuration ${key}: Expected value to be either true or false`,
      );
  }
  if (errors.length) return { ok: false, errors };
  if (flows.length === 0)
    return {
      ok: false,
      errors: ['No replication flow is enabled: add a line like east->west.enabled = true'],
    };
  const specs = flows.map(([source, target]) => flowSpec(props, source, target, errors));
  return errors.length ? { ok: false, errors } : { ok: true, spec: specs[0], specs };
}

const bool = (name: string, v: string, errors: string[]) => {
  if (!/^(true|false)$/i.test(v))
    errors.push(`Invalid value ${v} for configuration ${name}: Expected value to be either true or false`);
  return v.toLowerCase() === 'true';
};

/** One flow's settings: `<source>-><target>.name`, else the global `name`, else MM2's default. */
function flowSpec(
  props: Map<string, string>,
  source: string,
  target: string,
  errors: string[],
): MirrorFlowSpec {
  const get = (name: string, dflt: string) =>
    props.get(`${source}->${target}.${name}`) ?? props.get(name) ?? dflt;
  const int = (name: string, dflt: number, min: number) => {
    const v = get(name, String(dflt));
    const n = Number(v);
    if (!/^-?\d+$/.test(v) || n < min)
      errors.push(`Invalid value ${v} for configuration ${name}: Value must be at least ${min}`);
    return n;
  };
  const policyClass = get('replication.policy.class', DEFAULT_POLICY);
  if (policyClass !== DEFAULT_POLICY && policyClass !== IDENTITY_POLICY)
    errors.push(`Class ${policyClass} could not be found.`);
  const spec: MirrorFlowSpec = {
    source,
    target,
    topics: get('topics', '.*'),
    topicsExclude: get('topics.exclude', '.*[\\-\\.]internal, .*\\.replica, __.*'),
    groups: get('groups', '.*'),
    groupsExclude: get('groups.exclude', 'console-consumer-.*, connect-.*, __.*'),
    offsetLagMax: int('offset.lag.max', 100, 0),
    replicationFactor: int('replication.factor', 2, 1),
    separator: get('replication.policy.separator', '.'),
    policy: policyClass === IDENTITY_POLICY ? 'identity' : 'default',
    syncGroupOffsets: bool('sync.group.offsets.enabled', get('sync.group.offsets.enabled', 'false'), errors),
    emitHeartbeats: bool('emit.heartbeats.enabled', get('emit.heartbeats.enabled', 'true'), errors),
    // MirrorSourceConfig#refreshTopicsInterval / syncTopicConfigsInterval: a disabled feature never runs.
    refreshTopicsMs: bool('refresh.topics.enabled', get('refresh.topics.enabled', 'true'), errors)
      ? int('refresh.topics.interval.seconds', 600, 1) * 1000
      : null,
    syncTopicConfigsMs: bool('sync.topic.configs.enabled', get('sync.topic.configs.enabled', 'true'), errors)
      ? int('sync.topic.configs.interval.seconds', 600, 1) * 1000
      : null,
  };
  for (const name of ['topics', 'topics.exclude', 'groups', 'groups.exclude'])
    for (const r of splitList(get(name, '')))
      try {
        new RegExp(r);
      } catch {
        errors.push(`Invalid regular expression '${r}' in ${name}`);
      }
  return spec;
}

/** A comma-separated list property (ConfigDef.Type.LIST). */
export const splitList = (v: string) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** DefaultTopicFilter/DefaultGroupFilter: included by one pattern and excluded by none (whole-name matches). */
export function filterMatches(name: string, include: string, exclude: string): boolean {
  const whole = (r: string) => new RegExp(`^(?:${r})$`).test(name);
  return splitList(include).some(whole) && !splitList(exclude).some(whole);
}
