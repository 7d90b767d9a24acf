// Pure transitions of one share-partition (KIP-932), following kafka.server.share.SharePartition:
// acquire, acknowledge, acquisition-lock timeout, member release, and the move of the start offset.
import { validateAcknowledgement, validateAcknowledgementBatches } from './acknowledgementChecks';
import type {
  AcknowledgementBatch,
  AcknowledgeType,
  AcquiredRecords,
  InFlightRecord,
  RecordState,
  ShareAutoOffsetReset,
  ShareGroupConfig,
  SharePartitionEvent,
  SharePartitionState,
  ShareResult,
} from './types';

const tp = (s: SharePartitionState) => `${s.topic}-${s.partition}`;

/**
 * Initialises a share-partition the first time the group fetches it: share.auto.offset.reset=latest starts at the
 * log end offset (only records produced from now on are delivered), earliest at the log start offset (KIP-932,
 * GroupConfig share.auto.offset.reset).
 */
export function initSharePartition(args: {
  groupId: string;
  topic: string;
  partition: number;
  logStartOffset: number;
  logEndOffset: number;
  autoOffsetReset: ShareAutoOffsetReset;
}): SharePartitionState {
  const start = args.autoOffsetReset === 'latest' ? args.logEndOffset : args.logStartOffset;
  return {
    groupId: args.groupId,
    topic: args.topic,
    partition: args.partition,
    startOffset: start,
    endOffset: start,
    inFlight: [],
  };
}

/** The offset the next fetch reads from the log: past SPEO, or SPSO when nothing is in flight. */
function nextNewOffset(s: SharePartitionState): number {
  return s.inFlight.length === 0 ? s.startOffset : s.endOffset + 1;
}

/**
 * The next fetch offset of SharePartition#nextFetchOffset: the first AVAILABLE in-flight record (a redelivery),
 * else the first offset not yet in flight.
 */
export function nextFetchOffset(s: SharePartitionState): number {
  const available = s.inFlight.find((r) => r.state === 'AVAILABLE');
  return available ? available.offset : nextNewOffset(s);
}

/** Number of records between SPSO and SPEO, the quantity group.share.partition.max.record.locks bounds. */
export function inFlightCount(s: SharePartitionState): number {
  return s.inFlight.length === 0 ? 0 : s.endOffset - s.startOffset + 1;
}

function toRanges(records: InFlightRecord[]): AcquiredRecords[] {
  const out: AcquiredRecords[] = [];
  for (const r of records) {
    const last = out[out.length - 1];
    if (last && last.lastOffset + 1 === r.offset && last.deliveryCount === r.deliveryCount) {
      last.lastOffset = r.offset;
    } else {
      out.push({ firstOffset: r.offset, lastOffset: r.offset, deliveryCount: r.deliveryCount });
    }
  }
  return out;
}

function describeRanges(ranges: AcquiredRecords[]): string {
  return ranges
    .map((r) => (r.firstOffset === r.lastOffset ? `${r.firstOffset}` : `${r.firstOffset}-${r.lastOffset}`))
    .join(', ');
}

/**
 * SharePartition#acquire for one member. AVAILABLE in-flight records are re-acquired first (redeliveries), then new
 * records from the log up to `logEndOffset` (exclusive; the high watermark). Each acquisition increments the
 * delivery count and takes an acquisition lock for group.share.record.lock.duration.ms. New records are only
 * fetched while fewer than group.share.partition.max.record.locks records are in flight
 * (SharePartition#canAcquireRecords).
 */
export function acquire(
  s: SharePartitionState,
  req: { memberId: string; maxRecords: number; logEndOffset: number; nowMs: number },
  config: ShareGroupConfig,
): ShareResult<AcquiredRecords[]> {
  if (req.maxRecords <= 0) return { ok: true, state: s, value: [], events: [] };
  const lockExpiresAtMs = req.nowMs + config.recordLockDurationMs;
  const acquired: InFlightRecord[] = [];
  const inFlight = s.inFlight.map((r) => {
    if (acquired.length >= req.maxRecords || r.state !== 'AVAILABLE') return r;
    const next: InFlightRecord = {
      ...r,
      state: 'ACQUIRED',
      deliveryCount: r.deliveryCount + 1,
      memberId: req.memberId,
      lockExpiresAtMs,
    };
    acquired.push(next);
    return next;
  });
  let endOffset = s.endOffset;
  const startOffset = s.startOffset;
  let offset = nextNewOffset(s);
  // Simplification: the broker checks the lock limit once before fetching and may overshoot by a batch;
  // here every new record is counted against it.
  while (
    acquired.length < req.maxRecords &&
    offset < req.logEndOffset &&
    offset - startOffset < config.partitionMaxRecordLocks
  ) {
    const rec: InFlightRecord = {
      offset,
      state: 'ACQUIRED',
      deliveryCount: 1,
      memberId: req.memberId,
      lockExpiresAtMs,
    };
    inFlight.push(rec);
    acquired.push(rec);
    endOffset = offset;
    offset += 1;
  }
  if (acquired.length === 0) return { ok: true, state: s, value: [], events: [] };
  acquired.sort((a, b) => a.offset - b.offset);
  const ranges = toRanges(acquired);
  const redelivered = acquired.filter((r) => r.deliveryCount > 1).length;
  const state: SharePartitionState = { ...s, endOffset, inFlight };
  const event: SharePartitionEvent = {
    type: 'shareRecordsAcquired',
    reason:
      `${req.memberId} acquired ${acquired.length} record(s) of ${tp(s)} (offsets ${describeRanges(ranges)})` +
      (redelivered > 0 ? `, ${redelivered} of them redelivered` : '') +
      `; they are locked to it until t=${lockExpiresAtMs} ms (group.share.record.lock.duration.ms=${config.recordLockDurationMs})`,
    memberId: req.memberId,
    records: ranges,
  };
  return { ok: true, state, value: ranges, events: [event] };
}

