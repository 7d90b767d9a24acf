// Lag in time as kafka-lag-exporter computes it (LookupTable.scala, ConsumerGroupCollector.scala): every poll adds
// the partition's latest offset at the poll time to a sliding table of points; the time at which the group's
// committed offset was the latest offset is interpolated between the two points around it (extrapolated from
// the table's ends otherwise), and time lag = poll time − that predicted time.

export type LagPoint = { offset: number; time: number };

/** lookup-table.memory.size default (kafka-lag-exporter reference.conf) and poll-interval default 30 s. */
export const LOOKUP_TABLE_SIZE = 60;
export const LAG_EXPORTER_POLL_INTERVAL_MS = 30_000;

export type LookupTable = { limit: number; points: LagPoint[] };

export type AddPointResult = 'Inserted' | 'Updated' | 'OutOfOrder' | 'NonMonotonic';
export type LookupResult =
  | { kind: 'TooFewPoints' }
  | { kind: 'LagIsZero' }
  | { kind: 'Prediction'; time: number; extrapolated: boolean };

export function newLookupTable(limit = LOOKUP_TABLE_SIZE): LookupTable {
  return { limit, points: [] };
}

/** Table#addPoint: out-of-order and decreasing points are ignored; a flat run keeps only its two ends. */
export function addPoint(t: LookupTable, p: LagPoint): AddPointResult {
  const last = t.points[t.points.length - 1];
  if (last && last.time >= p.time) return 'OutOfOrder';
  if (last && last.offset > p.offset) return 'NonMonotonic';
  if (
    last &&
    last.offset === p.offset &&
    t.points.length > 1 &&
    t.points[t.points.length - 2].offset === p.offset
  ) {
    t.points[t.points.length - 1] = p;
    return 'Updated';
  }
  if (t.points.length === t.limit) t.points.shift();
  t.points.push(p);
  return 'Inserted';
}

/** Table#lookup: predict when `offset` was the latest offset. */
export function lookup(t: LookupTable, offset: number): LookupResult {
  const pts = t.points;
  if (pts.length > 0 && offset === pts[pts.length - 1].offset) return { kind: 'LagIsZero' };
  if (pts.length < 2) return { kind: 'TooFewPoints' };
  let left = pts[0];
  let right = pts[pts.length - 1];
  let extrapolated = true;
  // Newest pair first, so a flat section answers with its right-hand (latest) end.
  for (let i = pts.length - 1; i > 0; i--) {
    const l = pts[i - 1];
    const r = pts[i];
    if (offset >= l.offset && offset <= r.offset) {
      left = l;
      right = r;
      extrapolated = false;
      break;
    }
  }
  const dx = right.time - left.time;
  const dy = right.offset - left.offset;
  const dY = right.offset - offset;
  return { kind: 'Prediction', time: right.time - (dY * dx) / dy, extrapolated };
}

/** kafka_consumergroup_group_lag_seconds: (poll time − predicted time) / 1000; 0 when caught up; NaN too early. */
export function timeLagSeconds(t: LookupTable, committedOffset: number, pollTime: number): number {
  const r = lookup(t, committedOffset);
  if (r.kind === 'LagIsZero') return 0;
  if (r.kind === 'TooFewPoints') return Number.NaN;
  return (pollTime - r.time) / 1000;
}

/** Tables for every partition: "topic-partition" → table (plain data for the area's state). */
export type LagTables = Record<string, LookupTable>;

export function recordLatestOffset(
  tables: LagTables,
  topic: string,
  partition: number,
  offset: number,
  time: number,
  limit = LOOKUP_TABLE_SIZE,
): AddPointResult {
  const key = `${topic}-${partition}`;
  tables[key] ??= newLookupTable(limit);
  return addPoint(tables[key], { offset, time });
}
