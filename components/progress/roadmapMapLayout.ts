import { scaleBand } from 'd3-scale';
import type { ModelLevel, ModelSection, ModelTopic } from '@/lib/progress/model.server';

// Where each level's sections (the map's lines) and topics (its stops) go, in SVG user units. Pure geometry: it
// depends on the curriculum only, never on the learner's progress, so the picture has its final size before stored
// progress is read (no layout shift). Two shapes: `vertical` (one line down the page, for phones and tablets) and
// `wide` (a level's sections side by side, joined by transfer lines, for desktops and projectors). Computed at
// build time (app/roadmap/page.tsx), so neither it nor d3-scale ships to the browser.

export type MapMode = 'vertical' | 'wide';
export type Point = readonly [number, number];

export type StopLayout = {
  topic: ModelTopic;
  x: number;
  y: number;
  /** The label broken into lines; every line but the last keeps its trailing space, so the text reads whole. */
  lines: string[];
};

export type SectionLayout = {
  section: ModelSection;
  /** The x of the section's line; labels start at `labelX`. */
  x: number;
  labelX: number;
  /** The interchange marker where the line starts, beside the section's title. */
  markerY: number;
  titleLines: string[];
  tallyY: number;
  stops: StopLayout[];
  /** Drawn small, stops without labels: a section beside the one a lesson map is focused on. */
  collapsed?: boolean;
};

export type Connector = {
  points: Point[];
  /** The section whose last stop the connector leaves from: it counts as travelled once that stop is behind you. */
  fromSection: number;
};

export type LevelLayout = {
  mode: MapMode;
  width: number;
  height: number;
  fontSize: number;
  lineHeight: number;
  titleSize: number;
  sections: SectionLayout[];
  /** Section i's last stop to section i + 1's marker. */
  connectors: Connector[];
  /** The line arriving from the previous level (from the top edge), and leaving for the next (to the bottom edge). */
  entry: Point[] | null;
  exit: Point[] | null;
};

type Metrics = {
  width: number;
  fontSize: number;
  lineHeight: number;
  titleSize: number;
  /** Average advance of one character at `fontSize`, generous so a wrapped line never overruns its column. */
  charWidth: number;
  lineX: number;
  labelGap: number;
  columnGap: number;
};

const METRICS: Record<MapMode, Metrics> = {
  vertical: {
    width: 320,
    fontSize: 15,
    lineHeight: 19,
    titleSize: 16,
    charWidth: 7.5,
    lineX: 16,
    labelGap: 22,
    columnGap: 8,
  },
  wide: {
    width: 1072,
    fontSize: 14,
    lineHeight: 18,
    titleSize: 15,
    charWidth: 7.0,
    lineX: 22,
    labelGap: 22,
    columnGap: 30,
  },
};

/** Sections per row of the wide map; every level uses the same column width so the levels line up. */
export const WIDE_COLUMNS = 3;

const TOP = 26;
const TALLY_ROW = 18;
const STOP_GAP = 14;
const MIN_STOP = 26;
const BOTTOM = 26;

/** Greedy word wrap to `max` characters a line; a word longer than a line is split. */
export function wrapWords(text: string, max: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const raw of text.split(/\s+/).filter(Boolean)) {
    let word = raw;
    while (word.length > max) {
      if (current) {
        lines.push(`${current} `);
        current = '';
      }
      lines.push(word.slice(0, max));
      word = word.slice(max);
    }
    if (!current) current = word;
    else if (current.length + 1 + word.length <= max) current = `${current} ${word}`;
    else {
      lines.push(`${current} `);
      current = word;
    }
  }
  if (current) lines.push(current);
  return lines.length > 0 ? lines : [''];
}

/** Distance between two unlabelled stops of a collapsed section: the drawn stops (r 8.5) just do not touch. */
const COLLAPSED_STEP = 22;

