// kafka-configs.sh for users and clients (core/src/main/scala/kafka/admin/ConfigCommand.scala): quotas by
// user, client-id or both (with --entity-default), SCRAM credentials
// ('SCRAM-SHA-256=[iterations=8192,password=alice-secret]'), the tool's checks and messages, and its
// describe output ("Quota configs for user-principal 'alice' are producer_byte_rate=1024.0",
// "SCRAM credential configs for user-principal 'alice' are SCRAM-SHA-256=iterations=8192").
// Other entity types (topics, brokers, …) are not handled here: parse returns `other-entity-type`.

import type { ApiError } from './aclStore';
import {
  alterClientQuota,
  describeClientQuotas,
  type QuotaConfigState,
  type QuotaEntity,
  type QuotaEntry,
} from './clientQuotas';
import { type ConfigCommandRequest, javaParseDouble } from './configCommandArgs';
import type { SecurityEvent } from './events';
import { javaDoubleToString, javaHashMapOrder, javaStringHash, javaStringMapHash } from './javaCompat';
import type { ToolOutput } from './jopt';
import {
  alterScramCredentials,
  DEFAULT_SCRAM_ITERATIONS,
  describeScramCredentials,
  SCRAM_MIN_ITERATIONS,
  type ScramMechanism,
  type ScramState,
} from './scram';

export {
  type ConfigCommandParse,
  type ConfigCommandRequest,
  javaParseDouble,
  parseConfigCommandArgs,
  parseConfigsToBeAdded,
} from './configCommandArgs';

const NL = '\n';

export type ConfigCommandState = { quotas: QuotaConfigState; scram: ScramState };

export type ConfigCommandRun = { state: ConfigCommandState; output: ToolOutput; events: SecurityEvent[] };

function entityOf(types: readonly string[], names: readonly string[]): QuotaEntity {
  const e: QuotaEntity = {};
  types.forEach((t, i) => {
    const name = names[i] === '' || names[i] === undefined ? null : names[i];
    if (t === 'users') e.user = name;
    else e.clientId = name;
  });
  return e;
}

/** ConfigCommand#describeQuotaConfigs line for one entity. */
function quotaLine(entry: QuotaEntry): string {
  const part = (type: string, v: string | null | undefined) =>
    v === undefined ? null : v === null ? `the default ${type}` : `${type} '${v}'`;
  const entityStr = [part('user-principal', entry.entity.user), part('client-id', entry.entity.clientId)]
    .filter((x) => x !== null)
    .join(', ');
  const keys = Object.keys(entry.values);
  // DescribeClientQuotasResponse#complete puts the values in a HashMap sized to their count.
  const ordered = javaHashMapOrder(keys, javaStringHash, keys.length);
  const entries = ordered
    .map((k) => `${k}=${javaDoubleToString(entry.values[k as keyof typeof entry.values] as number)}`)
    .join(', ');
  return `Quota configs for ${entityStr} are ${entries}`;
}

function entityHash(e: QuotaEntity): number {
  const pairs: Array<[string, string | null]> = [];
  if ('user' in e) pairs.push(['user', e.user ?? null]);
  if ('clientId' in e) pairs.push(['client-id', e.clientId ?? null]);
  return (31 + javaStringMapHash(pairs)) | 0; // Objects.hash(entries)
}

