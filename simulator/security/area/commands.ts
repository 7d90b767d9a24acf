// The security area's commands: configure the brokers' security, send one client request through the
// broker's security path (authenticate → authorize → quotas), and run kafka-acls.sh / kafka-configs.sh
// (users, clients) with the tool's own principal. Each validates first; every change emits its event.

import { type CommandHandlers, type Ctx, fail, ok, okVoid } from '../../extend';
import { parseAclCommandArgs } from '../aclCommand';
import type { KafkaPrincipal } from '../aclTypes';
import { entityPath } from '../clientQuotas';
import type { ClientRequest } from '../clientRequests';
import { parseConfigCommandArgs } from '../configCommand';
import { formatClientException } from '../errors';
import type { SecurityEvent } from '../events';
import { parseJavaProperties } from '../javaProperties';
import type { ToolOutput } from '../jopt';
import { connectionString, formatStartupError } from '../listeners';
import { maxValueInQuotaWindow, recordFetch, recordProduce } from '../quotaManager';
import { checkRequest, configureBrokers, runKafkaAcls, runKafkaConfigs } from '../securityState';
import { CLIENT_ADDRESS, openSession, type Session } from './session';
import type { DecisionRecord, SecurityAreaState, SecurityClient } from './types';

/** How many decisions, handshakes and throttled responses the view keeps (most recent). */
export const DECISIONS_KEPT = 40;
export const HANDSHAKES_KEPT = 8;
export const THROTTLES_KEPT = 40;
export const TRAFFIC_KEPT = 240;

function keep<T>(list: T[], item: T, max: number): void {
  list.push(item);
  if (list.length > max) list.splice(0, list.length - max);
}

/** Forward the core's events (each already carries its plain-language reason) and keep the decisions. */
function emitAll(ctx: Ctx, sec: SecurityAreaState, events: readonly SecurityEvent[]): void {
  for (const e of events) {
    const { type, reason, ...payload } = e;
    ctx.emit(type, reason, payload as never);
    if (e.type === 'authorizationDecided') {
      const record: DecisionRecord = {
        seq: sec.nextSeq++,
        time: ctx.now,
        api: e.api,
        principal: e.principal,
        clientAddress: e.clientAddress,
        operation: e.operation,
        resource: e.resource,
        result: e.result,
        rule: e.rule,
        reason: e.reason,
        auditMessage: e.auditMessage,
      };
      keep(sec.decisions, record, DECISIONS_KEPT);
    }
  }
}

/**
 * Record a Produce request's or Fetch response's bytes against the client's quotas (ClientQuotaManager keys
 * sensors by the session's user name and the client.id); keeps the sample for the tenant view and, for a
 * throttled named client, how long its connection stays muted. Returns throttle_time_ms.
 */
function applyQuota(
  ctx: Ctx,
  principal: KafkaPrincipal,
  clientId: string,
  api: 'Produce' | 'Fetch',
  bytes: number,
): { throttleTimeMs: number; returnsData: boolean } {
  const sec = ctx.state.areas.security;
  const subject = { user: principal.name, clientId };
  const t =
    api === 'Produce'
      ? { ...recordProduce(sec.core.quotas, subject, bytes, 0, 'all', ctx.now), returnsData: true }
      : recordFetch(sec.core.quotas, subject, bytes, 0, ctx.now);
  sec.core = { ...sec.core, quotas: t.state };
  emitAll(ctx, sec, [...t.bandwidth.events, ...t.request.events]);
  const throttleTimeMs = t.throttleTimeMs;
  if (t.bandwidth.observed !== null)
    keep(
      sec.traffic,
      {
        time: ctx.now,
        user: subject.user,
        clientId,
        api,
        bytes,
        observedRate: t.bandwidth.observed,
        quota: t.bandwidth.bound,
        entity: t.bandwidth.quotaEntity ? entityPath(t.bandwidth.quotaEntity) : null,
        throttleTimeMs,
      },
      TRAFFIC_KEPT,
    );
  if (throttleTimeMs > 0) {
    keep(sec.throttles, { time: ctx.now, user: subject.user, clientId, api, throttleTimeMs }, THROTTLES_KEPT);
    // The broker mutes the channel for throttle_time_ms (the clientThrottled event says so); a named
    // client keeps its connection, so its next request waits that long.
    const named = sec.clients[clientId];
    if (named) named.mutedUntil = ctx.now + throttleTimeMs;
  }
  return { throttleTimeMs, returnsData: t.returnsData };
}

