// kafka-consumer-groups.sh --describe: offsets/lag (default), --members [--verbose], --state, with
// ConsumerGroupCommand's column widths and its state notices (kafka-facts §3.2).

import type { GroupView } from '../../simulator';
import { columns, MISSING, widthOf } from '../format';
import type { CommandOutput, Output } from '../output';
import type { ToolContext } from '../tool';

/** shouldPrintMemberState: false when nothing should be printed for the group. */
function stateNotice(groupId: string, g: GroupView | null, rows: number, out: Output): boolean {
  if (!g || g.state === 'Dead') {
    out.fail(`\nError: Consumer group '${groupId}' does not exist.`);
    return false;
  }
  if (g.state === 'Empty') out.warn(`\nConsumer group '${groupId}' has no active members.`);
  if (['PreparingRebalance', 'CompletingRebalance', 'Assigning', 'Reconciling'].includes(g.state)) {
    out.warn(`\nWarning: Consumer group '${groupId}' is rebalancing.`);
  }
  return rows > 0;
}

type OffsetRow = {
  group: string;
  topic: string;
  partition: string;
  current: string;
  end: string;
  lag: string;
  consumerId: string;
  host: string;
  clientId: string;
};

export function offsetRows(g: GroupView): OffsetRow[] {
  const rows: OffsetRow[] = [];
  // The read model's one lag rule: LOG-END-OFFSET − CURRENT-OFFSET, "-" without a committed offset.
  const lagRows = new Map(g.partitions.map((x) => [`${x.topic}\u0000${x.partition}`, x]));
  const shown = (n: number | null | undefined): string =>
    n === null || n === undefined ? MISSING : String(n);
  const row = (
    topic: string,
    partition: number,
    member: { id: string; host: string; client: string } | null,
  ): OffsetRow => {
    const r = lagRows.get(`${topic}\u0000${partition}`);
    return {
      group: g.groupId,
      topic,
      partition: String(partition),
      current: shown(r?.committed),
      end: shown(r?.logEndOffset),
      lag: shown(r?.lag),
      consumerId: member?.id ?? MISSING,
      host: member?.host ?? MISSING,
      clientId: member?.client ?? MISSING,
    };
  };
  const assigned = new Set<string>();
  // Members with partitions, most partitions first; members without partitions print no row.
  const members = g.members
    .filter((m) => m.assignment.length > 0)
    .slice()
    .sort((a, b) => b.assignment.length - a.assignment.length);
  for (const m of members) {
    const parts = m.assignment
      .slice()
      .sort((a, b) => (a.topic === b.topic ? a.partition - b.partition : a.topic < b.topic ? -1 : 1));
    for (const a of parts) {
      assigned.add(`${a.topic}\u0000${a.partition}`);
      rows.push(row(a.topic, a.partition, { id: m.memberId, host: m.host, client: m.clientId }));
    }
  }
  const unassigned = g.offsets
    .filter((x) => !assigned.has(`${x.topic}\u0000${x.partition}`))
    .sort((a, b) => (a.topic === b.topic ? a.partition - b.partition : a.topic < b.topic ? -1 : 1));
  for (const x of unassigned) rows.push(row(x.topic, x.partition, null));
  return rows;
}

export function describeOffsets(groupIds: string[], ctx: ToolContext, out: Output): CommandOutput {
  for (const id of [...new Set(groupIds)].sort()) {
    const g = ctx.read.group(id);
    const rows = g ? offsetRows(g) : [];
    if (!stateNotice(id, g, g ? Math.max(rows.length, g.members.length > 0 ? 1 : 0) : 0, out)) continue;
    if (rows.length === 0) continue;
    const widths = [
      widthOf(
        15,
        rows.map((r) => r.group),
      ),
      widthOf(
        15,
        rows.map((r) => r.topic),
      ),
      10,
      15,
      15,
      15,
      widthOf(
        15,
        rows.map((r) => r.consumerId),
      ),
      widthOf(
        15,
        rows.map((r) => r.host),
      ),
      null,
    ];
    out.line();
    out.line(
      columns(
        [
          'GROUP',
          'TOPIC',
          'PARTITION',
          'CURRENT-OFFSET',
          'LOG-END-OFFSET',
          'LAG',
          'CONSUMER-ID',
          'HOST',
          'CLIENT-ID',
        ],
        widths,
      ),
    );
    for (const r of rows) {
      out.line(
        columns(
          [r.group, r.topic, r.partition, r.current, r.end, r.lag, r.consumerId, r.host, r.clientId],
          widths,
        ),
      );
    }
  }
  return out.result();
}

