// kafka-configs.sh arguments for users and clients (ConfigCommandOptions#checkArgs, #entityTypes,
// #entityNames, ConfigCommand#parseConfigsToBeAdded and the users/clients checks of #alterConfig).

import { QUOTA_KINDS } from './clientQuotas';
import { javaSplit } from './javaCompat';
import { type JoptSpec, KAFKA_TOOLS_VERSION, type OptionSet, parseJopt, type ToolOutput } from './jopt';
import { isScramMechanism, type ScramMechanism } from './scram';

const SPECS: JoptSpec[] = [
  'zookeeper',
  'bootstrap-server',
  'bootstrap-controller',
  'command-config',
  'entity-type',
  'entity-name',
  'add-config',
  'add-config-file',
  'delete-config',
  'topic',
  'client',
  'user',
  'broker',
  'broker-logger',
  'ip',
  'group',
  'client-metrics',
  'zk-tls-config-file',
]
  .map((name): JoptSpec => ({ name, arg: 'required' }))
  .concat(
    [
      'alter',
      'describe',
      'all',
      'entity-default',
      'force',
      'client-defaults',
      'user-defaults',
      'broker-defaults',
      'ip-defaults',
      'help',
      'version',
    ].map((name): JoptSpec => ({ name, arg: 'none' })),
  );

const BROKER_SUPPORTED_TYPES = [
  'topics',
  'clients',
  'users',
  'brokers',
  'ips',
  'broker-loggers',
  'client-metrics',
  'groups',
];
const ENTITY_FLAGS: Array<[string, string]> = [
  ['topic', 'topics'],
  ['client', 'clients'],
  ['user', 'users'],
  ['broker', 'brokers'],
  ['broker-logger', 'broker-loggers'],
  ['ip', 'ips'],
  ['client-metrics', 'client-metrics'],
  ['group', 'groups'],
];
const DEFAULT_FLAGS: Array<[string, string]> = [
  ['client-defaults', 'clients'],
  ['user-defaults', 'users'],
  ['broker-defaults', 'brokers'],
  ['ip-defaults', 'ips'],
];

export type ConfigCommandRequest =
  | {
      action: 'alter-quotas';
      entityTypes: string[];
      entityNames: string[];
      add: Array<[string, string]>;
      delete: string[];
    }
  | { action: 'alter-scram'; user: string; add: Array<[ScramMechanism, string]>; delete: ScramMechanism[] }
  | { action: 'describe'; entityTypes: string[]; entityNames: string[] };

export type ConfigCommandParse =
  | { kind: 'request'; request: ConfigCommandRequest; args: readonly string[] }
  | { kind: 'done'; output: ToolOutput }
  /** A topics/brokers/… command: handled by the console's existing kafka-configs.sh. */
  | { kind: 'other-entity-type' };

const NL = '\n';
const err = (message: string): ConfigCommandParse => ({
  kind: 'done',
  output: { stdout: '', stderr: `${message}${NL}`, exitCode: 1 },
});

class Refusal {
  constructor(readonly message: string) {}
}

/** ConfigCommandOptions#entityTypes: --entity-type values, then the entity flags in their declaration order. */
function entityTypesOf(o: OptionSet): string[] {
  return [
    ...o.values('entity-type'),
    ...[...ENTITY_FLAGS, ...DEFAULT_FLAGS].filter(([f]) => o.has(f)).map(([, t]) => t),
  ];
}

/** ConfigCommandOptions#entityNames: --entity-name / --entity-default in command-line order ("" = default). */
function entityNamesOf(o: OptionSet): string[] {
  const names = o.values('entity-name');
  let i = 0;
  const fromSpecs = o.detected
    .filter((d) => d === 'entity-name' || d === 'entity-default')
    .map((d) => (d === 'entity-name' ? names[i++] : ''));
  return [
    ...fromSpecs,
    ...ENTITY_FLAGS.filter(([f]) => o.has(f)).map(([f]) => o.value(f) ?? ''),
    ...DEFAULT_FLAGS.filter(([f]) => o.has(f)).map(() => ''),
  ];
}

