// kafka-acls.sh argument handling (AclCommand.scala, AclCommandOptions#checkArgs and the getResourceFilter /
// getAcl / getResourceFilterToAcls expansion): everything the tool decides before its first Admin call.

import type { ResourcePatternFilter } from './aclStore';
import {
  type AccessControlEntry,
  CLUSTER_NAME,
  type ConcreteResourceType,
  type KafkaPrincipal,
  operationFromName,
  type PatternType,
  parseKafkaPrincipal,
  pascalCase,
  principalToString,
  type StoredPatternType,
  SUPPORTED_OPERATIONS,
} from './aclTypes';
import { scalaSetOrder } from './javaCompat';
import {
  cannotBeUsedWith,
  type JoptSpec,
  KAFKA_TOOLS_VERSION,
  type OptionSet,
  parseJopt,
  type ToolOutput,
} from './jopt';

const SPECS: JoptSpec[] = [
  { name: 'bootstrap-server', arg: 'required' },
  { name: 'bootstrap-controller', arg: 'required' },
  { name: 'command-config', arg: 'optional' },
  { name: 'topic', arg: 'required' },
  { name: 'cluster', arg: 'none' },
  { name: 'group', arg: 'required' },
  { name: 'transactional-id', arg: 'required' },
  { name: 'idempotent', arg: 'none' },
  { name: 'delegation-token', arg: 'required' },
  { name: 'resource-pattern-type', arg: 'required' },
  { name: 'add', arg: 'none' },
  { name: 'remove', arg: 'none' },
  { name: 'list', arg: 'none' },
  { name: 'operation', arg: 'required' },
  { name: 'allow-principal', arg: 'required' },
  { name: 'deny-principal', arg: 'required' },
  { name: 'principal', arg: 'optional' },
  { name: 'allow-host', arg: 'required' },
  { name: 'deny-host', arg: 'required' },
  { name: 'producer', arg: 'none' },
  { name: 'consumer', arg: 'none' },
  { name: 'force', arg: 'none' },
  { name: 'user-principal', arg: 'required' },
  { name: 'help', arg: 'none' },
  { name: 'version', arg: 'none' },
];

/** Our own one-line descriptions for --help (the layout is jopt-simple's two columns). */
const HELP: Record<string, string> = {
  'bootstrap-server': 'Broker(s) to connect to (host:port,...).',
  'bootstrap-controller': 'Controller(s) to connect to instead of brokers.',
  'command-config': 'Admin client properties file.',
  topic: 'Topic the ACLs are for; * means every topic.',
  cluster: 'The ACLs are for the cluster.',
  group: 'Consumer group the ACLs are for; * means every group.',
  'transactional-id': 'Transactional id the ACLs are for; * means every id.',
  idempotent: 'With --producer: also allow IDEMPOTENT_WRITE on the cluster.',
  'delegation-token': 'Delegation token the ACLs are for.',
  'resource-pattern-type': 'literal or prefixed (add); any or match too (list, remove).',
  add: 'Add ACLs.',
  remove: 'Remove ACLs.',
  list: 'List ACLs.',
  operation: 'Operation to allow or deny (default All).',
  'allow-principal': 'Principal to allow, Type:name (User:alice, User:*).',
  'deny-principal': 'Principal to deny, Type:name.',
  principal: 'With --list: only ACLs of this principal.',
  'allow-host': 'Host (IP) the allowed principals may connect from (default *).',
  'deny-host': 'Host (IP) the denied principals are refused from (default *).',
  producer: 'Producer role: WRITE, DESCRIBE, CREATE on topics.',
  consumer: 'Consumer role: READ, DESCRIBE on topics and READ on the group.',
  force: 'Do not ask for confirmation.',
  'user-principal': 'A user principal as the resource (for token operations).',
  help: 'Print usage information.',
  version: 'Display Kafka version.',
};

export const ACL_COMMAND_SUMMARY = 'This tool helps to manage acls on kafka.';

export function aclCommandHelp(): string {
  const rows = SPECS.map((s) => [
    s.arg === 'required'
      ? `--${s.name} <String>`
      : s.arg === 'optional'
        ? `--${s.name} [String]`
        : `--${s.name}`,
    HELP[s.name],
  ]).sort((a, b) => a[0].localeCompare(b[0]));
  const width = Math.max(40, ...rows.map(([l]) => l.length + 1));
  return [
    `${'Option'.padEnd(width)}Description`,
    `${'------'.padEnd(width)}-----------`,
    ...rows.map(([l, h]) => l.padEnd(width) + h),
  ].join('\n');
}

/** A resource pattern the command adds to (always LITERAL or PREFIXED). */
export type AclResource = {
  resourceType: ConcreteResourceType;
  name: string;
  patternType: StoredPatternType;
};

