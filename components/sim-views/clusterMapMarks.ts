// Which simulator events become marks on the cluster map, and in what order they play. Every mark is one typed
// event (never invented): the append at the leader ends the produce request, a follower's fetch copies offsets,
// the HW moves, the ack returns (acks=all: only after the ISR has the batch; acks=1: straight after the append),
// a poll carries records to a member and a commit goes to the group coordinator. The core's order for one record
// is produceRequestSent → recordsAppended → replicaFetched × followers → highWatermarkAdvanced → batchAcknowledged.
import type { SimEvent } from '@/simulator';
import { tpKey } from './readHelpers';

export type MarkStage =
  | 'produce'
  | 'replicate'
  | 'hw'
  | 'ack'
  | 'consume'
  | 'commit'
  | 'leader'
  | 'revoke'
  | 'assign'
  | 'fail';

export type MapAnchor =
  | { kind: 'producer'; name: string }
  | { kind: 'replica'; tp: string; broker: number }
  | { kind: 'member'; name: string }
  | { kind: 'group'; groupId: string }
  | { kind: 'broker'; id: number };

export type Mark = {
  stage: MarkStage;
  from: MapAnchor;
  to: MapAnchor;
  tp: string | null;
  /** First offset the mark carries (or the new HW), null when it carries none. */
  offset: number | null;
  count: number;
  /** Plain words for the live region and the trail: "record offset 3 reached leader broker 1". */
  text: string;
  /** Position in the playback: marks with the same step move together. */
  step: number;
  /** Virtual time of the event. */
  time: number;
};

export type MarkContext = {
  /** The partition's leader now (an acknowledgement names no broker). */
  leaderOf: (tp: string) => number | null;
  /** The group coordinator of a group, or null. */
  coordinatorOf: (groupId: string) => number | null;
  /** The group a consumer client belongs to, or null. */
  groupOf: (consumer: string) => string | null;
  /** The group's rebalance protocol (eager or cooperative), when the view knows it. */
  protocolOf?: (groupId: string) => 'eager' | 'cooperative' | null;
  /** The partitions a member owned before this batch of events, when the view knows them. */
  ownedBefore?: (consumer: string) => readonly string[] | null;
};

/**
 * What each member holds while a batch plays, so a cooperative rebalance moves only what changes owner (KIP-429:
 * a member keeps the partitions it is assigned again and revokes only the ones that move), while an eager one
 * moves everything, since every member revoked all its partitions before rejoining (ConsumerCoordinator,
 * onJoinPrepare).
 */
type Holdings = { held: Map<string, Set<string>>; ctx: MarkContext };

function heldBy(h: Holdings, consumer: string): Set<string> | null {
  const known = h.held.get(consumer);
  if (known) return known;
  const before = h.ctx.ownedBefore?.(consumer);
  if (!before) return null;
  const set = new Set(before);
  h.held.set(consumer, set);
  return set;
}

const plural = (n: number, one: string, many = `${one}s`) => (n === 1 ? one : many);
const offsets = (first: number, last: number) =>
  first === last ? `offset ${first}` : `offsets ${first}–${last}`;

type Draft = Omit<Mark, 'step' | 'time'>;