function layoutSection(
  section: ModelSection,
  m: Metrics,
  left: number,
  columnWidth: number,
  top: number,
  collapsed = false,
) {
  const x = left + m.lineX;
  const labelX = x + m.labelGap;
  const chars = Math.max(8, Math.floor((left + columnWidth - m.columnGap - labelX) / m.charWidth));
  const titleChars = Math.floor((chars * m.fontSize) / m.titleSize);
  const titleLines = wrapWords(section.title, titleChars);
  const markerY = top;
  const tallyY = top + (titleLines.length - 1) * m.lineHeight + TALLY_ROW;
  // Each stop sits on its label's first line; the next stop comes after the label's last line.
  let y = tallyY + STOP_GAP + m.lineHeight;
  let bottom = tallyY;
  const stops: StopLayout[] = [];
  if (collapsed) {
    // Unlabelled stops close together: the section's shape and progress, not its topics' names.
    y = tallyY + STOP_GAP + COLLAPSED_STEP / 2;
    for (const topic of section.topics) {
      stops.push({ topic, x, y, lines: [] });
      bottom = y + COLLAPSED_STEP / 2;
      y += COLLAPSED_STEP;
    }
    return { layout: { section, x, labelX, markerY, titleLines, tallyY, stops, collapsed }, bottom };
  }
  for (const topic of section.topics) {
    const lines = wrapWords(topic.title, chars);
    // A topic without a lesson says so on a line of its own.
    const rows = lines.length + (topic.href ? 0 : 1);
    stops.push({ topic, x, y, lines });
    bottom = y - m.lineHeight / 2 + Math.max(MIN_STOP, rows * m.lineHeight);
    y = bottom + STOP_GAP + m.lineHeight / 2;
  }
  return { layout: { section, x, labelX, markerY, titleLines, tallyY, stops }, bottom };
}

export function levelLayout(
  level: ModelLevel,
  mode: MapMode,
  position: { first: boolean; last: boolean },
  /** A lesson's map: this section drawn in full, the level's other sections collapsed (vertical mode only). */
  focusSectionId?: string,
): LevelLayout {
  const m = METRICS[mode];
  const sections: SectionLayout[] = [];
  const connectors: Connector[] = [];
  let height: number;
  if (mode === 'vertical') {
    let top = TOP;
    for (const section of level.sections) {
      const collapsed = focusSectionId !== undefined && section.id !== focusSectionId;
      const { layout, bottom } = layoutSection(section, m, 0, m.width, top, collapsed);
      sections.push(layout);
      top = bottom + STOP_GAP * 2 + m.lineHeight;
    }
    height = top - STOP_GAP * 2 - m.lineHeight + BOTTOM;
    sections.slice(1).forEach((section, i) => {
      const from = sections[i].stops.at(-1);
      if (from)
        connectors.push({
          points: [
            [from.x, from.y],
            [section.x, section.markerY],
          ],
          fromSection: i,
        });
    });
  } else {
    const column = scaleBand<number>()
      .domain([...Array(WIDE_COLUMNS).keys()])
      .range([0, m.width]);
    let bottomMost = 0;
    level.sections.forEach((section, i) => {
      const { layout, bottom } = layoutSection(
        section,
        m,
        column(i % WIDE_COLUMNS) ?? 0,
        column.bandwidth(),
        TOP,
      );
      sections.push(layout);
      bottomMost = Math.max(bottomMost, bottom);
    });
    height = bottomMost + BOTTOM + 10;
    const low = height - 12;
    const high = 10;
    sections.slice(1).forEach((section, i) => {
      const from = sections[i].stops.at(-1);
      if (!from) return;
      // A transfer: down past the column, across, up the gap before the next column, and into its first marker.
      const gapX = (column(i + 1) ?? 0) + 4;
      connectors.push({
        points: [
          [from.x, from.y],
          [from.x, low],
          [gapX, low],
          [gapX, high],
          [section.x, high],
          [section.x, section.markerY],
        ],
        fromSection: i,
      });
    });
  }
  const firstSection = sections[0];
  const lastSection = sections.at(-1);
  const lastStop = lastSection?.stops.at(-1);
  return {
    mode,
    width: m.width,
    height,
    fontSize: m.fontSize,
    lineHeight: m.lineHeight,
    titleSize: m.titleSize,
    sections,
    connectors,
    entry:
      position.first || !firstSection
        ? null
        : [
            [firstSection.x, 0],
            [firstSection.x, firstSection.markerY],
          ],
    exit:
      position.last || !lastStop
        ? null
        : [
            [lastStop.x, lastStop.y],
            [lastStop.x, height],
          ],
  };
}

/** The map a lesson shows: its level in one vertical line, its own section in full, the others collapsed. */
export function lessonMapLayout(levels: readonly ModelLevel[], sectionId: string) {
  const index = levels.findIndex((level) => level.sections.some((section) => section.id === sectionId));
  if (index < 0) return null;
  const level = levels[index];
  const position = { first: index === 0, last: index === levels.length - 1 };
  return { level, layout: levelLayout(level, 'vertical', position, sectionId) };
}

export type RoadmapLayouts = Record<string, Record<MapMode, LevelLayout>>;

/** Both drawings of every level. */
export function roadmapLayouts(levels: readonly ModelLevel[]): RoadmapLayouts {
  return Object.fromEntries(
    levels.map((level, i) => {
      const position = { first: i === 0, last: i === levels.length - 1 };
      return [
        level.id,
        { vertical: levelLayout(level, 'vertical', position), wide: levelLayout(level, 'wide', position) },
      ];
    }),
  );
}