export type AclCommandRequest =
  | { action: 'add'; resources: Array<{ resource: AclResource; entries: AccessControlEntry[] }> }
  | {
      action: 'remove';
      force: boolean;
      filters: Array<{ filter: ResourcePatternFilter; entries: AccessControlEntry[] }>;
    }
  | { action: 'list'; filters: ResourcePatternFilter[]; principals: string[] };

export type AclCommandParse =
  | { kind: 'request'; request: AclCommandRequest }
  | { kind: 'done'; output: ToolOutput };

const NL = '\n';

/** CommandLineUtils#printUsageAndExit: the message on stderr, exit 1 (the option table is left out here). */
function usage(message: string): AclCommandParse {
  return { kind: 'done', output: { stdout: '', stderr: `${message}${NL}`, exitCode: 1 } };
}

/** AclCommand#main's catch: `Error while executing ACL command: <message>` then the stack trace, on stdout. */
export function executionError(message: string, exceptionLine: string): ToolOutput {
  // Utils.stackTrace prints the exception then its frames; the simulation prints the first line only.
  return {
    stdout: `Error while executing ACL command: ${message}${NL}${exceptionLine}${NL}`,
    stderr: '',
    exitCode: 1,
  };
}

class UsageExit {
  constructor(readonly message: string) {}
}
class Failure {
  constructor(
    readonly message: string,
    readonly exceptionLine: string,
  ) {}
}

const PATTERN_NAMES: readonly PatternType[] = ['UNKNOWN', 'ANY', 'MATCH', 'LITERAL', 'PREFIXED'];

/** PatternTypeConverter: jopt's EnumConverter (case-insensitive enum name), UNKNOWN refused. */
function convertPatternType(value: string): PatternType {
  const found = PATTERN_NAMES.find((p) => p.toLowerCase() === value.toLowerCase());
  if (found === undefined || found === 'UNKNOWN') {
    const cause =
      found === undefined
        ? `joptsimple.ValueConversionException: Value [${value}] is not one of [ANY|MATCH|LITERAL|PREFIXED]`
        : `joptsimple.ValueConversionException: Unknown resource-pattern-type: ${value}`;
    throw new Failure(
      `Cannot parse argument '${value}' of option resource-pattern-type`,
      `joptsimple.OptionArgumentConversionException: Cannot parse argument '${value}' of option resource-pattern-type${NL}Caused by: ${cause}`,
    );
  }
  return found;
}

function principalsOf(values: readonly string[]): KafkaPrincipal[] {
  const out: KafkaPrincipal[] = [];
  for (const raw of values) {
    const p = parseKafkaPrincipal(raw.trim());
    if (!p.ok) throw new Failure(p.error, `java.lang.IllegalArgumentException: ${p.error}`);
    if (!out.some((q) => q.type === p.value.type && q.name === p.value.name)) out.push(p.value);
  }
  return out;
}

function uniq<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

type Opts = OptionSet;

const CLUSTER_FILTER: ResourcePatternFilter = {
  resourceType: 'CLUSTER',
  name: CLUSTER_NAME,
  patternType: 'LITERAL',
};

function patternTypeOf(o: Opts): PatternType {
  return o.has('resource-pattern-type')
    ? convertPatternType(o.value('resource-pattern-type') ?? '')
    : 'LITERAL';
}

/** AclCommand#getResourceFilter (insertion order: topics, cluster, groups, transactional ids, tokens, users). */
function resourceFilters(o: Opts, dieIfNoResourceFound: boolean): ResourcePatternFilter[] {
  const patternType = patternTypeOf(o);
  const out: ResourcePatternFilter[] = [];
  const add = (f: ResourcePatternFilter) => {
    if (
      !out.some(
        (x) => x.resourceType === f.resourceType && x.name === f.name && x.patternType === f.patternType,
      )
    )
      out.push(f);
  };
  for (const t of o.values('topic')) add({ resourceType: 'TOPIC', name: t.trim(), patternType });
  if (patternType === 'LITERAL' && (o.has('cluster') || o.has('idempotent'))) add(CLUSTER_FILTER);
  for (const g of o.values('group')) add({ resourceType: 'GROUP', name: g.trim(), patternType });
  // Transactional ids are not trimmed (AclCommand#getResourceFilter).
  for (const t of o.values('transactional-id'))
    add({ resourceType: 'TRANSACTIONAL_ID', name: t, patternType });
  for (const t of o.values('delegation-token'))
    add({ resourceType: 'DELEGATION_TOKEN', name: t.trim(), patternType });
  for (const u of o.values('user-principal')) add({ resourceType: 'USER', name: u.trim(), patternType });
  if (out.length === 0 && dieIfNoResourceFound) {
    throw new UsageExit(
      'You must provide at least one resource: --topic <topic> or --cluster or --group <group> or --delegation-token <Delegation Token ID>',
    );
  }
  return out;
}

