// { kind: 'aclAllows', principal: 'User:billing', operation: 'Read', resourceType: 'Group',
//   resourceName: 'billing', allowed: true } — what StandardAuthorizer decides now for one action, with
// implied operations, DENY over ALLOW, prefixed and wildcard patterns and super.users (StandardAuthorizer#authorize).
import { requireStrings } from '../params';
import type { ConditionKind } from '../types';

export const aclAllows: ConditionKind = {
  kind: 'aclAllows',
  params:
    'principal (User:name), operation (Read, Write, Describe, …), resourceType (Topic, Group, Cluster, TransactionalId), resourceName, allowed (boolean), host (optional IP)',
  validate: (c) =>
    requireStrings(c, 'principal', 'operation', 'resourceType', 'resourceName') ??
    (typeof c.allowed === 'boolean' ? null : 'allowed must be true or false') ??
    (c.host === undefined || typeof c.host === 'string' ? null : 'host must be a string'),
  evaluate: (view, c) => {
    const q = {
      principal: c.principal as string,
      operation: c.operation as string,
      resourceType: c.resourceType as string,
      resourceName: c.resourceName as string,
      ...(typeof c.host === 'string' ? { host: c.host } : {}),
    };
    const allowed = view.authorizes(q);
    const what = `${q.principal} ${q.operation} on ${q.resourceType} ${q.resourceName}`;
    if (allowed === null) return { met: false, detail: `cannot ask the authorizer about ${what}` };
    return {
      met: allowed === c.allowed,
      detail: `${what}: ${allowed ? 'allowed' : 'denied'} (want ${c.allowed ? 'allowed' : 'denied'})`,
    };
  },
};