function draftsFor(e: SimEvent, ctx: MarkContext, h: Holdings): Draft[] {
  switch (e.type) {
    case 'recordsAppended': {
      if (e.producer === null) return [];
      const tp = tpKey(e.topic, e.partition);
      return [
        {
          stage: 'produce',
          from: { kind: 'producer', name: e.producer },
          to: { kind: 'replica', tp, broker: e.broker },
          tp,
          offset: e.baseOffset,
          count: e.count,
          text: `${plural(e.count, 'record')} ${offsets(e.baseOffset, e.lastOffset)} of ${tp} reached leader broker ${e.broker}`,
        },
      ];
    }
    case 'replicaFetched': {
      if (e.count <= 0) return [];
      const tp = tpKey(e.topic, e.partition);
      return [
        {
          stage: 'replicate',
          from: { kind: 'replica', tp, broker: e.leader },
          to: { kind: 'replica', tp, broker: e.follower },
          tp,
          offset: e.fromOffset,
          count: e.count,
          text: `follower broker ${e.follower} fetched ${offsets(e.fromOffset, e.fromOffset + e.count - 1)} of ${tp} from leader broker ${e.leader}`,
        },
      ];
    }
    case 'highWatermarkAdvanced': {
      const tp = tpKey(e.topic, e.partition);
      const at = { kind: 'replica', tp, broker: e.broker } as const;
      return [
        {
          stage: 'hw',
          from: at,
          to: at,
          tp,
          offset: e.to,
          count: e.to - e.from,
          text: `high watermark of ${tp} on broker ${e.broker} moved from ${e.from} to ${e.to}`,
        },
      ];
    }
    case 'batchAcknowledged': {
      const tp = tpKey(e.topic, e.partition);
      const leader = ctx.leaderOf(tp);
      if (leader === null || e.baseOffset < 0) return [];
      return [
        {
          stage: 'ack',
          from: { kind: 'replica', tp, broker: leader },
          to: { kind: 'producer', name: e.producer },
          tp,
          offset: e.baseOffset,
          count: e.count,
          text: `producer ${e.producer} got the acknowledgement for ${offsets(e.baseOffset, e.baseOffset + e.count - 1)} of ${tp}`,
        },
      ];
    }
    case 'produceRejected': {
      const tp = tpKey(e.topic, e.partition);
      return [
        {
          stage: 'fail',
          from: { kind: 'producer', name: e.producer },
          to: { kind: 'replica', tp, broker: e.broker },
          tp,
          offset: null,
          count: 0,
          text: `broker ${e.broker} refused the produce request to ${tp}: ${e.error}`,
        },
      ];
    }
    case 'consumerPolled': {
      const byTp = new Map<string, number[]>();
      for (const r of e.records) {
        const key = tpKey(r.topic, r.partition);
        byTp.set(key, [...(byTp.get(key) ?? []), r.offset]);
      }
      return [...byTp].flatMap(([tp, list]): Draft[] => {
        const leader = ctx.leaderOf(tp);
        if (leader === null) return [];
        const first = Math.min(...list);
        return [
          {
            stage: 'consume',
            from: { kind: 'replica', tp, broker: leader },
            to: { kind: 'member', name: e.consumer },
            tp,
            offset: first,
            count: list.length,
            text: `consumer ${e.consumer} fetched ${plural(list.length, 'record')} ${offsets(first, Math.max(...list))} of ${tp} from leader broker ${leader}`,
          },
        ];
      });
    }
    case 'offsetsCommitted': {
      const coordinator = ctx.coordinatorOf(e.groupId);
      if (e.consumer === null || coordinator === null || coordinator < 0 || e.offsets.length === 0) return [];
      const list = e.offsets.map((o) => `${tpKey(o.topic, o.partition)} at ${o.offset}`).join(', ');
      const only = e.offsets.length === 1 ? e.offsets[0] : null;
      return [
        {
          stage: 'commit',
          from: { kind: 'member', name: e.consumer },
          to: { kind: 'broker', id: coordinator },
          tp: only ? tpKey(only.topic, only.partition) : null,
          offset: only ? only.offset : null,
          count: e.offsets.length,
          text: `consumer ${e.consumer} committed ${list} to the group coordinator, broker ${coordinator}`,
        },
      ];
    }
    case 'groupPartitionsRevoked': {
      // A rebalance: eager members give up everything first; cooperative ones only what moves (KIP-429).
      if (e.partitions.length === 0) return [];
      const list = e.partitions.map((tp) => tpKey(tp.topic, tp.partition));
      const held = heldBy(h, e.label);
      for (const tp of list) held?.delete(tp);
      const protocol = ctx.protocolOf?.(e.groupId) ?? null;
      const text =
        protocol === 'eager'
          ? `consumer ${e.label} gave up all its partitions (${list.join(', ')}) before rejoining: an eager rebalance of ${e.groupId} pauses them all`
          : protocol === 'cooperative'
            ? `consumer ${e.label} gave up only ${list.join(', ')}, which ${list.length === 1 ? 'moves' : 'move'} to another member; in a cooperative rebalance of ${e.groupId} it keeps processing the rest`
            : `consumer ${e.label} gave up ${list.join(', ')} in the rebalance of ${e.groupId}`;
      return [
        {
          stage: 'revoke',
          from: { kind: 'member', name: e.label },
          to: { kind: 'group', groupId: e.groupId },
          tp: list.length === 1 ? list[0] : null,
          offset: null,
          count: list.length,
          text,
        },
      ];
    }
    case 'partitionsAssigned': {
      const groupId = ctx.groupOf(e.consumer);
      if (groupId === null || e.partitions.length === 0) return [];
      const list = e.partitions.map((tp) => tpKey(tp.topic, tp.partition));
      const held = heldBy(h, e.consumer);
      // Cooperative: what the member already holds stays where it is; only the partitions new to it travel.
      // Eager: it revoked everything before rejoining, so all of its assignment travels.
      const cooperative = ctx.protocolOf?.(groupId) === 'cooperative';
      const moved = cooperative && held ? list.filter((tp) => !held.has(tp)) : list;
      const kept = list.filter((tp) => !moved.includes(tp));
      h.held.set(e.consumer, new Set(list));
      if (moved.length === 0) return [];
      return [
        {
          stage: 'assign',
          from: { kind: 'group', groupId },
          to: { kind: 'member', name: e.consumer },
          tp: moved.length === 1 ? moved[0] : null,
          offset: null,
          count: moved.length,
          text: `consumer ${e.consumer} was assigned ${moved.join(', ')} (generation ${e.generationId} of ${groupId})${kept.length > 0 ? `; it keeps ${kept.join(', ')}` : ''}`,
        },
      ];
    }
    case 'leaderChanged': {
      if (e.leader === null || e.previousLeader === null || e.leader === e.previousLeader) return [];
      const tp = tpKey(e.topic, e.partition);
      return [
        {
          stage: 'leader',
          from: { kind: 'replica', tp, broker: e.previousLeader },
          to: { kind: 'replica', tp, broker: e.leader },
          tp,
          offset: null,
          count: 0,
          text: `leadership of ${tp} moved from broker ${e.previousLeader} to broker ${e.leader} (epoch ${e.leaderEpoch})`,
        },
      ];
    }
    default:
      return [];
  }
}

