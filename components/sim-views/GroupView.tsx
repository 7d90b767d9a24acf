'use client';
// A consumer group: its members (colour + letter each), which partitions each owns, partitions being
// revoked in a cooperative rebalance, the group state while a rebalance runs (processing pauses), and
// lag per partition as a bar with its number: the read model's lag, the one kafka-consumer-groups prints,
// so a partition the group never committed shows no lag ("–", as the tool's "-").
import { scaleLinear } from 'd3-scale';
import { useState } from 'react';
import type { GroupView as Group, ReadModel } from '@/simulator';
import { addConsumerCommand, consumerCommand } from '../sim-runtime/commands';
import { useFocus } from '../sim-runtime/focus';
import { useShownCluster } from '../sim-runtime/shownCluster';
import { useSim } from '../sim-runtime/useSimulation';
import { ClusterPicker } from './ClusterPicker';
import { tpKey } from './readHelpers';
import { Chip, inlineSelectClass, memberBadge, memberColour, Panel, SimButton } from './ui';

export function GroupView({ group: fixedGroup }: { group?: string }) {
  const sim = useSim();
  const onCluster = useShownCluster(sim);
  const { read } = onCluster;
  const focus = useFocus(read);
  if (!read) return null;
  const groups = read.groups();
  const groupId = fixedGroup ?? focus.group;
  const group = groups.find((g) => g.groupId === groupId) ?? null;
  return (
    <Panel
      id="sim-group"
      title="Consumer group"
      actions={
        <>
          <ClusterPicker view={onCluster} />
          {!fixedGroup && groups.length > 1 ? (
            <label className="flex items-center gap-2 text-xs font-medium text-slate-700 dark:text-slate-300">
              Group
              <select
                className={inlineSelectClass}
                value={groupId ?? ''}
                onChange={(e) => focus.setFocus({ group: e.target.value })}
              >
                {groups.map((g) => (
                  <option key={g.groupId} value={g.groupId}>
                    {g.groupId}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
        </>
      }
    >
      {group ? (
        <GroupBody read={read} group={group} run={(line) => sim.run(onCluster.line(line))} />
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No consumer group yet. Create a consumer in the console, e.g.{' '}
          <code>consumer create c1 --group g1 --topics orders</code>.
        </p>
      )}
    </Panel>
  );
}

const stableStates = new Set(['Stable', 'STABLE']);

function nextConsumerName(read: ReadModel): string {
  const taken = new Set(read.groups().flatMap((g) => g.members.map((m) => m.name)));
  for (let i = 1; ; i++) if (!taken.has(`c${i}`)) return `c${i}`;
}

function GroupBody({ read, group, run }: { read: ReadModel; group: Group; run: (line: string) => void }) {
  const [assignor, setAssignor] = useState('');
  const rebalancing = !stableStates.has(group.state) && group.members.length > 0;
  const owner = new Map<string, number>();
  group.members.forEach((m, i) => {
    for (const tp of m.owned) owner.set(tpKey(tp.topic, tp.partition), i);
  });
  const revoking = new Set(
    group.members.flatMap((m) => m.revoking.map((tp) => tpKey(tp.topic, tp.partition))),
  );
  const partitions = group.partitions.filter((p) => group.subscribedTopics.includes(p.topic));
  const maxLag = Math.max(1, ...partitions.map((p) => p.lag ?? 0));
  const lagX = scaleLinear().domain([0, maxLag]).range([0, 100]);
  const name = nextConsumerName(read);

  return (
    <div className="flex flex-col gap-3">
      <p
        className="flex flex-wrap items-center gap-2 text-sm text-slate-700 dark:text-slate-300"
        data-testid="group-state"
      >
        <span className="font-semibold text-slate-900 dark:text-white">{group.groupId}</span>
        <Chip tone={rebalancing ? 'warn' : 'ok'}>
          <span aria-hidden="true">{rebalancing ? '⟳' : '✓'}</span>
          {group.state}
        </Chip>
        <span>
          generation {group.generation} · {group.assignmentStrategy || 'no assignor yet'} ·{' '}
          {group.rebalanceProtocol === 'cooperative'
            ? 'cooperative: members keep partitions that do not move'
            : group.rebalanceProtocol === 'eager'
              ? 'eager: every member gives up all partitions when a rebalance starts'
              : ''}
        </span>
      </p>
      {rebalancing ? (
        <p
          className="rounded-md border border-amber-300 bg-amber-50 px-2 py-1 text-xs text-amber-900 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-200"
          role="status"
        >
          Rebalance in progress:{' '}
          {group.rebalanceProtocol === 'cooperative'
            ? 'only partitions that move are paused.'
            : 'processing is paused for every member.'}{' '}
          Advance the clock or poll to let it finish.
        </p>
      ) : null}
      <ul
        className="grid grid-cols-[repeat(auto-fill,minmax(12rem,1fr))] gap-2"
        aria-label={`Members of ${group.groupId}`}
      >
        {group.members.map((m, i) => (
          <li
            key={m.memberId}
            className="rounded-lg border-2 p-2 text-sm"
            style={{ borderColor: memberColour(i) }}
            data-member={m.name}
          >
            <div className="flex items-center gap-2">
              <span
                aria-hidden="true"
                className="inline-flex h-6 w-6 items-center justify-center rounded-full text-xs font-bold text-white"
                style={{ background: memberColour(i) }}
              >
                {memberBadge(i)}
              </span>
              <span className="font-semibold text-slate-900 dark:text-white">{m.name}</span>
            </div>
            <p
              className="mt-1 text-xs text-slate-700 dark:text-slate-300"
              data-testid={`assignment-${m.name}`}
            >
              {m.owned.length > 0
                ? `owns ${m.owned.map((tp) => tpKey(tp.topic, tp.partition)).join(', ')}`
                : 'owns nothing'}
              {m.revoking.length > 0
                ? ` · revoking ${m.revoking.map((tp) => tpKey(tp.topic, tp.partition)).join(', ')}`
                : ''}
            </p>
            <div className="mt-2 flex flex-wrap gap-1">
              <SimButton
                label={`Poll consumer ${m.name}`}
                onClick={() => run(consumerCommand('poll', m.name))}
              >
                Poll
              </SimButton>
              <SimButton
                label={`Commit offsets of consumer ${m.name}`}
                onClick={() => run(consumerCommand('commit', m.name))}
              >
                Commit
              </SimButton>
              <SimButton
                label={`Close consumer ${m.name}`}
                onClick={() => run(consumerCommand('close', m.name))}
              >
                Close
              </SimButton>
              <SimButton
                variant="danger"
                label={`Crash consumer ${m.name}`}
                onClick={() => run(consumerCommand('crash', m.name))}
              >
                Crash
              </SimButton>
            </div>
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-700 dark:text-slate-300">
          Assignor for the new consumer
          <select
            className={inlineSelectClass}
            value={assignor}
            onChange={(e) => setAssignor(e.target.value)}
          >
            <option value="">Same as the group ({group.assignmentStrategy || 'default'})</option>
            <option value="range">range</option>
            <option value="roundrobin">roundrobin</option>
            <option value="sticky">sticky</option>
            <option value="cooperative-sticky">cooperative-sticky</option>
          </select>
        </label>
        <SimButton
          variant="primary"
          label={`Add consumer ${name} to group ${group.groupId}`}
          onClick={() =>
            run(
              addConsumerCommand(
                name,
                group.groupId,
                group.subscribedTopics,
                assignor || assignorFlag(group.assignmentStrategy),
              ),
            )
          }
        >
          + Add consumer {name}
        </SimButton>
      </div>
      {/* On a phone the table scrolls inside its own box rather than widening the page; `relative` keeps its
          screen-reader-only (absolute) texts inside that box too. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
      <div className="relative overflow-x-auto" tabIndex={0}>
        <table className="w-full text-left text-xs" aria-label={`Partitions and lag for ${group.groupId}`}>
          <thead className="text-slate-600 dark:text-slate-400">
            <tr>
              <th className="py-1 pr-2 font-semibold">Partition</th>
              <th className="py-1 pr-2 font-semibold">Owner</th>
              <th className="py-1 pr-2 font-semibold">Committed</th>
              <th className="py-1 pr-2 font-semibold">HW</th>
              <th className="w-2/5 py-1 font-semibold">Lag</th>
            </tr>
          </thead>
          <tbody>
            {partitions.map((p) => {
              const key = tpKey(p.topic, p.partition);
              const idx = owner.get(key);
              const member = idx === undefined ? null : group.members[idx];
              const lag = p.lag;
              return (
                <tr
                  key={key}
                  className="border-t border-slate-100 dark:border-slate-800"
                  data-tp={key}
                  data-owner={member?.name ?? ''}
                >
                  <td className="py-1 pr-2 font-mono">{key}</td>
                  <td className="py-1 pr-2">
                    {member && idx !== undefined ? (
                      <span className="inline-flex items-center gap-1">
                        <span
                          aria-hidden="true"
                          className="inline-flex h-4 w-4 items-center justify-center rounded-full text-[10px] font-bold text-white"
                          style={{ background: memberColour(idx) }}
                        >
                          {memberBadge(idx)}
                        </span>
                        {/* A member name (reader-1) is one word: never split across lines. */}
                        <span className="whitespace-nowrap">{member.name}</span>
                        {revoking.has(key) ? (
                          <em className="text-amber-700 dark:text-amber-300"> (revoking)</em>
                        ) : null}
                      </span>
                    ) : (
                      <span className="text-slate-500 dark:text-slate-400">unassigned</span>
                    )}
                  </td>
                  <td className="py-1 pr-2 font-mono">{p.committed ?? '—'}</td>
                  <td className="py-1 pr-2 font-mono">{p.logEndOffset ?? '—'}</td>
                  <td className="py-1">
                    <span className="flex items-center gap-2">
                      <svg
                        viewBox="0 0 100 8"
                        preserveAspectRatio="none"
                        className="h-2 flex-1"
                        aria-hidden="true"
                      >
                        <rect width={100} height={8} rx={2} fill="var(--sim-line)" />
                        {lag === null ? null : (
                          <rect
                            width={lagX(Math.max(0, lag))}
                            height={8}
                            rx={2}
                            fill={lag > 0 ? 'var(--sim-out-of-sync)' : 'var(--sim-ack)'}
                            className="sim-bar"
                          />
                        )}
                      </svg>
                      {lag === null ? (
                        <span className="w-8 text-right font-mono" data-testid={`lag-${key}`}>
                          <span aria-hidden="true">–</span>
                          <span className="sr-only">
                            {p.committed === null
                              ? 'no committed offset'
                              : 'no end offset: the partition has no leader'}
                          </span>
                        </span>
                      ) : (
                        <span className="w-8 text-right font-mono" data-testid={`lag-${key}`}>
                          {lag}
                        </span>
                      )}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** Group assignor name as the console's --assignor flag expects it (range, roundrobin, ...). */
function assignorFlag(name: string): string | undefined {
  const known = ['range', 'roundrobin', 'sticky', 'cooperative-sticky'];
  return known.includes(name) ? name : undefined;
}