function connect(ctx: Ctx, client: SecurityClient, keepHandshake = true): Session {
  const sec = ctx.state.areas.security;
  const s = openSession(sec.core, ctx.state.areas.workspace.files, client);
  if (keepHandshake && s.outcome !== null && s.endpoint !== null) {
    const outcome = s.outcome;
    keep(
      sec.handshakes,
      {
        seq: sec.nextSeq++,
        time: ctx.now,
        clientId: client.clientId,
        listener: s.endpoint.listenerName,
        securityProtocol: s.endpoint.securityProtocol,
        mechanism: outcome.ok ? outcome.mechanism : null,
        ok: outcome.ok,
        principal: outcome.ok ? `${outcome.principal.type}:${outcome.principal.name}` : null,
        error: outcome.ok ? null : (outcome.clientError ?? outcome.clientLog),
        steps: outcome.steps,
      },
      HANDSHAKES_KEPT,
    );
    emitAll(ctx, sec, outcome.events);
  }
  return s;
}

/** What an Admin call fails with when the connection never becomes ready (KafkaAdminClient's timeout). */
export function nodeAssignmentTimeout(call: string): string {
  return `org.apache.kafka.common.errors.TimeoutException: Timed out waiting for a node assignment. Call: ${call}`;
}

/**
 * The lines a tool prints when its Admin client cannot be built or authenticate. A failed SASL
 * authentication fails the call at once; a connection the broker closes is retried until
 * default.api.timeout.ms (60 s, not waited here) and the call times out.
 */
function notConnectedOutput(s: Extract<Session, { ok: false }>, tool: string, call: string): ToolOutput {
  const error = s.clientError ?? nodeAssignmentTimeout(call);
  const lines = [s.clientLog, `Error while executing ${tool} command: ${error}`]
    .filter((l): l is string => l !== null && l !== '')
    .join('\n');
  return { stdout: '', stderr: `${lines}\n`, exitCode: 1 };
}

function adminClient(commandConfig: string | null, bootstrapServer: string | null): SecurityClient {
  return { clientId: 'adminclient-1', kind: 'admin', commandConfig, bootstrapServer };
}

/** The request kafka-configs.sh sends for users/clients (ConfigCommand: Admin#describeClientQuotas, …). */
function configsRequest(args: readonly string[]): ClientRequest[] | null {
  const p = parseConfigCommandArgs(args);
  if (p.kind !== 'request') return null;
  const r = p.request;
  if (r.action === 'alter-quotas') return [{ api: 'AlterClientQuotas' }];
  if (r.action === 'alter-scram') return [{ api: 'AlterUserScramCredentials' }];
  return r.entityTypes.includes('users')
    ? [{ api: 'DescribeClientQuotas' }, { api: 'DescribeUserScramCredentials' }]
    : [{ api: 'DescribeClientQuotas' }];
}

