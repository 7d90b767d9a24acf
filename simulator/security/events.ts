// Events of the security core: each state change and each decision, with a plain-language reason a learner
// reads in the narration. The area wiring forwards them to ctx.emit(type, reason, payload).

import type { StandardAcl } from './aclTypes';
import type { AuthorizationResult } from './authorizer';

export type QuotaKind =
  | 'producer_byte_rate'
  | 'consumer_byte_rate'
  | 'request_percentage'
  | 'controller_mutation_rate';

export type SecurityEvent =
  | { type: 'aclCreated'; reason: string; aclId: string; acl: StandardAcl }
  | { type: 'aclDeleted'; reason: string; aclId: string; acl: StandardAcl }
  | {
      type: 'authorizationDecided';
      reason: string;
      principal: string;
      clientAddress: string;
      api: string;
      operation: string;
      resource: string;
      result: AuthorizationResult;
      rule: string;
      /** The kafka.authorizer.logger line (written at INFO for denials by the default log4j config). */
      auditMessage: string;
    }
  | { type: 'scramCredentialUpserted'; reason: string; user: string; mechanism: string; iterations: number }
  | { type: 'scramCredentialDeleted'; reason: string; user: string; mechanism: string }
  | {
      type: 'clientQuotaAltered';
      reason: string;
      /** `users/alice/clients/<default>`-style path of the entity (ClientQuotaManager's precedence list). */
      entityPath: string;
      key: QuotaKind;
      value: number | null;
    }
  | {
      type: 'clientAuthenticated';
      reason: string;
      listener: string;
      principal: string;
      mechanism: string | null;
    }
  | {
      type: 'authenticationFailed';
      reason: string;
      listener: string;
      mechanism: string | null;
      message: string;
    }
  | {
      type: 'clientThrottled';
      reason: string;
      quota: QuotaKind;
      user: string;
      clientId: string;
      observedRate: number;
      bound: number;
      throttleTimeMs: number;
    };

export type SecurityEventType = SecurityEvent['type'];
