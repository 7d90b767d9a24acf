// The security path of kafka-streams-application-reset.sh (StreamsResetter): its Admin client describes
// the group (FindCoordinator and DescribeGroups: DESCRIBE on the group) and lists the topics (those the
// principal may not DESCRIBE are left out), its consumer commits the reset offsets (OffsetCommit: READ on
// the group and each topic), and the Admin client deletes the internal topics (DeleteTopics: DESCRIBE and
// DELETE on each). With no security configured and no --command-config nothing is sent.
import type { ToolContext } from '../tool';
import { gated, passGate } from './securityGate';

export type StreamsResetGate =
  | { kind: 'open' }
  | { kind: 'refused'; exception: string }
  | {
      kind: 'gated';
      describable: (topic: string) => boolean;
      /** The exception commitSync throws, or null when the commit is allowed. */
      commit: (topics: string[]) => string | null;
      /** The topics DeleteTopics deletes (the others fail their futures). */
      deletable: (topics: string[]) => string[];
    };

export function streamsResetGate(
  ctx: ToolContext,
  run: { app: string; commandConfig: string | null; bootstrapServer: string | null },
): StreamsResetGate {
  if (!gated(ctx, run.commandConfig)) return { kind: 'open' };
  const send = (clientId: string, kind: 'admin' | 'consumer', requests: Parameters<typeof passGate>[3]) =>
    passGate(
      ctx,
      null,
      { clientId, kind, commandConfig: run.commandConfig, bootstrapServer: run.bootstrapServer },
      requests,
    );
  const admin = (requests: Parameters<typeof passGate>[3]) => send('adminclient-1', 'admin', requests);
  // Admin#describeConsumerGroups: the coordinator lookup fails first (CoordinatorStrategy's wording).
  const described = admin([
    { api: 'FindCoordinator', keyType: 'GROUP', key: run.app },
    { api: 'DescribeGroups', groupIds: [run.app] },
  ]);
  if (!described.ok) {
    const e =
      described.error === 'GROUP_AUTHORIZATION_FAILED'
        ? `org.apache.kafka.common.errors.GroupAuthorizationException: FindCoordinator request for groupId \`CoordinatorKey(idValue='${run.app}', type=GROUP)\` failed due to authorization failure`
        : described.exception;
    return { kind: 'refused', exception: `java.util.concurrent.ExecutionException: ${e}` };
  }
  const existing = ctx.read.topics().map((t) => t.name);
  const listed = admin([
    {
      api: 'Metadata',
      topics: null,
      allowAutoTopicCreation: false,
      autoCreateTopicsEnable: false,
      existingTopics: existing,
    },
  ]);
  if (!listed.ok)
    return { kind: 'refused', exception: `java.util.concurrent.ExecutionException: ${listed.exception}` };
  const describable = new Set(listed.authorizedTopics ?? existing);
  return {
    kind: 'gated',
    describable: (t) => describable.has(t),
    commit: (topics) => {
      const c = send(`${run.app}-reset-consumer`, 'consumer', [
        { api: 'ListOffsets', topics },
        { api: 'OffsetCommit', groupId: run.app, topics },
      ]);
      return c.ok ? null : c.exception;
    },
    deletable: (topics) => {
      if (topics.length === 0) return [];
      const d = admin([{ api: 'DeleteTopics', topics }]);
      return d.ok ? topics : (d.authorizedTopics ?? []).filter((t) => topics.includes(t));
    },
  };
}
