// The security path of a distributed Connect worker's own clients at startup. The worker's top-level
// security settings (security.protocol, sasl.*, ssl.* in its properties file) are its principal; before it
// serves anything, DistributedHerder#run starts the offset, status and config stores (KafkaBasedLog: each a
// consumer that looks the topic up, reads it to the end, and a producer that writes to it) and joins the
// worker group. A refusal ends the herder thread as Connect does. Only with security configured on the
// brokers; a cluster without security starts workers as before.
import type { ToolContext } from '../tool';
import { passGate } from './securityGate';

type Request = Parameters<typeof passGate>[3][number];

/** The lines the worker logs when its clients are refused, or null when it may start. */
export function connectWorkerGate(
  ctx: ToolContext,
  worker: { id: string; clientId: string; file: string | null; props: Record<string, string> },
): string[] | null {
  if (!ctx.read.security().configured) return null;
  const groupId = worker.props['group.id'];
  const existing = ctx.read.topics().map((t) => t.name);
  // Worker#start (offsets), then the status and config stores (DistributedHerder#startServices).
  const stores = [
    worker.props['offset.storage.topic'],
    worker.props['status.storage.topic'],
    worker.props['config.storage.topic'],
  ];
  const requests: Request[] = stores.flatMap((topic): Request[] => [
    {
      api: 'Metadata',
      topics: [topic],
      allowAutoTopicCreation: false,
      autoCreateTopicsEnable: false,
      existingTopics: existing,
    },
    { api: 'ListOffsets', topics: [topic] },
    { api: 'Fetch', topics: [topic] },
    { api: 'Produce', topics: [topic], transactionalId: null, transactional: false },
  ]);
  // WorkerGroupMember joins group.id (WorkerCoordinator: the same group requests as a consumer's).
  requests.push(
    { api: 'FindCoordinator', keyType: 'GROUP', key: groupId },
    { api: 'JoinGroup', groupId },
    { api: 'SyncGroup', groupId },
  );
  const g = passGate(
    ctx,
    null,
    {
      clientId: worker.clientId,
      kind: 'consumer',
      commandConfig: worker.file,
      bootstrapServer: worker.props['bootstrap.servers']?.split(',')[0]?.trim() ?? null,
    },
    requests,
  );
  if (g.ok) return null;
  return [
    `[${worker.id}] ERROR [Worker clientId=${worker.clientId}, groupId=${groupId}] Uncaught exception in herder work thread, exiting:  (org.apache.kafka.connect.runtime.distributed.DistributedHerder)`,
    ...g.lines,
  ];
}
