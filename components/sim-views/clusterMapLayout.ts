// Where everything on the cluster map sits, in CSS pixels of the container (the SVG's viewBox is the measured
// width, so a label's font size is its size on screen). Wide: producers on the left, brokers in the middle
// (in as many columns as fit), consumer groups on the right. Narrow (a phone): producers above, one broker,
// groups below. Every size derives from the font size, so presenter mode (20 px) scales the whole picture.
import { scaleBand } from 'd3-scale';
import type { MapAnchor } from './clusterMapMarks';
import type { ClusterMapModel, MapBroker, MapGroup, MapProducer, MapReplica } from './clusterMapModel';

export type Box = { x: number; y: number; w: number; h: number };
export type Point = { x: number; y: number };

export type ReplicaSlot = Box & { replica: MapReplica; log: Box };
export type BrokerSlot = Box & { broker: MapBroker; replicas: ReplicaSlot[] };
export type ProducerSlot = Box & { producer: MapProducer };
export type MemberSlot = Box & { name: string; chips: Array<Box & { tp: string }> };
export type GroupSlot = Box & { group: MapGroup; members: MemberSlot[] };

export type MapLayout = {
  width: number;
  height: number;
  font: number;
  /** wide: three columns; stacked: producers, brokers, groups one above the other; narrow: one broker. */
  mode: 'wide' | 'stacked' | 'narrow';
  narrow: boolean;
  producers: ProducerSlot[];
  brokers: BrokerSlot[];
  groups: GroupSlot[];
  /** Column headings (wide layout only). */
  headings: Array<{ x: number; y: number; text: string }>;
};

export type LayoutOptions = {
  width: number;
  /** Smallest label's size in px: 12 on a laptop, 20 in presenter mode. */
  font: number;
  /** Narrow layout: the broker to show (the first one when absent or unknown). */
  broker?: number | null;
};

/** Below this many font sizes of width the three columns do not fit: producers, brokers, groups stack. */
const STACKED_EM = 50;
/** Below this many, only one broker fits legibly: the phone layout. */
const NARROW_EM = 32;

/** Approximate width of a text in px (system sans-serif, digits and lower case). */
export const textWidth = (text: string, font: number): number => text.length * font * 0.58;

/**
 * An offset as the map prints it beside a log: exact below 10,000, then in thousands (rounded down, so the HW is
 * never overstated) and millions: at most four characters, so the row's numbers have a bounded width. The exact
 * figures stay in the replica's accessible name and the text summary.
 */
export function offsetLabel(offset: number): string {
  if (offset < 10_000) return String(offset);
  if (offset < 1_000_000) return `${Math.floor(offset / 1000)}k`;
  if (offset < 10_000_000) return `${(Math.floor(offset / 100_000) / 10).toFixed(1)}M`;
  return `${Math.floor(offset / 1_000_000)}M`;
}

/** The widest "HW n · LEO n" text offsetLabel can produce: four characters a number. */
const WIDEST_NUMBERS = 'HW 9999 · LEO 9999';

/**
 * The widths a replica row needs for its label and its "HW n · LEO n" text, from the longest ones drawn, and the
 * width planned for that text whatever the offsets become (the broker columns are chosen from that one, so a
 * growing log never drops the map from three broker columns to two).
 */
export type RowMetrics = { labelW: number; numbersW: number; plannedNumbersW: number };

export function rowMetrics(model: ClusterMapModel, font: number): RowMetrics {
  const replicas = model.brokers.flatMap((b) => b.replicas);
  const longest = replicas.reduce((m, r) => Math.max(m, r.tp.length), 8);
  const hw = replicas.reduce((m, r) => Math.max(m, r.highWatermark), 0);
  const leo = replicas.reduce((m, r) => Math.max(m, r.logEndOffset), 0);
  return {
    // badge + gap + the partition's name (bold runs a little wider)
    labelW: font * 1.9 + textWidth('x'.repeat(longest), font) * 1.08,
    numbersW: textWidth(`HW ${offsetLabel(hw)} · LEO ${offsetLabel(leo)}`, font) + font * 0.6,
    plannedNumbersW: textWidth(WIDEST_NUMBERS, font) + font * 0.6,
  };
}

/**
 * Narrowest a broker may be beside another: its label, the widest numbers it may ever print and a log of about
 * three cells (more while the offsets are short). Independent of the current offsets, so the columns hold still.
 */
const minBrokerWidth = (m: RowMetrics, font: number) => m.labelW + m.plannedNumbersW + font * 3.6;

