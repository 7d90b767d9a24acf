// kafka-acls.sh (core/src/main/scala/kafka/admin/AclCommand.scala) as pure functions: the options and the
// checks of AclCommandOptions#checkArgs, the resource/ACL expansion of getResourceFilterToAcls (cross product
// of principals × operations × hosts, --producer / --consumer convenience), and the exact output of
// addAcls / removeAcls / listAcls. Parsing does everything the tool does before its first Admin call.

import { type AclCommandRequest, executionError } from './aclCommandArgs';
import {
  type AclBindingFilter,
  ANY_BINDING_FILTER,
  ANY_ENTRY,
  createAcls,
  deleteAcls,
  describeAcls,
  type ResourcePatternFilter,
} from './aclStore';
import {
  type AccessControlEntry,
  formatAccessControlEntry,
  formatResourcePattern,
  type KafkaPrincipal,
} from './aclTypes';
import { authorizeRequest } from './apiPermissions';
import type { AuthorizationDecision, AuthorizerState } from './authorizer';
import type { SecurityEvent } from './events';
import type { ToolOutput } from './jopt';

export {
  ACL_COMMAND_SUMMARY,
  type AclCommandParse,
  type AclCommandRequest,
  type AclResource,
  aclCommandHelp,
  parseAclCommandArgs,
} from './aclCommandArgs';

const NL = '\n';

export type AclCommandContext = {
  /** The tool's own principal and address; when given, CreateAcls/DeleteAcls/DescribeAcls are authorized. */
  admin?: { principal: KafkaPrincipal; clientAddress: string };
  /** Answers the tool's (y/n) prompts when --force is absent; default: no answer, nothing removed. */
  confirm?: (prompt: string) => boolean;
};

export type AclCommandRun = {
  state: AuthorizerState;
  output: ToolOutput;
  events: SecurityEvent[];
  decisions: AuthorizationDecision[];
};

function entryLines(entries: readonly AccessControlEntry[]): string {
  return entries.map((e) => `\t${formatAccessControlEntry(e)}`).join(NL);
}

function resourceString(r: ResourcePatternFilter): string {
  return formatResourcePattern({ resourceType: r.resourceType, name: r.name, patternType: r.patternType });
}

/** Run a parsed kafka-acls.sh request against the ACL store: the output, the new state, the events. */
export function runAclCommand(
  state: AuthorizerState,
  request: AclCommandRequest,
  ctx: AclCommandContext = {},
): AclCommandRun {
  let out = '';
  const events: SecurityEvent[] = [];
  const decisions: AuthorizationDecision[] = [];
  let current = state;
  const adminCheck = (api: 'CreateAcls' | 'DeleteAcls' | 'DescribeAcls'): ToolOutput | null => {
    if (!ctx.admin) return null;
    const r = authorizeRequest(current, ctx.admin, { api });
    decisions.push(...r.decisions);
    if (r.allowed) return null;
    // The broker's message names its internal request object; the simulation uses Errors' default text.
    const cause =
      'org.apache.kafka.common.errors.ClusterAuthorizationException: Cluster authorization failed.';
    const err = executionError(cause, `java.util.concurrent.ExecutionException: ${cause}`);
    return { ...err, stdout: out + err.stdout };
  };
  const finish = (output: ToolOutput): AclCommandRun => ({ state: current, output, events, decisions });

  if (request.action === 'add') {
    for (const { resource, entries } of request.resources) {
      out += `Adding ACLs for resource \`${resourceString(resource)}\`: ${NL} ${entryLines(entries)} ${NL}${NL}`;
      const denied = adminCheck('CreateAcls');
      if (denied) return finish(denied);
      const r = createAcls(
        current,
        entries.map((e) => ({
          resourceType: resource.resourceType,
          resourceName: resource.name,
          patternType: resource.patternType,
          ...e,
        })),
      );
      const failure = r.results.find((x) => x !== null);
      if (failure) {
        // createAcls(...).all().get(): the whole call fails with the first error; valid bindings were stored.
        current = r.state;
        events.push(...r.events);
        const cause = `org.apache.kafka.common.errors.${failure.exception}: ${failure.message}`;
        const err = executionError(cause, `java.util.concurrent.ExecutionException: ${cause}`);
        return finish({ ...err, stdout: out + err.stdout });
      }
      current = r.state;
      events.push(...r.events);
    }
    return finish({ stdout: out, stderr: '', exitCode: 0 });
  }

  if (request.action === 'remove') {
    for (const { filter, entries } of request.filters) {
      const prompt =
        entries.length === 0
          ? `Are you sure you want to delete all ACLs for resource filter \`${resourceString(filter)}\`? (y/n)`
          : `Are you sure you want to remove ACLs: ${NL} ${entryLines(entries)} ${NL} from resource filter \`${resourceString(filter)}\`? (y/n)`;
      if (!request.force) {
        out += `${prompt}${NL}`;
        if (!(ctx.confirm?.(prompt) ?? false)) continue;
      }
      const denied = adminCheck('DeleteAcls');
      if (denied) return finish(denied);
      const filters: AclBindingFilter[] =
        entries.length === 0
          ? [{ pattern: filter, entry: ANY_ENTRY }]
          : entries.map((e) => ({ pattern: filter, entry: { ...e } }));
      const r = deleteAcls(current, filters);
      current = r.state;
      events.push(...r.events);
    }
    return finish({ stdout: out, stderr: '', exitCode: 0 });
  }

  const denied = adminCheck('DescribeAcls');
  if (denied) return finish(denied);
  const found =
    request.filters.length === 0
      ? describeAcls(current, ANY_BINDING_FILTER)
      : request.filters.flatMap((f) => describeAcls(current, { pattern: f, entry: ANY_ENTRY }));
  // Group by resource pattern (first appearance), entries without duplicates.
  const groups: Array<{ pattern: ResourcePatternFilter; entries: AccessControlEntry[] }> = [];
  for (const { acl } of found) {
    const pattern = { resourceType: acl.resourceType, name: acl.resourceName, patternType: acl.patternType };
    let g = groups.find(
      (x) =>
        x.pattern.resourceType === pattern.resourceType &&
        x.pattern.name === pattern.name &&
        x.pattern.patternType === pattern.patternType,
    );
    if (!g) {
      g = { pattern, entries: [] };
      groups.push(g);
    }
    if (
      !g.entries.some(
        (e) =>
          e.principal === acl.principal &&
          e.host === acl.host &&
          e.operation === acl.operation &&
          e.permissionType === acl.permissionType,
      )
    ) {
      g.entries.push({
        principal: acl.principal,
        host: acl.host,
        operation: acl.operation,
        permissionType: acl.permissionType,
      });
    }
  }
  const print = (gs: typeof groups) => {
    for (const g of gs)
      out += `Current ACLs for resource \`${resourceString(g.pattern)}\`: ${NL} ${entryLines(g.entries)} ${NL}${NL}`;
  };
  if (request.principals.length === 0) print(groups);
  else {
    for (const p of request.principals) {
      out += `ACLs for principal \`${p}\`${NL}`;
      print(
        groups
          .map((g) => ({ ...g, entries: g.entries.filter((e) => e.principal === p) }))
          .filter((g) => g.entries.length > 0),
      );
    }
  }
  return finish({ stdout: out, stderr: '', exitCode: 0 });
}