/** AclCommand#getHosts: given hosts (trimmed), else `*` when principals were given, else none. */
function hostsOf(o: Opts, hostOpt: string, principalOpt: string): string[] {
  if (o.has(hostOpt)) return uniq(o.values(hostOpt).map((h) => h.trim()));
  return o.has(principalOpt) ? ['*'] : [];
}

/** AclCommand#getAcl(opts, operations): allow entries then deny entries, principals × operations × hosts. */
function entriesFor(o: Opts, operations: readonly string[]): AccessControlEntry[] {
  const allowed = principalsOf(o.values('allow-principal'));
  const denied = principalsOf(o.values('deny-principal'));
  const allowHosts = hostsOf(o, 'allow-host', 'allow-principal');
  const denyHosts = hostsOf(o, 'deny-host', 'deny-principal');
  const out: AccessControlEntry[] = [];
  const cross = (ps: KafkaPrincipal[], hosts: string[], permissionType: 'ALLOW' | 'DENY') => {
    if (hosts.length === 0 || ps.length === 0) return;
    for (const p of ps) {
      for (const opName of operations) {
        const operation = operationFromName(opName);
        // AccessControlEntry's constructor refuses ANY (SecurityUtils maps "Any" to it).
        if (operation === 'ANY') {
          throw new Failure(
            'operation must not be ANY',
            'java.lang.IllegalArgumentException: operation must not be ANY',
          );
        }
        for (const host of hosts) {
          const e: AccessControlEntry = { principal: principalToString(p), host, operation, permissionType };
          if (
            !out.some(
              (x) =>
                x.principal === e.principal &&
                x.host === e.host &&
                x.operation === e.operation &&
                x.permissionType === e.permissionType,
            )
          )
            out.push(e);
        }
      }
    }
  };
  cross(allowed, allowHosts, 'ALLOW');
  cross(denied, denyHosts, 'DENY');
  return out;
}

type FilterAcls = Array<{ filter: ResourcePatternFilter; entries: AccessControlEntry[] }>;

function putAll(map: FilterAcls, filter: ResourcePatternFilter, entries: AccessControlEntry[]) {
  const at = map.findIndex(
    (m) =>
      m.filter.resourceType === filter.resourceType &&
      m.filter.name === filter.name &&
      m.filter.patternType === filter.patternType,
  );
  if (at >= 0) map[at] = { filter, entries };
  else map.push({ filter, entries });
}

/** AclCommand#getResourceFilterToAcls, including validateOperation. */
function resourceFilterToAcls(o: Opts): FilterAcls {
  const map: FilterAcls = [];
  if (!o.has('producer') && !o.has('consumer')) {
    const ops = uniq((o.has('operation') ? o.values('operation') : ['All']).map((x) => x.trim()));
    const entries = entriesFor(o, ops);
    for (const f of resourceFilters(o, true)) putAll(map, f, entries);
  }
  if (o.has('producer')) {
    const filters = resourceFilters(o, true);
    const topicAcls = entriesFor(o, ['Write', 'Describe', 'Create']);
    const txnAcls = entriesFor(o, ['Write', 'Describe']);
    for (const f of filters.filter((x) => x.resourceType === 'TOPIC')) putAll(map, f, topicAcls);
    for (const f of filters.filter((x) => x.resourceType === 'TRANSACTIONAL_ID')) putAll(map, f, txnAcls);
    if (o.has('idempotent')) putAll(map, CLUSTER_FILTER, entriesFor(o, ['IdempotentWrite']));
  }
  if (o.has('consumer')) {
    const filters = resourceFilters(o, true);
    const topicAcls = entriesFor(o, ['Read', 'Describe']);
    const groupAcls = entriesFor(o, ['Read']);
    const merge = (f: ResourcePatternFilter, entries: AccessControlEntry[]) => {
      const existing = map.find(
        (m) =>
          m.filter.resourceType === f.resourceType &&
          m.filter.name === f.name &&
          m.filter.patternType === f.patternType,
      );
      const merged = [...entries];
      for (const e of existing?.entries ?? []) {
        if (
          !merged.some(
            (x) =>
              x.principal === e.principal &&
              x.host === e.host &&
              x.operation === e.operation &&
              x.permissionType === e.permissionType,
          )
        )
          merged.push(e);
      }
      putAll(map, f, merged);
    };
    for (const f of filters.filter((x) => x.resourceType === 'TOPIC')) merge(f, topicAcls);
    for (const f of filters.filter((x) => x.resourceType === 'GROUP')) merge(f, groupAcls);
  }
  for (const { filter, entries } of map) {
    const type = filter.resourceType as ConcreteResourceType;
    const valid = [...SUPPORTED_OPERATIONS[type], 'ALL'];
    if (entries.some((e) => !valid.includes(e.operation))) {
      throw new UsageExit(
        `ResourceType ${type} only supports operations ${scalaSetOrder(valid.map((v) => pascalCase(v))).join(', ')}`,
      );
    }
  }
  return map;
}