function replicaRows(broker: MapBroker, box: Box, font: number, m: RowMetrics): ReplicaSlot[] {
  const rowH = font * 2.3;
  const top = box.y + font * 2.6;
  const logX = box.x + font * 0.4 + m.labelW;
  const logW = Math.max(font * 2.2, box.w - font * 0.8 - m.labelW - m.numbersW - font * 0.4);
  return broker.replicas.map((replica, i) => ({
    replica,
    x: box.x + font * 0.4,
    y: top + i * rowH,
    w: box.w - font * 0.8,
    h: rowH - font * 0.3,
    log: { x: logX, y: top + i * rowH + font * 0.45, w: logW, h: rowH - font * 1.2 },
  }));
}

const brokerHeight = (b: MapBroker, font: number) => font * 3.1 + Math.max(1, b.replicas.length) * font * 2.3;

function layoutBrokers(
  brokers: MapBroker[],
  area: Box,
  font: number,
  m: RowMetrics,
): { slots: BrokerSlot[]; bottom: number } {
  const minW = minBrokerWidth(m, font);
  const inner = 0.06;
  // The most columns whose band (d3's bandwidth: w·(1−p)/(n−p)) still holds a broker's minimum width.
  const fit = Math.floor((area.w * (1 - inner)) / minW + inner);
  const cols = Math.max(1, Math.min(brokers.length, fit));
  const x = scaleBand<number>()
    .domain([...Array(cols).keys()])
    .range([area.x, area.x + area.w])
    // One band takes the whole width (d3 would inset a lone band by its padding).
    .paddingInner(cols > 1 ? inner : 0);
  const gap = font * 0.8;
  const colY = Array.from({ length: cols }, () => area.y);
  const slots = brokers.map((broker) => {
    // Fill the shortest column next, so brokers with many replicas do not stack up on one side.
    const col = colY.indexOf(Math.min(...colY));
    const h = brokerHeight(broker, font);
    const box = { x: x(col) ?? area.x, y: colY[col], w: x.bandwidth(), h };
    colY[col] += h + gap;
    return { ...box, broker, replicas: replicaRows(broker, box, font, m) };
  });
  return { slots, bottom: Math.max(...colY, area.y) - gap };
}

function layoutProducers(producers: MapProducer[], area: Box, font: number, row: boolean): ProducerSlot[] {
  const h = font * 3.6;
  const gap = font * 0.8;
  const list = producers.length > 0 ? producers : [];
  if (row) {
    const w = Math.min(font * 12, (area.w - gap * (list.length - 1)) / Math.max(1, list.length));
    return list.map((producer, i) => ({ producer, x: area.x + i * (w + gap), y: area.y, w, h }));
  }
  return list.map((producer, i) => ({ producer, x: area.x, y: area.y + i * (h + gap), w: area.w, h }));
}

function layoutGroups(groups: MapGroup[], area: Box, font: number): { slots: GroupSlot[]; bottom: number } {
  const gap = font * 0.8;
  const chipH = font * 1.7;
  const chipGap = font * 0.4;
  let y = area.y;
  const slots = groups.map((group) => {
    const top = y;
    let my = y + font * 2.8;
    const members = group.members.map((m) => {
      const rowTop = my;
      let cx = area.x + font * 0.8;
      let cy = rowTop + font * 1.7;
      const chips = m.owned.map((o) => {
        const w = textWidth(`${o.tp} @${o.committed ?? '–'}`, font) + font * 1.2;
        if (cx + w > area.x + area.w - font * 0.4 && cx > area.x + font * 0.8) {
          cx = area.x + font * 0.8;
          cy += chipH + chipGap;
        }
        const chip = { tp: o.tp, x: cx, y: cy, w, h: chipH };
        cx += w + chipGap;
        return chip;
      });
      const bottom = (chips.length > 0 ? cy + chipH : rowTop + font * 1.7 + chipH) + font * 0.5;
      my = bottom;
      return {
        name: m.name,
        chips,
        x: area.x + font * 0.3,
        y: rowTop,
        w: area.w - font * 0.6,
        h: bottom - rowTop,
      };
    });
    const h = Math.max(my, top + font * 4.2) - top + font * 0.4;
    y = top + h + gap;
    return { group, members, x: area.x, y: top, w: area.w, h };
  });
  // With no group the heading still needs a line for "no consumer group".
  return { slots, bottom: slots.length > 0 ? y - gap : area.y + font * 1.6 };
}