/** ConfigCommandOptions#checkArgs (the parts that apply with --bootstrap-server). */
function checkArgs(o: OptionSet): void {
  const types = entityTypesOf(o);
  const names = entityNamesOf(o);
  const dup = types.filter((t, i) => types.indexOf(t) !== i);
  if (dup.length > 0) throw new Refusal(`Duplicate entity type(s) specified: ${[...new Set(dup)].join(',')}`);
  const viaBroker = o.has('bootstrap-server') || o.has('bootstrap-controller');
  const allowed = viaBroker ? BROKER_SUPPORTED_TYPES : ['users', 'brokers'];
  for (const t of types) {
    if (!allowed.includes(t)) {
      throw new Refusal(
        `Invalid entity type ${t}, the entity type must be one of ${allowed.join(', ')} with a ${viaBroker ? '--bootstrap-server or --bootstrap-controller' : '--zookeeper'} argument`,
      );
    }
  }
  if (types.length === 0) throw new Refusal('At least one entity type must be specified');
  if (types.length > 1 && !(types.length === 2 && types.includes('users') && types.includes('clients'))) {
    throw new Refusal("Only 'users' and 'clients' entity types may be specified together");
  }
  if (
    (o.has('entity-name') || o.has('entity-type') || o.has('entity-default')) &&
    [...ENTITY_FLAGS, ...DEFAULT_FLAGS].some(([f]) => o.has(f))
  ) {
    throw new Refusal(
      '--entity-{type,name,default} should not be used in conjunction with specific entity flags',
    );
  }
  const connect = ['bootstrap-server', 'bootstrap-controller', 'zookeeper'].filter((c) => o.has(c)).length;
  if (connect === 0) {
    throw new Refusal(
      'One of the required --bootstrap-server, --boostrap-controller, or --zookeeper arguments must be specified',
    );
  }
  if (connect > 1)
    throw new Refusal(
      'Only one of --bootstrap-server, --boostrap-controller, and --zookeeper can be specified',
    );
  const hasName = names.some((n) => n !== '');
  const hasDefault = names.some((n) => n === '');
  if (o.has('alter')) {
    if (['users', 'clients', 'brokers', 'ips'].some((t) => types.includes(t))) {
      if (!hasName && !hasDefault) {
        throw new Refusal(
          'An entity-name or default entity must be specified with --alter of users, clients, brokers or ips',
        );
      }
    } else if (!hasName)
      throw new Refusal(`An entity name must be specified with --alter of ${types.join(',')}`);
    if (o.has('add-config') && o.has('add-config-file'))
      throw new Refusal('Only one of --add-config or --add-config-file must be specified');
    if (!o.has('add-config') && !o.has('add-config-file') && !o.has('delete-config')) {
      throw new Refusal(
        'At least one of --add-config, --add-config-file, or --delete-config must be specified with --alter',
      );
    }
  }
}

/** ConfigCommand#parseConfigsToBeAdded: commas outside [], `key=value`, brackets removed from values. */
export function parseConfigsToBeAdded(text: string): Array<[string, string]> {
  const pattern = String.raw`(?=[^\]]*(?:\[|$))`;
  const pairs = javaSplit(text, new RegExp(`,${pattern}`)).map((p) =>
    javaSplit(p, new RegExp(String.raw`\s*=\s*${pattern}`), -1),
  );
  if (!pairs.every((p) => p.length === 2)) {
    throw new Refusal(
      'requirement failed: Invalid entity config: all configs to be added must be in the format "key=val".',
    );
  }
  const out: Array<[string, string]> = [];
  for (const [k, v] of pairs) {
    const key = k.trim();
    const value = v.replace(/\[?\]?/g, '').trim();
    const at = out.findIndex(([x]) => x === key);
    if (at >= 0) out[at] = [key, value];
    else out.push([key, value]);
  }
  for (const [key] of out) {
    if (!/^[a-zA-Z0-9._-]*$/.test(key)) throw new Refusal(`Invalid character found for config key: ${key}`);
  }
  return out;
}

/** Java's Double.parseDouble (decimal forms, NaN, Infinity, an f/F/d/D suffix; surrounding blanks allowed). */
export function javaParseDouble(text: string): number | null {
  const s = text.replace(/^[\0- ]+|[\0- ]+$/g, '');
  const m = /^([+-]?)(NaN|Infinity|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[fFdD]?)$/.exec(s);
  if (!m) return null;
  const body = m[2].replace(/[fFdD]$/, '');
  const v = body === 'NaN' ? Number.NaN : body === 'Infinity' ? Number.POSITIVE_INFINITY : Number(body);
  return m[1] === '-' ? -v : v;
}

