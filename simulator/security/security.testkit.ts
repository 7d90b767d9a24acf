// Helpers for the security tests: build authorizer states and request contexts tersely.
import type {
  ConcreteOperation,
  ConcreteResourceType,
  KafkaPrincipal,
  StandardAcl,
  StoredPatternType,
} from './aclTypes';
import {
  type AuthorizationAction,
  type AuthorizerConfig,
  type AuthorizerState,
  authorize,
  emptyAuthorizerState,
  insertAcl,
  type RequestContext,
} from './authorizer';

export function acl(
  resourceType: ConcreteResourceType,
  resourceName: string,
  patternType: StoredPatternType,
  principal: string,
  host: string,
  operation: ConcreteOperation,
  permissionType: 'ALLOW' | 'DENY',
): StandardAcl {
  return { resourceType, resourceName, patternType, principal, host, operation, permissionType };
}

/** Adds ACLs straight into the cache, as StandardAuthorizer#addAcl does when replaying the metadata log. */
export function withAcls(acls: readonly StandardAcl[], config?: Partial<AuthorizerConfig>): AuthorizerState {
  let state = emptyAuthorizerState({ superUsers: [], allowEveryoneIfNoAclFound: false, ...config });
  for (const a of acls) {
    state = {
      ...state,
      acls: insertAcl(state.acls, { id: `acl-${state.nextAclId}`, acl: a }),
      nextAclId: state.nextAclId + 1,
    };
  }
  return state;
}

export function user(name: string): KafkaPrincipal {
  return { type: 'User', name };
}

/** MockAuthorizableRequestContext defaults: request type Fetch; InetAddress.getLocalHost() stands for 127.0.0.1. */
export function ctx(name: string, clientAddress = '127.0.0.1', requestName = 'Fetch'): RequestContext {
  return { principal: user(name), clientAddress, requestName };
}

export function action(
  operation: ConcreteOperation,
  resourceType: ConcreteResourceType,
  resourceName: string,
): AuthorizationAction {
  return { operation, resourceType, resourceName, logIfAllowed: false, logIfDenied: false };
}

export function results(
  state: AuthorizerState,
  context: RequestContext,
  actions: AuthorizationAction[],
): string[] {
  return actions.map((a) => authorize(state, context, a).result);
}