function assignmentString(assignment: Array<{ topic: string; partition: number }>): string {
  const byTopic = new Map<string, number[]>();
  for (const a of assignment) byTopic.set(a.topic, [...(byTopic.get(a.topic) ?? []), a.partition]);
  return [...byTopic.entries()]
    .map(([t, ps]) => `${t}:${ps.sort((a, b) => a - b).join(',')}`)
    .sort()
    .join(';');
}

export function describeMembers(
  groupIds: string[],
  verbose: boolean,
  ctx: ToolContext,
  out: Output,
): CommandOutput {
  for (const id of [...new Set(groupIds)].sort()) {
    const g = ctx.read.group(id);
    if (!stateNotice(id, g, g ? Math.max(1, g.members.length) : 0, out) || !g) continue;
    const ms = g.members;
    const withInstance = ms.some((m) => m.groupInstanceId);
    const gw = widthOf(15, ms.map(() => g.groupId).concat(g.groupId));
    const cw = widthOf(
      15,
      ms.map((m) => m.memberId),
    );
    const iw = widthOf(
      17,
      ms.map((m) => m.groupInstanceId ?? ''),
    );
    const hw = widthOf(
      15,
      ms.map((m) => m.host),
    );
    const kw = widthOf(
      15,
      ms.map((m) => m.clientId),
    );
    const assignments = ms.map((m) => (m.assignment.length === 0 ? MISSING : assignmentString(m.assignment)));
    const aw = widthOf(20, assignments);
    // Kafka 4.0 (KIP-1099) prints the KIP-848 columns under --verbose for classic groups too: no member
    // epoch and no target assignment there, so those print "-"; the target column keeps its 20 minimum.
    const tw = 20;
    const widths = withInstance ? [gw, cw, iw, hw, kw, 15] : [gw, cw, hw, kw, 15];
    const header = withInstance
      ? ['GROUP', 'CONSUMER-ID', 'GROUP-INSTANCE-ID', 'HOST', 'CLIENT-ID', '#PARTITIONS']
      : ['GROUP', 'CONSUMER-ID', 'HOST', 'CLIENT-ID', '#PARTITIONS'];
    // The tool's format ends with "%-15s " (a trailing space) before the optional verbose columns.
    const verboseHeader = verbose
      ? columns(
          ['CURRENT-EPOCH', 'CURRENT-ASSIGNMENT', 'TARGET-EPOCH', 'TARGET-ASSIGNMENT'],
          [15, aw, 15, tw],
        )
      : '';
    out.line();
    out.line(`${columns(header, widths)} ${verboseHeader}`);
    ms.forEach((m, i) => {
      const base = withInstance
        ? [g.groupId, m.memberId, m.groupInstanceId ?? '', m.host, m.clientId, String(m.assignment.length)]
        : [g.groupId, m.memberId, m.host, m.clientId, String(m.assignment.length)];
      const extra = verbose ? columns([MISSING, assignments[i], MISSING, MISSING], [15, aw, 15, tw]) : '';
      out.line(`${columns(base, widths)} ${extra}`);
    });
  }
  return out.result();
}

export function describeState(groupIds: string[], ctx: ToolContext, out: Output): CommandOutput {
  for (const id of [...new Set(groupIds)].sort()) {
    const g = ctx.read.group(id);
    if (!stateNotice(id, g, 1, out) || !g) continue;
    const broker = ctx.read.brokers().find((b) => b.id === g.coordinator);
    const coordinator = `${broker?.host ?? 'localhost'}:${broker?.port ?? 9092}  (${g.coordinator})`;
    const widths = [Math.max(15, g.groupId.length), Math.max(25, coordinator.length), 20, 20, null];
    out.line();
    out.line(columns(['GROUP', 'COORDINATOR (ID)', 'ASSIGNMENT-STRATEGY', 'STATE', '#MEMBERS'], widths));
    out.line(
      columns(
        [g.groupId, coordinator, g.assignmentStrategy || MISSING, g.state, String(g.members.length)],
        widths,
      ),
    );
  }
  return out.result();
}