/** AclCommandOptions#checkArgs. */
function checkArgs(o: Opts): void {
  if (o.has('bootstrap-server') && o.has('bootstrap-controller')) {
    throw new UsageExit('Only one of --bootstrap-server or --bootstrap-controller must be specified');
  }
  if (!o.has('bootstrap-server') && !o.has('bootstrap-controller')) {
    throw new UsageExit('One of --bootstrap-server or --bootstrap-controller must be specified');
  }
  if (['add', 'remove', 'list'].filter((a) => o.has(a)).length !== 1) {
    throw new UsageExit('Command must include exactly one action: --list, --add, --remove. ');
  }
  const invalid = (used: string, others: string[]) => {
    if (!o.has(used)) return;
    for (const other of others) if (o.has(other)) throw new UsageExit(cannotBeUsedWith(used, other));
  };
  invalid('list', ['producer', 'consumer', 'allow-host', 'allow-principal', 'deny-host', 'deny-principal']);
  invalid('producer', ['operation', 'deny-principal', 'deny-host']);
  invalid('consumer', ['operation', 'deny-principal', 'deny-host']);
  if (o.has('principal') && !o.has('list'))
    throw new UsageExit('The --principal option is only available if --list is set');
  if (o.has('producer') && !o.has('topic')) throw new UsageExit('With --producer you must specify a --topic');
  if (o.has('idempotent') && !o.has('producer')) {
    throw new UsageExit('The --idempotent option is only available if --producer is set');
  }
  if (
    o.has('consumer') &&
    (!o.has('topic') ||
      !o.has('group') ||
      (!o.has('producer') && (o.has('cluster') || o.has('transactional-id'))))
  ) {
    throw new UsageExit(
      'With --consumer you must specify a --topic and a --group and no --cluster or --transactional-id option should be specified.',
    );
  }
}

/** Parse kafka-acls.sh arguments into what the tool will ask the cluster for, or the tool's own output. */
export function parseAclCommandArgs(args: readonly string[]): AclCommandParse {
  const parsed = parseJopt(args, SPECS);
  if (!parsed.ok) {
    // Thrown from the AclCommandOptions constructor, outside main's try: the JVM's uncaught-exception line.
    return {
      kind: 'done',
      output: {
        stdout: '',
        stderr: `Exception in thread "main" joptsimple.${parsed.exception}: ${parsed.message}${NL}`,
        exitCode: 1,
      },
    };
  }
  const o = parsed.options;
  if (args.length === 0 || o.has('help')) {
    return {
      kind: 'done',
      output: { stdout: '', stderr: `${ACL_COMMAND_SUMMARY}${NL}${aclCommandHelp()}${NL}`, exitCode: 1 },
    };
  }
  if (o.has('version'))
    return { kind: 'done', output: { stdout: `${KAFKA_TOOLS_VERSION}${NL}`, stderr: '', exitCode: 0 } };
  try {
    checkArgs(o);
    if (o.has('add')) {
      const patternType = patternTypeOf(o);
      if (patternType !== 'LITERAL' && patternType !== 'PREFIXED') {
        throw new UsageExit(
          `A '--resource-pattern-type' value of '${patternType}' is not valid when adding acls.`,
        );
      }
      const map = resourceFilterToAcls(o);
      if (map.some((m) => m.entries.length === 0)) {
        throw new UsageExit(
          'You must specify one of: --allow-principal, --deny-principal when trying to add ACLs.',
        );
      }
      return {
        kind: 'request',
        request: {
          action: 'add',
          resources: map.map(({ filter, entries }) => ({
            resource: {
              resourceType: filter.resourceType as ConcreteResourceType,
              name: filter.name ?? '',
              patternType: filter.patternType as StoredPatternType,
            },
            entries,
          })),
        },
      };
    }
    if (o.has('remove')) {
      return {
        kind: 'request',
        request: { action: 'remove', force: o.has('force'), filters: resourceFilterToAcls(o) },
      };
    }
    const filters = resourceFilters(o, false);
    const principals = principalsOf(o.values('principal')).map(principalToString);
    return { kind: 'request', request: { action: 'list', filters, principals } };
  } catch (e) {
    if (e instanceof UsageExit) return usage(e.message);
    if (e instanceof Failure) return { kind: 'done', output: executionError(e.message, e.exceptionLine) };
    throw e;
  }
}
