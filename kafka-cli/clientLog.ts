// The Java producer's own log lines, as a console user sees them on stderr (tools-log4j: WARN and above, pattern
// "[%d] %p %m (%c)"; the console leaves out the timestamp, as its other client log lines do).
// Sender#completeBatch logs every retriable error response before re-enqueuing the batch, so an acks=all producer
// below min.insync.replicas shows NOT_ENOUGH_REPLICAS on each retry, long before its delivery timeout.
import type { EventOf, ReadModel } from '../simulator';

/** Shown in full up to this many; beyond it the first ones and the last, with a count of those left out. */
const SHOWN_IN_FULL = 4;

function prefix(read: ReadModel, producer: string): string {
  const configs = read.producer(producer)?.configs ?? {};
  const clientId = configs['client.id'] ?? producer;
  const txn = configs['transactional.id'];
  // KafkaProducer's LogContext: "[Producer clientId=%s] " or "[Producer clientId=%s, transactionalId=%s] ".
  return txn === undefined
    ? `[Producer clientId=${clientId}]`
    : `[Producer clientId=${clientId}, transactionalId=${txn}]`;
}

/**
 * One WARN line per retried batch. "attempts left" is `retries - attempts - 1` with the Java batch's attempts
 * counted from 0 (ProducerBatch#attempts); the correlation id is the simulation's request id (simplified: the
 * real one counts a client's own requests, metadata included). The broker sends no error message with
 * NOT_ENOUGH_REPLICAS (ReplicaManager's LogAppendResult has no custom message), so the line ends with the code.
 */
export function senderRetryWarnings(events: readonly EventOf<'batchRetrying'>[], read: ReadModel): string[] {
  const lines = events.map((e) => {
    const refused = /^Connection to node (\d+) could not be established/.exec(e.error.message);
    if (refused) {
      // A refused connection is NetworkClient's warning, with the socket address as InetSocketAddress prints it.
      // Simplified: the simulated batch counts it as a failed attempt; the Java batch just waits for the node.
      const broker = read.brokers().find((b) => b.id === Number(refused[1]));
      const address = broker ? ` (${broker.host}/127.0.0.1:${broker.port})` : '';
      return `WARN ${prefix(read, e.producer)} Connection to node ${refused[1]}${address} could not be established. Node may not be available. (org.apache.kafka.clients.NetworkClient)`;
    }
    const retries = Number(read.producer(e.producer)?.configs.retries ?? '2147483647');
    // The event's attempt is the one about to be made (2 after the first failure); Java's count is then 0.
    const left = retries - (e.attempt - 2) - 1;
    const message =
      e.error.message && carriesMessage(e.error.code) ? `. Error Message: ${e.error.message}` : '';
    return `WARN ${prefix(read, e.producer)} Got error produce response with correlation id ${e.requestId} on topic-partition ${e.topic}-${e.partition}, retrying (${left} attempts left). Error: ${e.error.code}${message} (org.apache.kafka.clients.producer.internals.Sender)`;
  });
  if (lines.length <= SHOWN_IN_FULL) return lines;
  const omitted = lines.length - SHOWN_IN_FULL;
  return [
    ...lines.slice(0, SHOWN_IN_FULL - 1),
    `kafka-sim: … ${omitted} more warning${omitted === 1 ? '' : 's'} like these, one per attempt, the backoff doubling up to its maximum …`,
    lines[lines.length - 1],
  ];
}

/**
 * Which failed responses carry a message: the broker sends one only for record validation errors
 * (ReplicaManager: hasCustomErrorMessage), and the client adds its own for a disconnect or a request timeout
 * (Sender#handleProduceResponse: "Disconnected from node N [due to timeout]").
 */
function carriesMessage(code: string): boolean {
  return code === 'INVALID_RECORD' || code === 'NETWORK_EXCEPTION';
}