/** Parse kafka-configs.sh arguments for users/clients into a request, or the tool's own output. */
export function parseConfigCommandArgs(args: readonly string[]): ConfigCommandParse {
  const parsed = parseJopt(args, SPECS);
  // ConfigCommand#main catches OptionException: the message alone on stderr.
  if (!parsed.ok) return err(parsed.message);
  const o = parsed.options;
  if (args.length === 0 || o.has('help')) {
    return {
      kind: 'done',
      output: {
        stdout: '',
        stderr: `This tool helps to manipulate and describe entity config for a topic, client, user, broker, ip, client-metrics or group${NL}`,
        exitCode: 1,
      },
    };
  }
  if (o.has('version'))
    return { kind: 'done', output: { stdout: `${KAFKA_TOOLS_VERSION}${NL}`, stderr: '', exitCode: 0 } };
  if (['alter', 'describe'].filter((a) => o.has(a)).length !== 1)
    return err('Command must include exactly one action: --describe, --alter');
  if (o.has('describe'))
    for (const x of ['alter', 'add-config', 'delete-config'])
      if (o.has(x)) return err(`Option "[describe]" can't be used with option "[${x}]"`);
  const types = entityTypesOf(o);
  if (
    types.some((t) => t !== 'users' && t !== 'clients') &&
    types.every((t) => BROKER_SUPPORTED_TYPES.includes(t))
  ) {
    return { kind: 'other-entity-type' };
  }
  try {
    checkArgs(o);
    const names = entityNamesOf(o);
    if (o.has('describe'))
      return {
        kind: 'request',
        args,
        request: { action: 'describe', entityTypes: types, entityNames: names },
      };
    if (types.length !== names.length)
      throw new Refusal('An entity name must be specified for every entity type');
    if (o.has('add-config-file'))
      throw new Refusal('--add-config-file is not available in the simulation; use --add-config.');
    const add = o.has('add-config') ? parseConfigsToBeAdded(o.value('add-config') ?? '') : [];
    const del = o
      .values('delete-config')
      .flatMap((d) => d.split(','))
      .map((d) => d.trim());
    const isQuota = (k: string) => (QUOTA_KINDS as readonly string[]).includes(k);
    const unknownAdd = add.map(([k]) => k).filter((k) => !isScramMechanism(k) && !isQuota(k));
    const scramAdd = add.filter(([k]) => isScramMechanism(k));
    const unknownDel = del.filter((k) => !isScramMechanism(k) && !isQuota(k));
    const scramDel = del.filter((k) => isScramMechanism(k));
    const quotaChange = add.some(([k]) => isQuota(k)) || del.some(isQuota);
    if (types[0] === 'clients' || types.length === 2) {
      if (unknownAdd.length > 0 || scramAdd.length > 0) {
        throw new Refusal(
          `Only quota configs can be added for 'clients' using --bootstrap-server. Unexpected config names: Set(${[...unknownAdd, ...scramAdd.map(([k]) => k)].join(', ')})`,
        );
      }
      if (unknownDel.length > 0 || scramDel.length > 0) {
        throw new Refusal(
          `Only quota configs can be deleted for 'clients' using --bootstrap-server. Unexpected config names: ArrayBuffer(${[...unknownDel, ...scramDel].join(', ')})`,
        );
      }
    } else {
      if (unknownAdd.length > 0) {
        throw new Refusal(
          `Only quota and SCRAM credential configs can be added for 'users' using --bootstrap-server. Unexpected config names: Set(${unknownAdd.join(', ')})`,
        );
      }
      if (unknownDel.length > 0) {
        throw new Refusal(
          `Only quota and SCRAM credential configs can be deleted for 'users' using --bootstrap-server. Unexpected config names: ArrayBuffer(${unknownDel.join(', ')})`,
        );
      }
      if (scramAdd.length > 0 || scramDel.length > 0) {
        if (names.some((n) => n === '')) {
          throw new Refusal(
            'The use of --entity-default or --user-defaults is not allowed with User SCRAM Credentials using --bootstrap-server.',
          );
        }
        if (quotaChange)
          throw new Refusal(
            "Cannot alter both quota and SCRAM credential configs simultaneously for 'users' using --bootstrap-server.",
          );
      }
    }
    if (quotaChange)
      return {
        kind: 'request',
        args,
        request: { action: 'alter-quotas', entityTypes: types, entityNames: names, add, delete: del },
      };
    return {
      kind: 'request',
      args,
      request: {
        action: 'alter-scram',
        user: names[0],
        add: scramAdd.map(([k, v]) => [k as ScramMechanism, v]),
        delete: scramDel as ScramMechanism[],
      },
    };
  } catch (e) {
    if (e instanceof Refusal) return err(e.message);
    throw e;
  }
}