export const securityCommands = {
  securityConfigure: (ctx, cmd) => {
    let props = cmd.props;
    if (cmd.file !== undefined) {
      const text = ctx.state.areas.workspace.files[cmd.file.replace(/^(\.\/)+/, '')];
      if (text === undefined) return fail('INVALID_CONFIG', `java.nio.file.NoSuchFileException: ${cmd.file}`);
      props = parseJavaProperties(text);
    }
    if (props === null || typeof props !== 'object')
      return fail('INVALID_CONFIG', 'server.properties must be key=value pairs');
    const sec = ctx.state.areas.security;
    const r = configureBrokers(sec.core, props);
    if (r.error !== null) return fail('INVALID_CONFIG', formatStartupError(r.error));
    const broker = r.state.broker;
    sec.core = { ...r.state, pki: { stores: { ...r.state.pki.stores, ...(cmd.stores ?? {}) } } };
    const listeners = broker ? broker.listeners.advertised.map(connectionString) : [];
    const authorizer = broker?.authorizer != null;
    const superUsers = broker?.authorizer?.superUsers ?? [];
    ctx.emit(
      'securityConfigured',
      `The brokers restart with listeners ${listeners.join(', ')}; ${
        authorizer
          ? `StandardAuthorizer checks every request${superUsers.length > 0 ? ` (super.users: ${superUsers.join(', ')})` : ''}`
          : 'no authorizer.class.name, so every authenticated request is allowed'
      }`,
      { listeners, authorizer, superUsers },
    );
    return okVoid();
  },

  securityPkiStore: (ctx, cmd) => {
    const { path, store } = cmd;
    if (typeof path !== 'string' || path === '' || /\s/.test(path))
      return fail('INVALID_REQUEST', `Invalid file name: '${path}'`);
    if (store?.kind !== 'keystore' && store?.kind !== 'truststore')
      return fail('INVALID_REQUEST', 'A store is a keystore or a truststore');
    if (typeof store.password !== 'string' || store.password.length < 6)
      return fail(
        'INVALID_REQUEST',
        'keytool error: java.lang.Exception: Keystore password must be at least 6 characters',
      );
    const sec = ctx.state.areas.security;
    sec.core = { ...sec.core, pki: { stores: { ...sec.core.pki.stores, [path]: store } } };
    ctx.emit(
      'securityPkiStoreWritten',
      store.kind === 'keystore'
        ? `${path} holds a certificate for ${store.certificate.subject} issued by ${store.certificate.issuer} (a record: no key is generated, nothing is signed)`
        : `${path} trusts certificates issued by ${store.trustedIssuers.join('; ')}`,
      { path, kind: store.kind },
    );
    return okVoid();
  },

  securityBindClient: (ctx, cmd) => {
    const { client, kind, commandConfig } = cmd;
    if (typeof client !== 'string' || client === '') return fail('INVALID_REQUEST', 'A client needs a name');
    if (kind !== 'producer' && kind !== 'consumer')
      return fail('INVALID_REQUEST', 'A client is a producer or a consumer');
    if (typeof commandConfig !== 'string' || commandConfig === '')
      return fail('INVALID_REQUEST', 'A client needs a properties file');
    ctx.state.areas.security.clients[client] = { kind, commandConfig };
    ctx.emit(
      'securityClientBound',
      `${kind} ${client} connects with the security settings of ${commandConfig}`,
      { client, kind, commandConfig },
    );
    return okVoid();
  },

  securityRequest: (ctx, cmd) => {
    const sec = ctx.state.areas.security;
    const s = connect(ctx, cmd.client);
    if (!s.ok) return ok({ kind: 'not-connected', clientError: s.clientError, clientLog: s.clientLog });
    const who = { principal: s.principal, clientAddress: CLIENT_ADDRESS };
    const check = checkRequest(sec.core, who, cmd.request);
    emitAll(ctx, sec, check.events);
    let throttleTimeMs = 0;
    const bytes = cmd.bytes ?? 0;
    const api = cmd.request.api;
    let returnsData = true;
    if (bytes > 0 && check.authorizedTopics.length > 0 && (api === 'Produce' || api === 'Fetch')) {
      const q = applyQuota(ctx, s.principal, cmd.client.clientId, api, bytes);
      throttleTimeMs = q.throttleTimeMs;
      returnsData = q.returnsData;
    }
    // KafkaApis#handleFetchRequest caps a consumer fetch at what the quota window allows
    // (ClientQuotaManager#getMaxValueInQuotaWindow), so one response can never be throttled forever.
    const windowBytes =
      api === 'Fetch'
        ? maxValueInQuotaWindow(sec.core.quotas.config, sec.core.quotas.quotas, 'consumer_byte_rate', {
            user: s.principal.name,
            clientId: cmd.client.clientId,
          })
        : Number.MAX_VALUE;
    return ok({
      kind: 'decided',
      principal: `${s.principal.type}:${s.principal.name}`,
      allowed: check.allowed,
      error: check.error ?? check.refused[0]?.error ?? null,
      clientException: check.clientException ? formatClientException(check.clientException) : null,
      authorizedTopics: check.authorizedTopics,
      ...(check.authorizedGroups ? { authorizedGroups: check.authorizedGroups } : {}),
      ...(check.authorizedTransactionalIds
        ? { authorizedTransactionalIds: check.authorizedTransactionalIds }
        : {}),
      refused: check.refused,
      throttleTimeMs,
      ...(api === 'Fetch' ? { returnsData } : {}),
      ...(windowBytes < Number.MAX_VALUE ? { fetchMaxBytes: Math.floor(windowBytes) } : {}),
    });
  },

  securityFetchBytes: (ctx, cmd) => {
    if (typeof cmd.bytes !== 'number' || !(cmd.bytes >= 0))
      return fail('INVALID_REQUEST', 'A fetch response has a size in bytes');
    const s = connect(ctx, cmd.client, false);
    if (!s.ok || cmd.bytes === 0) return ok({ throttleTimeMs: 0, returnsData: true });
    return ok(applyQuota(ctx, s.principal, cmd.client.clientId, 'Fetch', cmd.bytes));
  },

  securityAcls: (ctx, cmd) => {
    if (!Array.isArray(cmd.args)) return fail('INVALID_REQUEST', 'kafka-acls.sh needs its arguments');
    const sec = ctx.state.areas.security;
    // AclCommandOptions#checkArgs and the principal/operation parsing run before the Admin client exists.
    const parsed = parseAclCommandArgs(cmd.args);
    if (parsed.kind === 'done') return ok(parsed.output);
    const call = { add: 'createAcls', remove: 'deleteAcls', list: 'describeAcls' }[parsed.request.action];
    const s = connect(ctx, adminClient(cmd.commandConfig, cmd.bootstrapServer));
    if (!s.ok) return ok(notConnectedOutput(s, 'ACL', call));
    // AclCommand#confirmAction: a line equal to "y" (any case) confirms, anything else (or nothing) does not.
    const answers = [...(cmd.answers ?? [])];
    const r = runKafkaAcls(sec.core, cmd.args, {
      admin: { principal: s.principal, clientAddress: CLIENT_ADDRESS },
      confirm: () => (answers.shift() ?? '').toLowerCase() === 'y',
    });
    sec.core = r.state;
    emitAll(ctx, sec, r.events);
    return ok(r.output);
  },

  securityConfigs: (ctx, cmd) => {
    if (!Array.isArray(cmd.args)) return fail('INVALID_REQUEST', 'kafka-configs.sh needs its arguments');
    const sec = ctx.state.areas.security;
    const requests = configsRequest(cmd.args);
    if (requests === null) {
      const r = runKafkaConfigs(sec.core, cmd.args);
      return ok(r === null ? null : r.output); // usage errors, --help, or another entity type
    }
    const s = connect(ctx, adminClient(cmd.commandConfig, cmd.bootstrapServer));
    const call =
      requests[0].api === 'AlterClientQuotas'
        ? 'alterClientQuotas'
        : requests[0].api === 'AlterUserScramCredentials'
          ? 'alterUserScramCredentials'
          : 'describeClientQuotas';
    if (!s.ok) return ok(notConnectedOutput(s, 'config', call));
    for (const request of requests) {
      const check = checkRequest(
        sec.core,
        { principal: s.principal, clientAddress: CLIENT_ADDRESS },
        request,
      );
      emitAll(ctx, sec, check.events);
      if (!check.allowed) {
        const e = check.clientException ? formatClientException(check.clientException) : String(check.error);
        return ok({
          stdout: '',
          stderr: `Error while executing config command with args '${cmd.args.join(' ')}'\njava.util.concurrent.ExecutionException: ${e}\n`,
          exitCode: 1,
        });
      }
    }
    const r = runKafkaConfigs(sec.core, cmd.args);
    if (r === null) return ok(null);
    sec.core = r.state;
    emitAll(ctx, sec, r.events);
    return ok(r.output);
  },
} satisfies CommandHandlers;
