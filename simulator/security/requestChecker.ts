// The authorizer calls one request makes, collected in the handler's order (AuthHelper#authorize,
// #filterByAuthorized), and the answer built from them. Shared by the request checks of apiPermissions.ts
// and transactionToolPermissions.ts.

import type { ConcreteOperation, ConcreteResourceType } from './aclTypes';
import {
  type AuthorizationAction,
  type AuthorizationDecision,
  type AuthorizerState,
  authorize,
  authorizeByResourceType,
  type RequestContext,
} from './authorizer';
import type { ApiName, RefusedResource, RequestAuthorization } from './clientRequests';
import { type ClientException, type SecurityErrorName, topicAuthorizationException } from './errors';

/** One request being authorized: collects the authorizer's decisions in the handler's order. */
export function checker(state: AuthorizerState, context: RequestContext) {
  const decisions: AuthorizationDecision[] = [];
  const check = (
    operation: ConcreteOperation,
    resourceType: ConcreteResourceType,
    resourceName: string,
    opts: Partial<Pick<AuthorizationAction, 'resourceReferenceCount' | 'logIfAllowed' | 'logIfDenied'>> = {},
  ): boolean => {
    const d = authorize(state, context, { operation, resourceType, resourceName, ...opts });
    decisions.push(d);
    return d.result === 'ALLOWED';
  };
  return {
    decisions,
    check,
    byResourceType(operation: ConcreteOperation, resourceType: ConcreteResourceType): boolean {
      const r = authorizeByResourceType(state, context, operation, resourceType);
      decisions.push(r.probe);
      return r.result === 'ALLOWED';
    },
    /** AuthHelper#filterByAuthorized: one decision per distinct name, refCount = references. */
    filter(
      operation: ConcreteOperation,
      resourceType: ConcreteResourceType,
      names: readonly string[],
      opts: { logIfDenied?: boolean } = {},
    ): Set<string> {
      const counts = new Map<string, number>();
      for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
      const ok = new Set<string>();
      for (const [name, count] of counts) {
        if (check(operation, resourceType, name, { resourceReferenceCount: count, ...opts })) ok.add(name);
      }
      return ok;
    },
  };
}

export type Checker = ReturnType<typeof checker>;

export function distinct(names: readonly string[]): string[] {
  return [...new Set(names)];
}

export function done(
  api: ApiName,
  c: Checker,
  r: {
    error?: SecurityErrorName | null;
    refused?: RefusedResource[];
    authorizedTopics?: string[];
    authorizedGroups?: string[];
    authorizedTransactionalIds?: string[];
    clientException?: ClientException | null;
  },
): RequestAuthorization {
  const error = r.error ?? null;
  const refused = r.refused ?? [];
  return {
    api,
    allowed: error === null && refused.length === 0,
    error,
    refused,
    authorizedTopics: error === null ? (r.authorizedTopics ?? []) : [],
    ...(r.authorizedGroups ? { authorizedGroups: r.authorizedGroups } : {}),
    ...(r.authorizedTransactionalIds ? { authorizedTransactionalIds: r.authorizedTransactionalIds } : {}),
    decisions: c.decisions,
    clientException: r.clientException ?? null,
  };
}

export function refusedTopics(names: readonly string[]): RefusedResource[] {
  return distinct(names).map((name) => ({
    resourceType: 'TOPIC',
    name,
    error: 'TOPIC_AUTHORIZATION_FAILED',
  }));
}

/** A topic list check: which names pass, which are refused with TOPIC_AUTHORIZATION_FAILED. */
export function topicCheck(
  api: ApiName,
  c: Checker,
  op: ConcreteOperation,
  topics: readonly string[],
): RequestAuthorization {
  const ok = c.filter(op, 'TOPIC', topics);
  const bad = distinct(topics).filter((t) => !ok.has(t));
  return done(api, c, {
    refused: refusedTopics(bad),
    authorizedTopics: distinct(topics).filter((t) => ok.has(t)),
    clientException: bad.length > 0 ? topicAuthorizationException(bad) : null,
  });
}
