// kafka-consumer-groups.sh --reset-offsets (KIP-122): only for inactive groups (Empty or unknown),
// scope --topic T[:p,...] or --all-topics, one scenario, dry-run by default, `--execute` commits.
// Output: GROUP / TOPIC / PARTITION / NEW-OFFSET in %-30s %-30s %-10s %-15s columns.

import { columns, tp } from '../format';
import { errorText } from '../kafkaErrors';
import type { ParsedOptions } from '../options';
import type { CommandOutput, Output } from '../output';
import type { ToolContext } from '../tool';

type Target = { topic: string; partition: number };

/** ISO-8601 duration PnDTnHnMnS (as Java's Duration.parse accepts) to ms. */
export function parseIsoDuration(text: string): number | null {
  const m = /^([-+]?)P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(text.trim());
  if (!m || text.trim().toUpperCase() === 'P' || /T$/i.test(text.trim())) return null;
  const [, sign, d, h, mi, s] = m;
  const ms = ((Number(d ?? 0) * 24 + Number(h ?? 0)) * 60 + Number(mi ?? 0)) * 60_000 + Number(s ?? 0) * 1000;
  return sign === '-' ? -ms : ms;
}

type ResetPlan = Map<string, Array<{ topic: string; partition: number; offset: number }>>;

/**
 * ConsumerGroupService#parseResetPlan: one record per line. With a single --group and a first line of three
 * columns (CsvRecordNoGroup) every line is topic,partition,offset for that group; otherwise every line is
 * group,topic,partition,offset (CsvRecordWithGroup). A string is the failure's message (simplified: Jackson's
 * own texts are longer).
 */
export function parseResetPlan(text: string, singleGroup: string | null): ResetPlan | string {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const noGroup = singleGroup !== null && lines.length > 0 && lines[0].split(',').length === 3;
  const plan: ResetPlan = new Map();
  for (const line of lines) {
    const cols = line.split(',').map((c) => c.trim());
    const want = noGroup ? 3 : 4;
    if (cols.length > want)
      return `com.fasterxml.jackson.dataformat.csv.CsvReadException: Too many entries: expected at most ${want} (line '${line}')`;
    const [group, topic, partition, offset] = noGroup ? [singleGroup, ...cols] : cols;
    if (!/^-?\d+$/.test(partition ?? '') || !/^-?\d+$/.test(offset ?? ''))
      return `com.fasterxml.jackson.databind.exc.InvalidFormatException: Cannot deserialize line '${line}': partition and offset must be numbers`;
    const list = plan.get(group ?? '') ?? [];
    list.push({ topic: topic ?? '', partition: Number(partition), offset: Number(offset) });
    plan.set(group ?? '', list);
  }
  return plan;
}