/**
 * The marks of one batch of events, in event order, each with its playback step: a new step starts when the
 * stage or the virtual time changes, so two followers fetching at once move together and the ack waits for them.
 */
export function marksFor(events: readonly SimEvent[], ctx: MarkContext): Mark[] {
  const marks: Mark[] = [];
  let step = -1;
  let last: { stage: MarkStage; time: number } | null = null;
  const holdings: Holdings = { held: new Map(), ctx };
  for (const e of events) {
    for (const d of draftsFor(e, ctx, holdings)) {
      if (!last || last.stage !== d.stage || last.time !== e.time) step++;
      last = { stage: d.stage, time: e.time };
      marks.push({ ...d, step, time: e.time });
    }
  }
  return marks;
}

export const anchorKey = (a: MapAnchor): string => {
  switch (a.kind) {
    case 'producer':
      return `producer ${a.name}`;
    case 'replica':
      return `replica ${a.tp} on broker ${a.broker}`;
    case 'member':
      return `consumer ${a.name}`;
    case 'group':
      return `group ${a.groupId}`;
    case 'broker':
      return `broker ${a.id}`;
  }
};

export type Flow = {
  stage: MarkStage;
  from: MapAnchor;
  to: MapAnchor;
  /** Records per second of virtual time along this path in the batch. */
  rate: number;
  count: number;
  text: string;
};

/**
 * When a batch carries more marks than the eye can follow, the marks of each path merge into one flow whose
 * width is its rate: records over the batch's span of virtual time (at least one second, so a single command
 * that carries many records reads as a burst, not an infinite rate).
 */
export function flowsFor(marks: readonly Mark[]): Flow[] {
  if (marks.length === 0) return [];
  const times = marks.map((m) => m.time);
  const spanMs = Math.max(1000, Math.max(...times) - Math.min(...times));
  const paths = new Map<string, Flow>();
  for (const m of marks) {
    if (m.stage === 'hw' || m.stage === 'leader' || m.stage === 'revoke' || m.stage === 'assign') continue;
    const key = `${m.stage}|${anchorKey(m.from)}|${anchorKey(m.to)}`;
    const records = Math.max(1, m.count);
    const f = paths.get(key);
    if (f) f.count += records;
    else paths.set(key, { stage: m.stage, from: m.from, to: m.to, rate: 0, count: records, text: '' });
  }
  return [...paths.values()].map((f) => {
    const rate = Math.round((f.count / spanMs) * 1000 * 10) / 10;
    return {
      ...f,
      rate,
      text: `${f.count} ${stageNoun[f.stage]} from ${anchorKey(f.from)} to ${anchorKey(f.to)}, ${rate} per second`,
    };
  });
}

const stageNoun: Record<MarkStage, string> = {
  produce: 'records produced',
  replicate: 'records replicated',
  hw: 'high watermark moves',
  ack: 'records acknowledged',
  consume: 'records consumed',
  commit: 'offsets committed',
  leader: 'leadership moves',
  revoke: 'partitions revoked',
  assign: 'partitions assigned',
  fail: 'failed requests',
};

/** Above this many marks in one batch they aggregate into flows. */
export const MAX_MARKS = 24;
