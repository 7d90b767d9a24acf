// The error codes a refused request carries (org.apache.kafka.common.protocol.Errors) and the exception a Java
// client raises for each, with the texts the client code builds (TopicAuthorizationException(Set),
// GroupAuthorizationException#forGroupId, Errors#exception() default messages).

export type SecurityErrorName =
  | 'TOPIC_AUTHORIZATION_FAILED'
  | 'GROUP_AUTHORIZATION_FAILED'
  | 'CLUSTER_AUTHORIZATION_FAILED'
  | 'TRANSACTIONAL_ID_AUTHORIZATION_FAILED'
  | 'DELEGATION_TOKEN_AUTHORIZATION_FAILED'
  | 'SASL_AUTHENTICATION_FAILED'
  | 'UNSUPPORTED_SASL_MECHANISM'
  | 'ILLEGAL_SASL_STATE'
  | 'THROTTLING_QUOTA_EXCEEDED';

/** Errors.java: code, default message, exception class. */
export const SECURITY_ERRORS: Record<
  SecurityErrorName,
  { code: number; message: string; exception: string }
> = {
  TOPIC_AUTHORIZATION_FAILED: {
    code: 29,
    message: 'Topic authorization failed.',
    exception: 'TopicAuthorizationException',
  },
  GROUP_AUTHORIZATION_FAILED: {
    code: 30,
    message: 'Group authorization failed.',
    exception: 'GroupAuthorizationException',
  },
  CLUSTER_AUTHORIZATION_FAILED: {
    code: 31,
    message: 'Cluster authorization failed.',
    exception: 'ClusterAuthorizationException',
  },
  UNSUPPORTED_SASL_MECHANISM: {
    code: 33,
    message: 'The broker does not support the requested SASL mechanism.',
    exception: 'UnsupportedSaslMechanismException',
  },
  ILLEGAL_SASL_STATE: {
    code: 34,
    message: 'Request is not valid given the current SASL state.',
    exception: 'IllegalSaslStateException',
  },
  TRANSACTIONAL_ID_AUTHORIZATION_FAILED: {
    code: 53,
    message: 'Transactional Id authorization failed.',
    exception: 'TransactionalIdAuthorizationException',
  },
  SASL_AUTHENTICATION_FAILED: {
    code: 58,
    message: 'SASL Authentication failed.',
    exception: 'SaslAuthenticationException',
  },
  DELEGATION_TOKEN_AUTHORIZATION_FAILED: {
    code: 65,
    message: 'Delegation Token authorization failed.',
    exception: 'DelegationTokenAuthorizationException',
  },
  THROTTLING_QUOTA_EXCEEDED: {
    code: 89,
    message: 'The throttling quota has been exceeded.',
    exception: 'ThrottlingQuotaExceededException',
  },
};

/** A Java exception as a client prints it: `org.apache.kafka.common.errors.<Class>: <message>`. */
export type ClientException = { className: string; message: string };

export function formatClientException(e: ClientException): string {
  return `org.apache.kafka.common.errors.${e.className}: ${e.message}`;
}

/** java.util.Set#toString of topic names, e.g. `[orders, payments]` (insertion order of the request). */
function javaSetToString(names: readonly string[]): string {
  return `[${names.join(', ')}]`;
}

/** What a producer/consumer raises for TOPIC_AUTHORIZATION_FAILED: new TopicAuthorizationException(topics). */
export function topicAuthorizationException(topics: readonly string[]): ClientException {
  return {
    className: 'TopicAuthorizationException',
    message: `Not authorized to access topics: ${javaSetToString(topics)}`,
  };
}

/** GroupAuthorizationException#forGroupId (AbstractCoordinator, ConsumerCoordinator). */
export function groupAuthorizationException(groupId: string): ClientException {
  return { className: 'GroupAuthorizationException', message: `Not authorized to access group: ${groupId}` };
}

/** Errors#exception() with the default message (TransactionManager raises these for InitProducerId). */
export function defaultException(error: SecurityErrorName): ClientException {
  const e = SECURITY_ERRORS[error];
  return { className: e.exception, message: e.message };
}