export function resetOffsets(
  o: ParsedOptions,
  groupIds: string[],
  ctx: ToolContext,
  out: Output,
): CommandOutput {
  const scenario = [
    'to-offset',
    'shift-by',
    'to-datetime',
    'by-duration',
    'to-earliest',
    'to-latest',
    'to-current',
    'from-file',
  ].find((s) => o.has(s));
  if (!o.has('topic') && !o.has('all-topics') && scenario !== 'from-file') {
    return out.fail('One of the reset scopes should be defined: --all-topics, --topic.').result();
  }
  if (!scenario) {
    return out
      .fail(
        'Option [reset-offsets] takes one of these options: [to-offset], [shift-by], [to-datetime], [by-duration], [to-earliest], [to-latest], [to-current], [from-file]',
      )
      .result();
  }
  const execute = o.has('execute');
  const exportCsv = o.has('export');
  // ConsumerGroupService#exportOffsetsToCsv / #parseResetPlan: topic,partition,offset when exactly one
  // --group is given, group,topic,partition,offset otherwise (--all-groups, several --group).
  const singleGroup = o.values('group').length === 1;
  let filePlan: ResetPlan | null = null;
  for (const groupId of groupIds) {
    const g = ctx.read.group(groupId);
    if (g && g.state !== 'Empty' && g.state !== 'Dead') {
      out.fail(
        `\nError: Assignments can only be reset if the group '${groupId}' is inactive, but the current state is ${g.state}.`,
      );
      continue;
    }
    // Partitions in scope.
    const targets: Target[] = [];
    const requested = new Map<string, number>();
    if (scenario === 'from-file') {
      if (filePlan === null) {
        const path = o.value('from-file') ?? '';
        const text = ctx.read.file(path);
        if (text === null) {
          out.line();
          out.line(
            `Error: Executing consumer group command failed due to java.nio.file.NoSuchFileException: ${path}`,
          );
          return out.result();
        }
        const parsed = parseResetPlan(text, singleGroup ? (o.value('group') ?? '') : null);
        if (typeof parsed === 'string') {
          out.line();
          out.line(`Error: Executing consumer group command failed due to ${parsed}`);
          return out.result();
        }
        filePlan = parsed;
      }
      const forGroup = filePlan.get(groupId);
      if (!forGroup) {
        out.line();
        out.line(`Error: No reset plan for group ${groupId} found`);
        continue;
      }
      for (const r of forGroup) {
        if (!ctx.read.topic(r.topic)?.partitions.some((q) => q.partition === r.partition)) {
          // Simplified: the tool's ListOffsets for a missing partition fails; it is reported as the command's failure.
          out.fail(
            `\nError: Executing consumer group command failed due to org.apache.kafka.common.errors.UnknownTopicOrPartitionException: This server does not host this topic-partition.`,
          );
          return out.result();
        }
        targets.push({ topic: r.topic, partition: r.partition });
        requested.set(`${r.topic}\u0000${r.partition}`, r.offset);
      }
    } else if (o.has('all-topics')) {
      for (const x of g?.offsets ?? []) targets.push({ topic: x.topic, partition: x.partition });
    } else {
      for (const spec of o.values('topic')) {
        const colon = spec.indexOf(':');
        const topic = colon < 0 ? spec : spec.slice(0, colon);
        const t = ctx.read.topic(topic);
        if (!t) {
          out.fail(
            `\nError: Executing consumer group command failed due to org.apache.kafka.common.errors.UnknownTopicOrPartitionException: This server does not host this topic-partition.`,
          );
          return out.result();
        }
        if (colon < 0) for (const p of t.partitions) targets.push({ topic, partition: p.partition });
        else {
          for (const p of spec.slice(colon + 1).split(',')) {
            const n = Number(p.trim());
            if (!/^\d+$/.test(p.trim()) || !t.partitions.some((q) => q.partition === n)) {
              out.fail(
                `\nError: Executing consumer group command failed due to org.apache.kafka.common.errors.UnknownTopicOrPartitionException: This server does not host this topic-partition.`,
              );
              return out.result();
            }
            targets.push({ topic, partition: n });
          }
        }
      }
    }
    const committed = new Map((g?.offsets ?? []).map((x) => [`${x.topic}\u0000${x.partition}`, x.offset]));
    const plan: Array<Target & { offset: number }> = [];
    for (const t of targets) {
      const p = ctx.read.topic(t.topic)?.partitions.find((q) => q.partition === t.partition);
      if (!p) continue;
      const earliest = p.logStartOffset;
      const latest = p.highWatermark;
      const current = committed.get(`${t.topic}\u0000${t.partition}`);
      const clamp = (wanted: number): number => {
        if (wanted < earliest) {
          out.warn(
            `New offset (${wanted}) is lower than earliest offset for topic partition ${tp(t.topic, t.partition)}. Value will be set to ${earliest}`,
          );
          return earliest;
        }
        if (wanted > latest) {
          out.warn(
            `New offset (${wanted}) is higher than latest offset for topic partition ${tp(t.topic, t.partition)}. Value will be set to ${latest}`,
          );
          return latest;
        }
        return wanted;
      };
      let offset: number;
      switch (scenario) {
        case 'to-earliest':
          offset = earliest;
          break;
        case 'to-latest':
          offset = latest;
          break;
        case 'to-offset':
          offset = clamp(o.int('to-offset') ?? 0);
          break;
        case 'shift-by':
          offset = clamp((current ?? latest) + (o.int('shift-by') ?? 0));
          break;
        case 'to-current':
          offset = current ?? latest;
          break;
        case 'from-file':
          // checkOffsetsRange: each requested offset is clamped to [log start, log end].
          offset = clamp(requested.get(`${t.topic}\u0000${t.partition}`) ?? latest);
          break;
        default: {
          // to-datetime / by-duration: first offset whose timestamp >= the target time.
          let time: number;
          if (scenario === 'by-duration') {
            const d = parseIsoDuration(o.value('by-duration') ?? '');
            if (d === null)
              return out
                .fail(`Error parsing duration ${o.value('by-duration')}: use PnDTnHnMnS, e.g. PT10M.`)
                .result();
            time = ctx.read.now() - d;
          } else {
            const raw = o.value('to-datetime') ?? '';
            const parsed = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(raw) ? raw : `${raw}Z`);
            if (Number.isNaN(parsed)) {
              return out
                .fail(
                  `Error parsing timestamp. It does not match the expected format: ${raw}. Use YYYY-MM-DDTHH:mm:SS.sss.`,
                )
                .result();
            }
            time = parsed;
          }
          offset = ctx.read.offsetForTime(t.topic, t.partition, time) ?? latest;
        }
      }
      plan.push({ ...t, offset });
    }
    plan.sort((a, b) => (a.topic === b.topic ? a.partition - b.partition : a.topic < b.topic ? -1 : 1));
    if (execute && plan.length > 0) {
      const res = ctx.port.commitGroupOffsets(groupId, plan);
      if (!res.ok) {
        out.fail(
          `\nError: Executing consumer group command failed due to org.apache.kafka.common.errors.${errorText(res.error)}`,
        );
        continue;
      }
    }
    if (exportCsv) {
      for (const r of plan)
        out.line(`${singleGroup ? '' : `${groupId},`}${r.topic},${r.partition},${r.offset}`);
      continue;
    }
    const widths = [30, 30, 10, 15];
    if (plan.length > 0) {
      out.line();
      out.line(columns(['GROUP', 'TOPIC', 'PARTITION', 'NEW-OFFSET'], widths));
      for (const r of plan)
        out.line(columns([groupId, r.topic, String(r.partition), String(r.offset)], widths));
    } else out.line();
  }
  return out.result();
}
