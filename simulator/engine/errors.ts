// Kafka protocol error names used in command results (org.apache.kafka.common.protocol.Errors), plus the
// client-side exception names the Java producer and admin tools raise. Areas may use other Kafka names too.
export type KafkaErrorCode =
  | 'NOT_ENOUGH_REPLICAS'
  | 'NOT_ENOUGH_REPLICAS_AFTER_APPEND'
  | 'NOT_LEADER_OR_FOLLOWER'
  | 'LEADER_NOT_AVAILABLE'
  | 'REQUEST_TIMED_OUT'
  | 'NETWORK_EXCEPTION'
  | 'OUT_OF_ORDER_SEQUENCE_NUMBER'
  | 'INVALID_PRODUCER_EPOCH'
  | 'DUPLICATE_SEQUENCE_NUMBER'
  | 'UNKNOWN_TOPIC_OR_PARTITION'
  | 'TOPIC_ALREADY_EXISTS'
  | 'INVALID_TOPIC_EXCEPTION'
  | 'INVALID_PARTITIONS'
  | 'INVALID_REPLICATION_FACTOR'
  | 'INVALID_CONFIG'
  | 'INVALID_RECORD'
  | 'INVALID_REQUEST'
  | 'MESSAGE_TOO_LARGE'
  | 'RECORD_LIST_TOO_LARGE'
  | 'ELECTION_NOT_NEEDED'
  | 'PREFERRED_LEADER_NOT_AVAILABLE'
  | 'ELIGIBLE_LEADERS_NOT_AVAILABLE'
  | 'BROKER_NOT_AVAILABLE'
  | 'NOT_CONTROLLER'
  | 'CONFIG_EXCEPTION'
  | 'TIMEOUT_EXCEPTION'
  | 'ILLEGAL_STATE'
  | 'INVALID_COMMAND'
  | 'INTERNAL'
  // Other areas' Kafka error names (GROUP_ID_NOT_FOUND, INVALID_TXN_STATE, ...): any upper-case name.
  | (string & {});

/** Errors the producer retries (they extend RetriableException in the Java client). */
export const RETRIABLE_ERRORS: ReadonlySet<string> = new Set([
  'NOT_ENOUGH_REPLICAS',
  'NOT_ENOUGH_REPLICAS_AFTER_APPEND',
  'NOT_LEADER_OR_FOLLOWER',
  'LEADER_NOT_AVAILABLE',
  'REQUEST_TIMED_OUT',
  'NETWORK_EXCEPTION',
  'UNKNOWN_TOPIC_OR_PARTITION',
]);

/** Kafka's own wording for the errors a produce can end with (Errors.java default messages). */
export const ERROR_MESSAGES: Readonly<Record<string, string>> = {
  NOT_ENOUGH_REPLICAS: 'Messages are rejected since there are fewer in-sync replicas than required.',
  NOT_ENOUGH_REPLICAS_AFTER_APPEND:
    'Messages are written to the log, but to fewer in-sync replicas than required.',
  NOT_LEADER_OR_FOLLOWER:
    'For requests intended only for the leader, this error indicates that the broker is not the current leader. For requests intended for any replica, this error indicates that the broker is not a replica of the topic partition.',
  LEADER_NOT_AVAILABLE:
    'There is no leader for this topic-partition as we are in the middle of a leadership election.',
  REQUEST_TIMED_OUT: 'The request timed out.',
  NETWORK_EXCEPTION: 'The server disconnected before a response was received.',
  OUT_OF_ORDER_SEQUENCE_NUMBER: 'The broker received an out of order sequence number.',
  INVALID_PRODUCER_EPOCH: 'Producer attempted to produce with an old epoch.',
  UNKNOWN_TOPIC_OR_PARTITION: 'This server does not host this topic-partition.',
};