/**
 * The state a record moves to when it is given back (RELEASE, lock timeout, member leaving): AVAILABLE again,
 * unless it has already been delivered group.share.delivery.count.limit times, then ARCHIVED
 * (SharePartition.InFlightState#tryUpdateState), or it lies below SPSO, then ARCHIVED too.
 */
function releasedState(r: InFlightRecord, s: SharePartitionState, config: ShareGroupConfig): RecordState {
  if (r.offset < s.startOffset) return 'ARCHIVED';
  return r.deliveryCount >= config.deliveryCountLimit ? 'ARCHIVED' : 'AVAILABLE';
}

function targetState(
  type: AcknowledgeType,
  r: InFlightRecord,
  s: SharePartitionState,
  config: ShareGroupConfig,
): RecordState {
  switch (type) {
    case 'ACCEPT':
      return 'ACKNOWLEDGED';
    case 'REJECT':
      return 'ARCHIVED';
    case 'RELEASE':
      return releasedState(r, s, config);
  }
}

function archivedEvent(
  r: InFlightRecord,
  s: SharePartitionState,
  config: ShareGroupConfig,
): SharePartitionEvent {
  return {
    type: 'shareRecordArchived',
    reason:
      `record ${tp(s)}@${r.offset} archived: it was delivered ${r.deliveryCount} time(s), ` +
      `group.share.delivery.count.limit=${config.deliveryCountLimit}, so it is never redelivered`,
    offset: r.offset,
    deliveryCount: r.deliveryCount,
  };
}

/**
 * SharePartition#acknowledge. Atomic like the broker's (which rolls back on any failure): every offset must be in
 * flight, ACQUIRED, and locked by this member, else the whole request fails (INVALID_RECORD_STATE or INVALID_REQUEST)
 * and nothing changes. Offsets below SPSO are skipped ("already archived"). ACCEPT → ACKNOWLEDGED, REJECT → ARCHIVED,
 * RELEASE → AVAILABLE (or ARCHIVED at the delivery-count limit). Then SPSO moves if it can.
 */
export function acknowledge(
  s: SharePartitionState,
  req: { memberId: string; batches: AcknowledgementBatch[] },
  config: ShareGroupConfig,
): ShareResult<undefined> {
  const malformed = validateAcknowledgementBatches(req.batches);
  if (malformed) return { ok: false, error: malformed };
  const byOffset = new Map<number, AcknowledgeType>();
  let repeated = false;
  for (const b of req.batches) {
    for (let o = Math.max(b.firstOffset, s.startOffset); o <= b.lastOffset; o++) {
      repeated ||= byOffset.has(o);
      byOffset.set(o, b.type);
    }
  }
  const rejected = validateAcknowledgement(s, req, byOffset, repeated);
  if (rejected) return { ok: false, error: rejected };
  const events: SharePartitionEvent[] = [];
  const inFlight = s.inFlight.map((r) => {
    const type = byOffset.get(r.offset);
    if (type === undefined) return r;
    const newState = targetState(type, r, s, config);
    const next: InFlightRecord = { ...r, state: newState, memberId: null, lockExpiresAtMs: null };
    events.push({
      type: 'shareRecordAcknowledged',
      reason: ackReason(type, newState, r, s),
      memberId: req.memberId,
      offset: r.offset,
      acknowledgeType: type,
      newState,
    });
    if (type === 'RELEASE' && newState === 'ARCHIVED') events.push(archivedEvent(r, s, config));
    return next;
  });
  const advanced = advanceStartOffset({ ...s, inFlight });
  return { ok: true, state: advanced.state, value: undefined, events: [...events, ...advanced.events] };
}

function ackReason(
  type: AcknowledgeType,
  newState: RecordState,
  r: InFlightRecord,
  s: SharePartitionState,
): string {
  const rec = `record ${tp(s)}@${r.offset}`;
  switch (type) {
    case 'ACCEPT':
      return `${r.memberId} accepted ${rec}: processed, it will not be delivered again`;
    case 'REJECT':
      return `${r.memberId} rejected ${rec}: unprocessable, it is archived and never redelivered`;
    case 'RELEASE':
      return newState === 'AVAILABLE'
        ? `${r.memberId} released ${rec}: it is available again for any member (delivery ${r.deliveryCount} so far)`
        : `${r.memberId} released ${rec}, but it has no delivery attempts left`;
  }
}

