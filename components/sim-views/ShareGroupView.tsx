'use client';
// A share group (KIP-932) at work: every record of each share-partition with its state — not fetched yet,
// available, acquired (by which member, with its delivery count), acknowledged or archived — and the
// share-partition start and end offsets. Several members read the same partition; each button is a console
// line (`share poll`, `share ack`, …) so the command log shows what happened.
import { useState } from 'react';
import type { ReadModel, ShareGroupView as ShareGroup, ShareRecordView } from '@/simulator';
import { clockCommand } from '../sim-runtime/commands';
import {
  type ShareAckType,
  shareAckCommand,
  shareJoinCommand,
  shareLeaveCommand,
  sharePollCommand,
  shareWorkloadBlock,
} from '../sim-runtime/shareCommands';
import { useRead, useSim } from '../sim-runtime/useSimulation';
import { userTopics } from './readHelpers';
import { Chip, inlineSelectClass, memberBadge, memberColour, Panel, SimButton } from './ui';

const WORKLOAD = 4;
const POLL_MAX = 2;

const STATE_TEXT: Record<ShareRecordView['state'], string> = {
  NEW: 'not fetched',
  AVAILABLE: 'available',
  ACQUIRED: 'acquired',
  ACKNOWLEDGED: 'acknowledged',
  ARCHIVED: 'archived',
};

const STATE_CLASS: Record<ShareRecordView['state'], string> = {
  NEW: 'border-dashed border-slate-300 text-slate-600 dark:border-slate-600 dark:text-slate-400',
  AVAILABLE: 'border-sky-400 bg-sky-50 text-sky-900 dark:border-sky-600 dark:bg-sky-950 dark:text-sky-100',
  ACQUIRED: 'border-2 bg-white text-slate-900 dark:bg-slate-900 dark:text-slate-100',
  ACKNOWLEDGED:
    'border-emerald-400 bg-emerald-50 text-emerald-900 dark:border-emerald-700 dark:bg-emerald-950 dark:text-emerald-100',
  ARCHIVED: 'border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100',
};

function nextMember(group: ShareGroup | undefined): string {
  const taken = new Set(group?.members.map((m) => m.memberId) ?? []);
  // The members' own naming (s1, s2 → s3), w1, w2 … by default.
  const prefix = /^([a-z]+)\d+$/.exec(group?.members[0]?.memberId ?? '')?.[1] ?? 'w';
  for (let i = 1; ; i++) if (!taken.has(`${prefix}${i}`)) return `${prefix}${i}`;
}