export function clusterMapLayout(model: ClusterMapModel, options: LayoutOptions): MapLayout {
  const { width, font } = options;
  const pad = font * 0.5;
  const m = rowMetrics(model, font);
  const mode = width < font * NARROW_EM ? 'narrow' : width < font * STACKED_EM ? 'stacked' : 'wide';
  if (mode !== 'wide') {
    const inner = { x: pad, w: width - 2 * pad };
    const headingGap = font * 2.2;
    const producers = layoutProducers(model.producers, { ...inner, y: pad + headingGap, h: 0 }, font, true);
    const pBottom = pad + headingGap + font * 3.6;
    const shown =
      mode === 'narrow'
        ? [model.brokers.find((b) => b.id === options.broker) ?? model.brokers[0]].filter(
            (b) => b !== undefined,
          )
        : model.brokers;
    const bTop = pBottom + headingGap;
    const brokers = layoutBrokers(shown, { ...inner, y: bTop, h: 0 }, font, m);
    const gTop = brokers.bottom + headingGap;
    const groups = layoutGroups(model.groups, { ...inner, y: gTop, h: 0 }, font);
    return {
      width,
      height: Math.max(groups.bottom, brokers.bottom, gTop) + pad,
      font,
      mode,
      narrow: mode === 'narrow',
      producers,
      brokers: brokers.slots,
      groups: groups.slots,
      headings: [
        { x: pad, y: pad + font, text: 'Producers' },
        { x: pad, y: bTop - font * 0.8, text: mode === 'narrow' ? 'Broker' : 'Brokers' },
        { x: pad, y: gTop - font * 0.8, text: 'Consumer groups' },
      ],
    };
  }
  const producerW = Math.min(font * 13, Math.max(font * 9, width * 0.12));
  const groupW = Math.min(font * 18, Math.max(font * 13, width * 0.2));
  const gap = font * 2.5;
  const top = pad + font * 1.8;
  const middle = {
    x: pad + producerW + gap,
    y: top,
    w: width - 2 * pad - producerW - groupW - 2 * gap,
    h: 0,
  };
  const brokers = layoutBrokers(model.brokers, middle, font, m);
  const producers = layoutProducers(model.producers, { x: pad, y: top, w: producerW, h: 0 }, font, false);
  const groups = layoutGroups(model.groups, { x: width - pad - groupW, y: top, w: groupW, h: 0 }, font);
  const pBottom = producers.reduce((mx, p) => Math.max(mx, p.y + p.h), top);
  return {
    width,
    height: Math.max(brokers.bottom, groups.bottom, pBottom) + pad,
    font,
    mode,
    narrow: false,
    producers,
    brokers: brokers.slots,
    groups: groups.slots,
    headings: [
      { x: pad, y: pad + font, text: 'Producers' },
      { x: middle.x, y: pad + font, text: 'Brokers' },
      { x: width - pad - groupW, y: pad + font, text: 'Consumer groups' },
    ],
  };
}

/** Where a mark starts or ends, or null when the anchor is not drawn (another broker on a phone). */
export function locateAnchor(layout: MapLayout, a: MapAnchor): Point | null {
  switch (a.kind) {
    case 'producer': {
      const p = layout.producers.find((s) => s.producer.name === a.name);
      if (!p) return null;
      return layout.mode === 'wide' ? { x: p.x + p.w, y: p.y + p.h / 2 } : { x: p.x + p.w / 2, y: p.y + p.h };
    }
    case 'replica': {
      for (const b of layout.brokers) {
        if (b.broker.id !== a.broker) continue;
        const r = b.replicas.find((s) => s.replica.tp === a.tp);
        if (!r) continue;
        // The log end: where an append lands and where a fetch reads the newest records.
        const win = logWindow(r.replica, r.log, layout.font);
        return { x: r.log.x + (win.to - win.from) * win.cell, y: r.y + r.h / 2 };
      }
      return null;
    }
    case 'broker': {
      const b = layout.brokers.find((s) => s.broker.id === a.id);
      return b ? { x: b.x + b.w / 2, y: b.y + layout.font * 1.3 } : null;
    }
    case 'group': {
      const g = layout.groups.find((s) => s.group.groupId === a.groupId);
      return g ? { x: g.x + g.w / 2, y: g.y + layout.font * 1.1 } : null;
    }
    case 'member': {
      for (const g of layout.groups) {
        const m = g.members.find((s) => s.name === a.name);
        if (m)
          return layout.mode === 'wide'
            ? { x: m.x, y: m.y + layout.font * 1.1 }
            : { x: m.x + m.w / 2, y: m.y };
      }
      return null;
    }
  }
}

/** The offsets a replica's small log shows: the newest ones that fit, from the log start. */
export function logWindow(
  r: MapReplica,
  slot: Box,
  font: number,
): { from: number; to: number; cell: number } {
  const cell = Math.max(font * 0.7, Math.min(font * 1.3, slot.w / 8));
  const capacity = Math.max(1, Math.floor(slot.w / cell));
  const to = r.logEndOffset;
  const from = Math.max(r.logStartOffset, to - capacity);
  return { from, to, cell };
}
