// Burrow's caching evaluator rules (core/internal/evaluator/caching.go), in Burrow's order: only when the current
// lag exceeds allowed-lag: STOP (no commit for longer than the window spans, unless recently caught up), REWIND
// (an offset went backwards and has not recovered), then — only if the lag was never within allowed-lag in the
// window — STALL (committing the same offset) or WARN (lag never decreased). Otherwise OK.
import type { BurrowState, ConsumerOffset } from './storage';
import { fetchConsumer } from './storage';

/** protocol.StatusConstant, ordered from least to most bad. */
export const STATUS_NAMES = ['NOTFOUND', 'OK', 'WARN', 'ERR', 'STOP', 'STALL', 'REWIND'] as const;
export type BurrowStatus = (typeof STATUS_NAMES)[number];
const RANK: Record<BurrowStatus, number> = {
  NOTFOUND: 0,
  OK: 1,
  WARN: 2,
  ERR: 3,
  STOP: 4,
  STALL: 5,
  REWIND: 6,
};

/** Rule 1: if the lag was within allowed-lag at any commit of the window, the period is OK. */
export function isLagAlwaysNotZero(offsets: readonly ConsumerOffset[], allowedLag: number): boolean {
  return !offsets.some((o) => o.lag !== null && o.lag <= allowedLag);
}

/** Rule 2: index of the first commit lower than its predecessor, or -1. */
export function checkIfOffsetsRewind(offsets: readonly ConsumerOffset[]): number {
  for (let i = 1; i < offsets.length; i++) if (offsets[i].offset < offsets[i - 1].offset) return i;
  return -1;
}

/** Rule 2, part 2: a later commit got back to the offset committed before the rewind. */
export function checkIfRewindRecovered(offsets: readonly ConsumerOffset[], rewindIndex: number): boolean {
  const previous = offsets[rewindIndex - 1].offset;
  for (let i = rewindIndex; i < offsets.length; i++) if (offsets[i].offset >= previous) return true;
  return false;
}

/** Rule 3: now − last commit > last commit − first commit (timestamps in ms, `nowS` in seconds as Burrow has it). */
export function checkIfOffsetsStopped(offsets: readonly ConsumerOffset[], nowS: number): boolean {
  const first = offsets[0].timestamp;
  const last = offsets[offsets.length - 1].timestamp;
  return nowS * 1000 - last > last - first;
}

/** Rule 4: every commit in the window is the same offset. */
export function checkIfOffsetsStalled(offsets: readonly ConsumerOffset[]): boolean {
  for (let i = 1; i < offsets.length; i++) if (offsets[i].offset !== offsets[i - 1].offset) return false;
  return true;
}

/** Rule 5: the lag never decreased between consecutive commits (commits without a lag are skipped). */
export function checkIfLagNotDecreasing(offsets: readonly ConsumerOffset[]): boolean {
  let last: number | null = null;
  for (const o of offsets) {
    if (o.lag === null) continue;
    if (last !== null && o.lag < last) return false;
    last = o.lag;
  }
  return true;
}

/** The consumer was caught up in the recent broker offsets (intervals × offset-refresh: minutes). */
export function checkIfRecentLagZero(
  offsets: readonly ConsumerOffset[],
  brokerOffsets: readonly number[],
): boolean {
  const last = offsets[offsets.length - 1].offset;
  return brokerOffsets.some((b) => b <= last);
}

/** Which check decided, for the learner ("STALL: every commit in the window is offset 1000"). */
export type RuleVerdict = { status: Exclude<BurrowStatus, 'NOTFOUND' | 'ERR'>; rule: string };

export function calculatePartitionStatus(
  offsets: readonly ConsumerOffset[],
  brokerOffsets: readonly number[],
  currentLag: number,
  nowS: number,
  allowedLag: number,
): RuleVerdict {
  if (currentLag > allowedLag) {
    if (checkIfOffsetsStopped(offsets, nowS) && !checkIfRecentLagZero(offsets, brokerOffsets))
      return {
        status: 'STOP',
        rule: 'no commit for longer than the window of commits spans, and the consumer was not caught up recently',
      };
    const rewind = checkIfOffsetsRewind(offsets);
    if (rewind > 0 && !checkIfRewindRecovered(offsets, rewind))
      return {
        status: 'REWIND',
        rule: `the committed offset went back (${offsets[rewind - 1].offset} → ${offsets[rewind].offset}) and has not recovered`,
      };
    if (isLagAlwaysNotZero(offsets, allowedLag)) {
      if (checkIfOffsetsStalled(offsets))
        return {
          status: 'STALL',
          rule: `committing but not moving: every commit in the window is offset ${offsets[0].offset}`,
        };
      if (checkIfLagNotDecreasing(offsets))
        return { status: 'WARN', rule: 'the lag never decreased across the window of commits' };
    }
    return { status: 'OK', rule: 'the consumer is making progress' };
  }
  return { status: 'OK', rule: `current lag ${currentLag} is within allowed-lag ${allowedLag}` };
}

