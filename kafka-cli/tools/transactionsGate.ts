// The security path of kafka-transactions.sh's Admin calls (TransactionsCommand, KIP-664): which requests
// each command sends and what the Admin client's handlers make of a refusal (the cause message the tool
// prints after `<what failed>: `). With no security configured and no --command-config nothing is sent.
import type { ToolContext } from '../tool';
import { exceptionMessage, gated, passGate } from './securityGate';

export type TxnGate = { commandConfig: string | null; bootstrapServer: string | null };

type Request = Parameters<typeof passGate>[3][number];

/** A refusal's cause message, or null when every request passed (or the gate does not apply). */
function send(ctx: ToolContext, g: TxnGate, requests: Request[]) {
  return passGate(
    ctx,
    null,
    {
      clientId: 'adminclient-1',
      kind: 'admin',
      commandConfig: g.commandConfig,
      bootstrapServer: g.bootstrapServer,
    },
    requests,
  );
}

export const isGated = (ctx: ToolContext, g: TxnGate): boolean => gated(ctx, g.commandConfig);

/**
 * Admin#listTransactions: ListTransactions to every broker; each leaves out the transactional ids the
 * principal may not DESCRIBE. Returns the ids kept, or the failure's message.
 */
export function listTransactionsGate(
  ctx: ToolContext,
  g: TxnGate,
  ids: string[],
): { ok: true; ids: Set<string> } | { ok: false; message: string } {
  if (!isGated(ctx, g)) return { ok: true, ids: new Set(ids) };
  const r = send(ctx, g, [{ api: 'ListTransactions', transactionalIds: ids }]);
  if (!r.ok) return { ok: false, message: exceptionMessage(r.exception) };
  return { ok: true, ids: new Set(r.authorizedTransactionalIds ?? ids) };
}

/**
 * Admin#describeTransactions: FindCoordinator (TRANSACTION: DESCRIBE on the id) and DescribeTransactions
 * (DESCRIBE on the id; partitions of topics the principal may not DESCRIBE are left out). Returns the topics
 * whose partitions are shown, or the failure's message as DescribeTransactionsHandler / CoordinatorStrategy
 * word it.
 */
export function describeTransactionGate(
  ctx: ToolContext,
  g: TxnGate,
  id: string,
  topics: string[],
): { ok: true; topics: Set<string> } | { ok: false; message: string } {
  if (!isGated(ctx, g)) return { ok: true, topics: new Set(topics) };
  const found = send(ctx, g, [{ api: 'FindCoordinator', keyType: 'TRANSACTION', key: id }]);
  if (!found.ok) {
    if (found.error === null) return { ok: false, message: exceptionMessage(found.exception) };
    return {
      ok: false,
      message: `FindCoordinator request for transactionalId \`CoordinatorKey(idValue='${id}', type=TRANSACTION)\` failed due to authorization failure`,
    };
  }
  const r = send(ctx, g, [{ api: 'DescribeTransactions', transactionalIds: [id], topics }]);
  if (!r.ok)
    return {
      ok: false,
      message:
        r.error === null
          ? exceptionMessage(r.exception)
          : `DescribeTransactions request for transactionalId \`${id}\` failed due to authorization failure`,
    };
  return { ok: true, topics: new Set(r.authorizedTopics ?? topics) };
}

/**
 * The partition leader lookup (PartitionLeaderStrategy: Metadata, DESCRIBE on the topic) that
 * Admin#describeProducers without --broker-id and Admin#abortTransaction start with; null when it passed.
 */
export function leaderLookupGate(
  ctx: ToolContext,
  g: TxnGate,
  topic: string,
  partition: number,
): string | null {
  if (!isGated(ctx, g)) return null;
  const r = send(ctx, g, [
    {
      api: 'Metadata',
      topics: [topic],
      allowAutoTopicCreation: false,
      autoCreateTopicsEnable: false,
      existingTopics: ctx.read.topics().map((t) => t.name),
    },
  ]);
  if (r.ok) return null;
  if (r.error === null) return exceptionMessage(r.exception);
  return `Failed to fetch metadata for partition ${topic}-${partition} due to topic authorization failure`;
}

/** DescribeProducers (READ on each topic), worded as DescribeProducersHandler words the first refusal. */
export function describeProducersGate(
  ctx: ToolContext,
  g: TxnGate,
  partitions: ReadonlyArray<{ topic: string; partition: number }>,
): string | null {
  if (!isGated(ctx, g) || partitions.length === 0) return null;
  const r = send(ctx, g, [{ api: 'DescribeProducers', topics: partitions.map((p) => p.topic) }]);
  if (r.ok) return null;
  if (r.error === null) return exceptionMessage(r.exception);
  const refused = partitions.find((p) => r.exception.includes(p.topic)) ?? partitions[0];
  return `Failed to describe active producers for partition ${refused.topic}-${refused.partition} due to authorization failure on topic \`${refused.topic}\``;
}

/**
 * WriteTxnMarkers to the partition leader (ALTER, else CLUSTER_ACTION on the Cluster), worded as
 * AbortTransactionHandler#handleError words CLUSTER_AUTHORIZATION_FAILED; null when it passed.
 */
export function writeTxnMarkersGate(ctx: ToolContext, g: TxnGate, spec: string): string | null {
  if (!isGated(ctx, g)) return null;
  const r = send(ctx, g, [{ api: 'WriteTxnMarkers' }]);
  if (r.ok) return null;
  if (r.error === null) return exceptionMessage(r.exception);
  return `WriteTxnMarkers request with ${spec} failed due to cluster authorization error`;
}

/**
 * Admin#describeTopics for find-hanging --topic (Metadata: DESCRIBE on the topic). A refused topic fails its
 * future with the error's default message (KafkaAdminClient#describeTopics); null when it passed.
 */
export function describeTopicsGate(ctx: ToolContext, g: TxnGate, topics: string[]): string | null {
  if (!isGated(ctx, g)) return null;
  const r = send(ctx, g, [
    {
      api: 'Metadata',
      topics,
      allowAutoTopicCreation: false,
      autoCreateTopicsEnable: false,
      existingTopics: ctx.read.topics().map((t) => t.name),
    },
  ]);
  if (r.ok) return null;
  return r.error === null ? exceptionMessage(r.exception) : 'Topic authorization failed.';
}

/** Admin#listTopics (Metadata for all topics): the topics the principal may DESCRIBE, silently. */
export function listTopicsGate(ctx: ToolContext, g: TxnGate, topics: string[]): Set<string> | string {
  if (!isGated(ctx, g)) return new Set(topics);
  const r = send(ctx, g, [
    {
      api: 'Metadata',
      topics: null,
      allowAutoTopicCreation: false,
      autoCreateTopicsEnable: false,
      existingTopics: topics,
    },
  ]);
  if (!r.ok) return exceptionMessage(r.exception);
  return new Set(r.authorizedTopics ?? topics);
}
