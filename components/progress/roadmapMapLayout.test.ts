import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ModelLevel } from '@/lib/progress/model.server';
import { levelLabel, roadmap } from '@/lib/roadmap';
import { lessonMapLayout, levelLayout, type MapMode, WIDE_COLUMNS, wrapWords } from './roadmapMapLayout';

// The curriculum as the map draws it: every topic, some with a lesson and some without.
const levels: ModelLevel[] = roadmap.levels.map((level) => ({
  id: level.id,
  label: levelLabel(level),
  sections: level.sections.map((section) => ({
    id: section.id,
    title: section.title,
    topics: section.topics.map((topic) => ({
      id: topic.id,
      title: topic.title,
      lesson: topic.lesson,
      href: topic.lesson ? `/learn/${topic.lesson}/` : null,
      minutes: 15,
    })),
  })),
}));
const modes: MapMode[] = ['vertical', 'wide'];
const layoutsOf = (mode: MapMode) =>
  levels.map((level, i) => levelLayout(level, mode, { first: i === 0, last: i === levels.length - 1 }));

describe('wrapWords', () => {
  it('keeps every word, in order, and no line is longer than asked (trailing space aside)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z]{1,14}$/), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 4, max: 40 }),
        (words, max) => {
          const lines = wrapWords(words.join(' '), max);
          expect(lines.join('').replace(/\s+/g, '')).toBe(words.join(''));
          for (const line of lines) expect(line.trimEnd().length).toBeLessThanOrEqual(max);
          // Every line but the last ends in the space that separated it from the next: the text reads whole.
          for (const line of lines.slice(0, -1)) expect(line.endsWith(' ') || line.length === max).toBe(true);
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe.each(modes)('the roadmap map, %s', (mode) => {
  const layouts = layoutsOf(mode);

  it('draws every topic of the roadmap exactly once, in course order', () => {
    const drawn = layouts.flatMap((layout) =>
      layout.sections.flatMap((section) => section.stops.map((stop) => stop.topic.id)),
    );
    const expected = roadmap.levels.flatMap((level) =>
      level.sections.flatMap((section) => section.topics.map((topic) => topic.id)),
    );
    expect(drawn).toEqual(expected);
    expect(drawn).toHaveLength(76);
  });

  it('keeps every stop and label inside the picture, and a label never reaches the next stop', () => {
    for (const layout of layouts) {
      for (const section of layout.sections) {
        section.stops.forEach((stop, i) => {
          const rows = stop.lines.length + (stop.topic.href ? 0 : 1);
          const labelBottom = stop.y + (rows - 0.5) * layout.lineHeight;
          expect(labelBottom).toBeLessThanOrEqual(layout.height);
          expect(stop.x).toBeLessThan(layout.width);
          const next = section.stops[i + 1];
          if (next) expect(next.y - layout.lineHeight / 2).toBeGreaterThanOrEqual(labelBottom);
        });
      }
    }
  });

  it('joins each section to the next in course order, and each level to the next', () => {
    layouts.forEach((layout, i) => {
      expect(layout.connectors).toHaveLength(layout.sections.length - 1);
      for (const connector of layout.connectors) {
        const from = layout.sections[connector.fromSection].stops.at(-1);
        const to = layout.sections[connector.fromSection + 1];
        expect(connector.points[0]).toEqual([from?.x, from?.y]);
        expect(connector.points.at(-1)).toEqual([to.x, to.markerY]);
      }
      expect(layout.entry === null).toBe(i === 0);
      expect(layout.exit === null).toBe(i === layouts.length - 1);
    });
  });
});

describe('the wide map', () => {
  it('gives every level the same column grid, so a level’s sections sit side by side and levels line up', () => {
    for (const layout of layoutsOf('wide')) {
      layout.sections.forEach((section, i) => {
        expect(section.x).toBeCloseTo(layoutsOf('wide')[0].sections[i % WIDE_COLUMNS]?.x ?? section.x);
      });
    }
  });

  it('ends each label before the next column begins', () => {
    for (const layout of layoutsOf('wide')) {
      layout.sections.forEach((section, i) => {
        const nextColumn = layout.sections[i + 1];
        if (!nextColumn) return;
        const longest = Math.max(
          ...section.stops.flatMap((stop) => stop.lines.map((line) => line.trimEnd().length)),
        );
        // 7.7 user units a character at 14 px is the layout's own generous estimate.
        expect(section.labelX + longest * 7.7).toBeLessThan(nextColumn.x - 20);
      });
    }
  });
});

describe('a lesson’s map', () => {
  const lessonSections = levels.flatMap((level) => level.sections.map((section) => section.id));

  it.each(lessonSections)(
    '%s: its level on one line, this section labelled in full, the others collapsed',
    (id) => {
      const placed = lessonMapLayout(levels, id);
      if (!placed) throw new Error(`no map for ${id}`);
      const { level, layout } = placed;
      expect(layout.mode).toBe('vertical');
      expect(layout.sections.map((section) => section.section.id)).toEqual(level.sections.map((s) => s.id));
      for (const section of layout.sections) {
        const focused = section.section.id === id;
        expect(Boolean(section.collapsed)).toBe(!focused);
        for (const stop of section.stops) expect(stop.lines.length > 0).toBe(focused);
        // Collapsed stops (drawn r 8.5) never touch, and everything stays inside the picture.
        section.stops.forEach((stop, i) => {
          const next = section.stops[i + 1];
          if (next) expect(next.y - stop.y).toBeGreaterThanOrEqual(17);
          expect(stop.y + 8.5).toBeLessThanOrEqual(layout.height);
        });
      }
      // The same order and topics as the roadmap's own drawing of that level.
      const full = levelLayout(level, 'vertical', { first: false, last: false });
      expect(layout.sections.flatMap((s) => s.stops.map((stop) => stop.topic.id))).toEqual(
        full.sections.flatMap((s) => s.stops.map((stop) => stop.topic.id)),
      );
      // Collapsing the neighbours is what makes it short enough to sit beside the topic list.
      if (layout.sections.length > 1) expect(layout.height).toBeLessThan(full.height);
    },
  );

  it('has no map for a section that is not on the roadmap', () => {
    expect(lessonMapLayout(levels, 'no-such-section')).toBeNull();
  });
});