export type PartitionStatus = {
  topic: string;
  partition: number;
  owner: string;
  client_id: string;
  status: BurrowStatus;
  start: ConsumerOffset | null;
  end: ConsumerOffset | null;
  current_lag: number;
  complete: number;
  /** Not in Burrow's JSON: the rule that decided (for the lag view). */
  rule: string;
};

export type ConsumerGroupStatus = {
  cluster: string;
  group: string;
  status: BurrowStatus;
  complete: number;
  partitions: PartitionStatus[];
  partition_count: number;
  maxlag: PartitionStatus | null;
  totallag: number;
};

/** evaluatePartitionStatus: strip the leading empty slots, compute `complete`, judge when complete enough. */
export function evaluatePartition(
  p: { offsets: ReadonlyArray<ConsumerOffset | null>; brokerOffsets: readonly number[]; currentLag: number },
  minimumComplete: number,
  allowedLag: number,
  nowS: number,
): Pick<PartitionStatus, 'status' | 'start' | 'end' | 'current_lag' | 'complete' | 'rule'> {
  const out = {
    status: 'OK' as BurrowStatus,
    start: null as ConsumerOffset | null,
    end: null as ConsumerOffset | null,
    current_lag: p.currentLag,
    complete: 0,
    rule: 'no commits stored yet',
  };
  if (p.offsets.length === 0) return out;
  let first = p.offsets.length - 1;
  for (let i = 0; i < p.offsets.length; i++)
    if (p.offsets[i] !== null) {
      first = i;
      break;
    }
  const offsets = p.offsets.slice(first).filter((o): o is ConsumerOffset => o !== null);
  out.complete = offsets.length < p.offsets.length ? Math.fround(offsets.length / p.offsets.length) : 1;
  if (offsets.length === 0) return out;
  out.start = offsets[0];
  out.end = offsets[offsets.length - 1];
  if (out.complete >= minimumComplete) {
    const v = calculatePartitionStatus(offsets, p.brokerOffsets, p.currentLag, nowS, allowedLag);
    out.status = v.status;
    out.rule = v.rule;
  } else
    out.rule = `only ${offsets.length} of ${p.offsets.length} commits stored (minimum-complete ${minimumComplete})`;
  return out;
}

/** The evaluator's answer for a group at virtual time `now` (ms); status NOTFOUND for unknown groups. */
export function evaluateGroup(s: BurrowState, group: string, now: number): ConsumerGroupStatus {
  const topics = fetchConsumer(s, group, now);
  if (!topics)
    return {
      cluster: s.cluster,
      group,
      status: 'NOTFOUND',
      complete: 1,
      partitions: [],
      partition_count: 0,
      maxlag: null,
      totallag: 0,
    };
  const nowS = Math.floor(now / 1000);
  const status: ConsumerGroupStatus = {
    cluster: s.cluster,
    group,
    status: 'OK',
    complete: 1,
    partitions: [],
    partition_count: 0,
    maxlag: null,
    totallag: 0,
  };
  let complete = 0;
  for (const topic of Object.keys(topics)) {
    topics[topic].forEach((p, partition) => {
      status.partition_count++;
      status.totallag += p.currentLag;
      const ps: PartitionStatus = {
        topic,
        partition,
        owner: p.owner,
        client_id: p.clientId,
        ...evaluatePartition(p, s.config.minimumComplete, s.config.allowedLag, nowS),
      };
      // Group status = worst partition, with STOP/STALL/REWIND reported as ERR.
      if (RANK[ps.status] > RANK[status.status])
        status.status = RANK[ps.status] > RANK.ERR ? 'ERR' : ps.status;
      if (status.maxlag === null || ps.current_lag > status.maxlag.current_lag) status.maxlag = ps;
      if (ps.complete === 1) complete++;
      status.partitions.push(ps);
    });
  }
  status.complete = status.partition_count > 0 ? Math.fround(complete / status.partition_count) : 0;
  return status;
}

/** The /status view: only partitions worse than OK (getConsumerStatus without ShowAll). */
export function statusOnly(g: ConsumerGroupStatus): ConsumerGroupStatus {
  return { ...g, partitions: g.partitions.filter((p) => RANK[p.status] > RANK.OK) };
}