/**
 * The acquisition-lock timer (SharePartition#releaseAcquisitionLockOnTimeout): every ACQUIRED record whose lock
 * expired by `nowMs` goes back to AVAILABLE for any member, or to ARCHIVED once the delivery-count limit is used up.
 */
export function expireAcquisitionLocks(
  s: SharePartitionState,
  nowMs: number,
  config: ShareGroupConfig,
): ShareResult<number[]> {
  const expired: number[] = [];
  const events: SharePartitionEvent[] = [];
  const inFlight = s.inFlight.map((r) => {
    if (r.state !== 'ACQUIRED' || r.lockExpiresAtMs === null || r.lockExpiresAtMs > nowMs) return r;
    const newState = releasedState(r, s, config);
    expired.push(r.offset);
    events.push({
      type: 'shareAcquisitionLockExpired',
      reason:
        `${r.memberId}'s lock on ${tp(s)}@${r.offset} expired at t=${r.lockExpiresAtMs} ms without an acknowledgement` +
        (newState === 'AVAILABLE' ? '; the record is available for redelivery' : ''),
      memberId: r.memberId ?? '',
      offset: r.offset,
      newState,
    });
    if (newState === 'ARCHIVED') events.push(archivedEvent(r, s, config));
    return { ...r, state: newState, memberId: null, lockExpiresAtMs: null };
  });
  if (expired.length === 0) return { ok: true, state: s, value: [], events: [] };
  const advanced = advanceStartOffset({ ...s, inFlight });
  return { ok: true, state: advanced.state, value: expired, events: [...events, ...advanced.events] };
}

/**
 * SharePartition#releaseAcquiredRecords: when a member leaves the group (or closes its share session) its acquired
 * records are released at once, without waiting for the lock to expire; the delivery-count limit still applies.
 */
export function releaseMemberRecords(
  s: SharePartitionState,
  memberId: string,
  config: ShareGroupConfig,
): ShareResult<number[]> {
  const released: number[] = [];
  const archived: SharePartitionEvent[] = [];
  const inFlight = s.inFlight.map((r) => {
    if (r.state !== 'ACQUIRED' || r.memberId !== memberId) return r;
    const newState = releasedState(r, s, config);
    released.push(r.offset);
    if (newState === 'ARCHIVED') archived.push(archivedEvent(r, s, config));
    return { ...r, state: newState, memberId: null, lockExpiresAtMs: null };
  });
  if (released.length === 0) return { ok: true, state: s, value: [], events: [] };
  const event: SharePartitionEvent = {
    type: 'shareRecordsReleased',
    reason: `${memberId} left the share group; its ${released.length} acquired record(s) of ${tp(s)} are released to the other members`,
    memberId,
    offsets: released,
  };
  const advanced = advanceStartOffset({ ...s, inFlight });
  return {
    ok: true,
    state: advanced.state,
    value: released,
    events: [event, ...archived, ...advanced.events],
  };
}

/**
 * SharePartition#maybeUpdateCachedStateAndOffsets: SPSO moves past the leading run of ACKNOWLEDGED / ARCHIVED
 * records, which leave the in-flight set; when every in-flight record is done, SPSO = SPEO = last offset + 1.
 */
export function advanceStartOffset(s: SharePartitionState): {
  state: SharePartitionState;
  events: SharePartitionEvent[];
} {
  let i = 0;
  while (i < s.inFlight.length && isTerminal(s.inFlight[i].state)) i++;
  if (i === 0) return { state: s, events: [] };
  const inFlight = s.inFlight.slice(i);
  const to = inFlight.length === 0 ? s.inFlight[i - 1].offset + 1 : inFlight[0].offset;
  const endOffset = inFlight.length === 0 ? to : s.endOffset;
  const state: SharePartitionState = { ...s, startOffset: to, endOffset, inFlight };
  return {
    state,
    events: [
      {
        type: 'shareStartOffsetAdvanced',
        reason: `share-partition start offset of ${tp(s)} moved ${s.startOffset} → ${to}: every record below it is acknowledged or archived`,
        from: s.startOffset,
        to,
      },
    ],
  };
}

export function isTerminal(state: RecordState): boolean {
  return state === 'ACKNOWLEDGED' || state === 'ARCHIVED';
}

/** The earliest lock expiry, so an engine task can schedule the timer without polling. */
export function nextLockExpiryMs(s: SharePartitionState): number | null {
  let min: number | null = null;
  for (const r of s.inFlight) {
    if (r.lockExpiresAtMs !== null && (min === null || r.lockExpiresAtMs < min)) min = r.lockExpiresAtMs;
  }
  return min;
}