/** Run a parsed users/clients kafka-configs.sh request against the quota and SCRAM state. */
export function runConfigCommand(
  state: ConfigCommandState,
  request: ConfigCommandRequest,
  args: readonly string[],
): ConfigCommandRun {
  const done = (s: ConfigCommandState, stdout: string, events: SecurityEvent[] = []): ConfigCommandRun => ({
    state: s,
    output: { stdout, stderr: '', exitCode: 0 },
    events,
  });
  const refused = (message: string): ConfigCommandRun => ({
    state,
    output: { stdout: '', stderr: `${message}${NL}`, exitCode: 1 },
    events: [],
  });
  const executionError = (e: ApiError): ConfigCommandRun => ({
    state,
    output: {
      stdout: '',
      // The stack trace's first line; the frames are left out.
      stderr: `Error while executing config command with args '${args.join(' ')}'${NL}java.util.concurrent.ExecutionException: org.apache.kafka.common.errors.${e.exception}: ${e.message}${NL}`,
      exitCode: 1,
    },
    events: [],
  });
  const completed = (types: readonly string[], names: readonly string[]) =>
    names[0]
      ? `Completed updating config for ${types[0].slice(0, -1)} ${names[0]}.${NL}`
      : `Completed updating default config for ${types[0]} in the cluster.${NL}`;

  if (request.action === 'alter-quotas') {
    const entity = entityOf(request.entityTypes, request.entityNames);
    const existing = describeClientQuotas(state.quotas, {
      user: 'user' in entity ? { name: entity.user ?? null } : undefined,
      clientId: 'clientId' in entity ? { name: entity.clientId ?? null } : undefined,
    })[0];
    const invalid = request.delete.filter((k) => !(existing && k in existing.values));
    if (invalid.length > 0) return refused(`Invalid config(s): ${invalid.join(',')}`);
    const ops: Array<{ key: string; value: number | null }> = [];
    for (const [key, text] of request.add) {
      const v = javaParseDouble(text);
      if (v === null) return refused(`Cannot parse quota configuration value for ${key}: ${text}`);
      ops.push({ key, value: v });
    }
    for (const key of request.delete) ops.push({ key, value: null });
    const r = alterClientQuota(state.quotas, entity, ops);
    if (r.error) return executionError(r.error);
    return done({ ...state, quotas: r.state }, completed(request.entityTypes, request.entityNames), r.events);
  }

  if (request.action === 'alter-scram') {
    const upsertions: Array<{
      user: string;
      mechanism: ScramMechanism;
      iterations: number;
      password: string;
    }> = [];
    for (const [mechanism, value] of request.add) {
      const m = /^(?:iterations=(-?[0-9]*),)?password=(.*)$/s.exec(value);
      if (!m) return refused(`Invalid credential property ${mechanism.replace(/-/g, '_')}=${value}`);
      if (m[1] === '') {
        return {
          state,
          output: {
            stdout: '',
            stderr: `Error while executing config command with args '${args.join(' ')}'${NL}java.lang.NumberFormatException: For input string: ""${NL}`,
            exitCode: 1,
          },
          events: [],
        };
      }
      const iterations =
        m[1] !== undefined && m[1] !== '-1' ? Number.parseInt(m[1], 10) : DEFAULT_SCRAM_ITERATIONS;
      if (iterations < SCRAM_MIN_ITERATIONS) {
        return refused(
          `Iterations ${iterations} is less than the minimum ${SCRAM_MIN_ITERATIONS} required for ${mechanism}`,
        );
      }
      upsertions.push({ user: request.user, mechanism, iterations, password: m[2] });
    }
    const r = alterScramCredentials(state.scram, {
      deletions: request.delete.map((mechanism) => ({ user: request.user, mechanism })),
      upsertions,
    });
    const failed = r.results.find((x) => x.error !== null);
    if (failed?.error) return executionError(failed.error);
    return done({ ...state, scram: r.state }, completed(['users'], [request.user]), r.events);
  }

  // describe
  const types = request.entityTypes;
  const names = request.entityNames;
  const filter: Parameters<typeof describeClientQuotas>[1] = {};
  types.forEach((t, i) => {
    const n = names[i];
    const want = n === undefined ? ('any' as const) : { name: n === '' ? null : n };
    if (t === 'users') filter.user = want;
    else filter.clientId = want;
  });
  const entries = describeClientQuotas(state.quotas, filter);
  // DescribeClientQuotasResponse#complete: a HashMap of entities sized to the number of entries.
  const ordered = javaHashMapOrder(entries, (e) => entityHash(e.entity), entries.length);
  let out = ordered.map((e) => `${quotaLine(e)}${NL}`).join('');
  if (!types.includes('clients') && !names.includes('')) {
    for (const d of describeScramCredentials(state.scram, names)) {
      if ('credentials' in d) {
        out += `SCRAM credential configs for user-principal '${d.user}' are ${d.credentials.map((c) => `${c.mechanism}=iterations=${c.iterations}`).join(', ')}${NL}`;
      }
    }
  }
  return done(state, out);
}