export function ShareGroupView() {
  const sim = useSim();
  const read = useRead(sim);
  const [choice, setChoice] = useState<string | null>(null);
  if (!read) return null;
  const view = read.shareGroups();
  const group = view.groups.find((g) => g.groupId === choice) ?? view.groups[0];
  const topics = userTopics(read);
  const topic = group?.members[0]?.topics[0] ?? group?.partitions[0]?.topic ?? topics[0]?.name;
  const run = (line: string) => sim.run(line);
  const groupId = group?.groupId ?? 'workers';
  const member = nextMember(group);
  const produced = topic
    ? (read.topic(topic)?.partitions.reduce((n, p) => n + (p.highWatermark ?? 0), 0) ?? 0)
    : 0;

  return (
    <Panel
      id="sim-share"
      title="Share group"
      actions={
        <>
          <SimButton
            variant="primary"
            disabled={!topic}
            label={topic ? `Send ${WORKLOAD} jobs to topic ${topic}` : 'Send jobs: there is no topic yet'}
            onClick={() => topic && run(shareWorkloadBlock(topic, produced + 1, WORKLOAD))}
          >
            Send {WORKLOAD} jobs
          </SimButton>
          <SimButton
            disabled={!topic}
            label={
              topic
                ? `Add member ${member} to share group ${groupId} on topic ${topic}`
                : 'Add member: there is no topic yet'
            }
            onClick={() => topic && run(shareJoinCommand(member, groupId, topic))}
          >
            + Member {member}
          </SimButton>
          <SimButton
            label={`Advance the clock by ${view.config.recordLockDurationMs / 1000} seconds (one acquisition lock)`}
            onClick={() => run(clockCommand(`${view.config.recordLockDurationMs / 1000}s`))}
          >
            +{view.config.recordLockDurationMs / 1000} s
          </SimButton>
        </>
      }
    >
      <div className="flex min-w-0 flex-col gap-3">
        <p className="flex flex-wrap items-center gap-2 text-xs text-slate-700 dark:text-slate-300">
          {view.groups.length > 1 ? (
            <label className="flex items-center gap-1">
              Group
              <select
                className={inlineSelectClass}
                value={groupId}
                onChange={(e) => setChoice(e.target.value)}
              >
                {view.groups.map((g) => (
                  <option key={g.groupId} value={g.groupId}>
                    {g.groupId}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <span>
            lock {view.config.recordLockDurationMs / 1000} s · delivery limit {view.config.deliveryCountLimit}
            {group ? ` · share.auto.offset.reset=${group.autoOffsetReset}` : ''}
          </span>
          {group ? <Chip tone={group.state === 'Stable' ? 'ok' : 'muted'}>{group.state}</Chip> : null}
        </p>
        {!group ? (
          <p className="text-sm text-slate-700 dark:text-slate-300">
            No share group yet: add a member to create share group {groupId}.
          </p>
        ) : (
          <>
            {group.partitions.length === 0 ? (
              <p className="text-sm text-slate-700 dark:text-slate-300">
                The group starts reading a partition on its first poll.
              </p>
            ) : (
              group.partitions.map((sp) => (
                <SharePartitionRow key={`${sp.topic}-${sp.partition}`} group={group} sp={sp} />
              ))
            )}
            <Legend />
            <ul
              className="grid min-w-0 grid-cols-1 gap-2 sm:grid-cols-2 xl:grid-cols-3"
              aria-label={`Members of share group ${group.groupId}`}
            >
              {group.members.map((m, i) => (
                <MemberCard
                  key={m.memberId}
                  read={read}
                  group={group}
                  memberId={m.memberId}
                  index={i}
                  run={run}
                />
              ))}
            </ul>
          </>
        )}
      </div>
    </Panel>
  );
}

function SharePartitionRow({ group, sp }: { group: ShareGroup; sp: ShareGroup['partitions'][number] }) {
  const index = (id: string | null) => group.members.findIndex((m) => m.memberId === id);
  return (
    <div className="min-w-0" data-share-partition={`${sp.topic}-${sp.partition}`}>
      <h3 className="mb-1 text-sm font-semibold text-slate-900 dark:text-white">
        {sp.topic}-{sp.partition}
        <span className="ml-2 text-xs font-normal text-slate-700 dark:text-slate-300">
          start offset {sp.startOffset} · end offset {sp.endOffset} · high watermark {sp.highWatermark} · in
          flight {sp.inFlight}
        </span>
      </h3>
      {sp.records.length === 0 ? (
        <p className="text-xs text-slate-600 dark:text-slate-400">no records yet</p>
      ) : (
        <ol
          className="flex min-w-0 flex-wrap gap-1"
          aria-label={`Records of ${sp.topic}-${sp.partition} and their states`}
        >
          {sp.records.map((r) => {
            const i = index(r.memberId);
            const holder = r.state === 'ACQUIRED' && r.memberId ? ` by ${r.memberId}` : '';
            return (
              <li
                key={r.offset}
                data-state={r.state}
                className={`flex min-w-[4.5rem] flex-col rounded border px-1.5 py-0.5 text-xs ${STATE_CLASS[r.state]}`}
                style={r.state === 'ACQUIRED' && i >= 0 ? { borderColor: memberColour(i) } : undefined}
                title={`offset ${r.offset}: ${STATE_TEXT[r.state]}${holder}, delivered ${r.deliveryCount} time(s)`}
              >
                <span className="font-mono font-semibold">
                  @{r.offset}
                  {r.offset === sp.startOffset ? (
                    <span className="ml-1 font-sans font-normal">◀ start</span>
                  ) : null}
                </span>
                <span>
                  {STATE_TEXT[r.state]}
                  {r.state === 'ACQUIRED' && i >= 0 ? ` ${memberBadge(i)}` : ''}
                </span>
                {r.deliveryCount > 0 ? <span>delivery {r.deliveryCount}</span> : null}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}

function Legend() {
  return (
    <p className="flex flex-wrap gap-2 text-xs text-slate-700 dark:text-slate-300">
      <span>not fetched: below the high watermark, no member has it yet</span>
      <span>· available: will go to the next member that polls</span>
      <span>· acquired X: member X holds its lock</span>
      <span>· acknowledged / archived: done (archived = rejected or out of delivery attempts)</span>
    </p>
  );
}

function MemberCard({
  read,
  group,
  memberId,
  index,
  run,
}: {
  read: ReadModel;
  group: ShareGroup;
  memberId: string;
  index: number;
  run: (line: string) => void;
}) {
  const held = group.partitions.flatMap((sp) =>
    sp.records
      .filter((r) => r.state === 'ACQUIRED' && r.memberId === memberId)
      .map((r) => ({ topic: sp.topic, partition: sp.partition, offset: r.offset, lock: r.lockExpiresAtMs })),
  );
  const oldest = held[0];
  const many = group.partitions.length > 1;
  const now = read.now();
  const settle = (type: ShareAckType) =>
    oldest && run(shareAckCommand(memberId, oldest.topic, oldest.partition, oldest.offset, type));
  const what = oldest ? `${oldest.topic}-${oldest.partition}@${oldest.offset}` : '';
  return (
    <li
      className="min-w-0 rounded-md border-2 p-2 text-xs"
      style={{ borderColor: memberColour(index) }}
      data-member={memberId}
    >
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-semibold text-slate-900 dark:text-white">
          {memberBadge(index)} · {memberId}
        </span>
        <span className="text-slate-700 dark:text-slate-300">
          holds{' '}
          {held.length === 0
            ? 'nothing'
            : held
                .map(
                  (h) =>
                    `${many ? `${h.topic}-${h.partition}` : ''}@${h.offset}${h.lock === null ? '' : ` (${Math.max(0, Math.ceil((h.lock - now) / 1000))} s left)`}`,
                )
                .join(', ')}
        </span>
      </div>
      <div className="mt-1 flex flex-wrap gap-1">
        <SimButton
          label={`Poll: member ${memberId} fetches up to ${POLL_MAX} records`}
          onClick={() => run(sharePollCommand(memberId, POLL_MAX))}
        >
          Poll
        </SimButton>
        <SimButton
          disabled={!oldest}
          label={oldest ? `Accept ${what} held by ${memberId}` : `Accept: ${memberId} holds nothing`}
          onClick={() => settle('accept')}
        >
          Accept
        </SimButton>
        <SimButton
          disabled={!oldest}
          label={oldest ? `Release ${what} held by ${memberId}` : `Release: ${memberId} holds nothing`}
          onClick={() => settle('release')}
        >
          Release
        </SimButton>
        <SimButton
          variant="danger"
          disabled={!oldest}
          label={oldest ? `Reject ${what} held by ${memberId}` : `Reject: ${memberId} holds nothing`}
          onClick={() => settle('reject')}
        >
          Reject
        </SimButton>
        <SimButton
          label={`Leave: member ${memberId} closes its share consumer`}
          onClick={() => run(shareLeaveCommand(memberId))}
        >
          Leave
        </SimButton>
      </div>
    </li>
  );
}
