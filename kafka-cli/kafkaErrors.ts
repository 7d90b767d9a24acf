// Kafka protocol error code (org.apache.kafka.common.protocol.Errors) -> the exception class the
// Java clients and tools name in their messages (e.g. TOPIC_ALREADY_EXISTS -> TopicExistsException).

const EXCEPTIONS: Record<string, string> = {
  TOPIC_ALREADY_EXISTS: 'TopicExistsException',
  INVALID_REPLICATION_FACTOR: 'InvalidReplicationFactorException',
  INVALID_PARTITIONS: 'InvalidPartitionsException',
  INVALID_TOPIC_EXCEPTION: 'InvalidTopicException',
  INVALID_CONFIG: 'InvalidConfigurationException',
  CONFIG_EXCEPTION: 'ConfigException',
  UNKNOWN_TOPIC_OR_PARTITION: 'UnknownTopicOrPartitionException',
  NOT_ENOUGH_REPLICAS: 'NotEnoughReplicasException',
  NOT_ENOUGH_REPLICAS_AFTER_APPEND: 'NotEnoughReplicasAfterAppendException',
  NOT_LEADER_OR_FOLLOWER: 'NotLeaderOrFollowerException',
  LEADER_NOT_AVAILABLE: 'LeaderNotAvailableException',
  REQUEST_TIMED_OUT: 'TimeoutException',
  TIMEOUT_EXCEPTION: 'TimeoutException',
  NETWORK_EXCEPTION: 'NetworkException',
  OUT_OF_ORDER_SEQUENCE_NUMBER: 'OutOfOrderSequenceException',
  INVALID_PRODUCER_EPOCH: 'InvalidProducerEpochException',
  PRODUCER_FENCED: 'ProducerFencedException',
  DUPLICATE_SEQUENCE_NUMBER: 'DuplicateSequenceException',
  INVALID_RECORD: 'InvalidRecordException',
  INVALID_REQUEST: 'InvalidRequestException',
  MESSAGE_TOO_LARGE: 'RecordTooLargeException',
  RECORD_LIST_TOO_LARGE: 'RecordBatchTooLargeException',
  ELECTION_NOT_NEEDED: 'ElectionNotNeededException',
  PREFERRED_LEADER_NOT_AVAILABLE: 'PreferredLeaderNotAvailableException',
  ELIGIBLE_LEADERS_NOT_AVAILABLE: 'EligibleLeadersNotAvailableException',
  BROKER_NOT_AVAILABLE: 'BrokerNotAvailableException',
  NOT_CONTROLLER: 'NotControllerException',
  GROUP_ID_NOT_FOUND: 'GroupIdNotFoundException',
  NON_EMPTY_GROUP: 'GroupNotEmptyException',
  GROUP_NOT_EMPTY: 'GroupNotEmptyException',
  UNKNOWN_MEMBER_ID: 'UnknownMemberIdException',
  REBALANCE_IN_PROGRESS: 'RebalanceInProgressException',
  ILLEGAL_GENERATION: 'IllegalGenerationException',
  FENCED_INSTANCE_ID: 'FencedInstanceIdException',
  COORDINATOR_NOT_AVAILABLE: 'CoordinatorNotAvailableException',
  INVALID_TXN_STATE: 'InvalidTxnStateException',
  TRANSACTIONAL_ID_NOT_FOUND: 'TransactionalIdNotFoundException',
  CONCURRENT_TRANSACTIONS: 'ConcurrentTransactionsException',
  OFFSET_OUT_OF_RANGE: 'OffsetOutOfRangeException',
  NO_RESET_POLICY: 'NoOffsetForPartitionException',
  REASSIGNMENT_IN_PROGRESS: 'ReassignmentInProgressException',
  NO_REASSIGNMENT_IN_PROGRESS: 'NoReassignmentInProgressException',
  INVALID_REPLICA_ASSIGNMENT: 'InvalidReplicaAssignmentException',
  ILLEGAL_STATE: 'IllegalStateException',
  INVALID_COMMAND: 'IllegalArgumentException',
  INTERNAL: 'KafkaException',
};

/** Exception simple name for an error code; names that already look like exceptions pass through. */
export function exceptionName(code: string): string {
  if (/^[A-Z][A-Za-z]+(Exception|Error)$/.test(code)) return code;
  const known = EXCEPTIONS[code];
  if (known) return known;
  // ANY_OTHER_CODE -> AnyOtherCodeException, as Errors.java names most of them.
  return `${code
    .toLowerCase()
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('')}Exception`;
}

/** How the Java clients and tools print an error: `TopicExistsException: Topic 'orders' already exists.` */
export function errorText(e: { code: string; message: string }): string {
  return `${exceptionName(e.code)}: ${e.message}`;
}
