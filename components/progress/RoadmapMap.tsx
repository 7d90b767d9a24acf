'use client';

import { line } from 'd3-shape';
import type { KeyboardEvent } from 'react';
import { statusLabels, type TopicStatus, tally } from '@/lib/progress';
import type { ModelLevel } from '@/lib/progress/model.server';
import type { LevelLayout, MapMode, Point, StopLayout } from './roadmapMapLayout';

/** A topic without a lesson says so on its own line. */
const NOT_YET = '(not yet available)';

import type { CurriculumProgress } from './useCurriculumProgress';

// One level of the roadmap drawn as a metro map: each section a line, each topic a stop on it, the lines joined in
// course order. React owns every SVG element; d3 only computes the geometry (scales in the layout, path strings
// here). The stop's circle is a button opening the status menu; the title is a link to the topic in its lesson.
// Progress only recolours (status of each stop, travelled stretches of line); the geometry never moves.

const path = line<Point>()
  .x((point) => point[0])
  .y((point) => point[1]);

export type OpenMenu = { topicId: string; mode: MapMode };

const circleClass: Record<TopicStatus | 'unknown', string> = {
  unknown: 'fill-white stroke-slate-400 dark:fill-slate-900 dark:stroke-slate-500',
  'not-started': 'fill-white stroke-slate-500 dark:fill-slate-900 dark:stroke-slate-400',
  'in-progress': 'fill-white stroke-amber-600 dark:fill-slate-900 dark:stroke-amber-400',
  done: 'fill-emerald-600 stroke-emerald-700 dark:fill-emerald-500 dark:stroke-emerald-300',
  skipped: 'fill-white stroke-violet-600 dark:fill-slate-900 dark:stroke-violet-400',
};

/** The status drawn as a shape inside the stop as well as a colour, so colour is never the only signal. */
function StatusGlyph({ status }: { status: TopicStatus | 'unknown' }) {
  switch (status) {
    case 'done':
      return (
        <path
          d="M-4.5 0.5 L-1.5 3.5 L4.5 -3"
          className="fill-none stroke-white dark:stroke-slate-950"
          strokeWidth={2.4}
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      );
    case 'in-progress':
      return <path d="M0 -5.5 A5.5 5.5 0 0 1 0 5.5 Z" className="fill-amber-600 dark:fill-amber-400" />;
    case 'skipped':
      return (
        <path
          d="M-4 3 Q-3 -4 3 -2 M1 -4.5 L3.5 -2 L1 0.5"
          className="fill-none stroke-violet-700 dark:stroke-violet-300"
          strokeWidth={1.8}
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      );
    default:
      return null;
  }
}

function Segment({ points, travelled }: { points: Point[]; travelled: boolean }) {
  // Behind you: a thick solid line; ahead: a thinner dashed one. Width and dashes carry it as well as colour.
  return (
    <path
      d={path(points as Point[]) ?? undefined}
      data-travelled={travelled || undefined}
      className={
        travelled
          ? 'fill-none stroke-brand-600 dark:stroke-brand-400'
          : 'fill-none stroke-slate-400 dark:stroke-slate-500'
      }
      strokeWidth={travelled ? 7 : 3.5}
      strokeDasharray={travelled ? undefined : '8 6'}
      strokeLinecap={travelled ? 'round' : 'butt'}
      strokeLinejoin="round"
    />
  );
}

function StopLabel({
  stop,
  x,
  layout,
  isNext,
}: {
  stop: StopLayout;
  x: number;
  layout: LevelLayout;
  isNext: boolean;
}) {
  // A collapsed section's stop has no label: its section's title stands for it.
  if (stop.lines.length === 0) return null;
  const baseline = stop.y + layout.fontSize * 0.35;
  const text = (
    <text
      x={x}
      y={baseline}
      fontSize={layout.fontSize}
      className={
        stop.topic.href
          ? `fill-brand-800 font-medium group-hover/link:underline dark:fill-brand-200 ${isNext ? 'font-bold' : ''}`
          : 'fill-slate-700 dark:fill-slate-300'
      }
    >
      {stop.lines.map((text, i) => (
        <tspan key={`${i}-${text}`} x={x} dy={i === 0 ? 0 : layout.lineHeight}>
          {text}
        </tspan>
      ))}
    </text>
  );
  if (!stop.topic.href) {
    return (
      <>
        {text}
        <text
          x={x}
          y={baseline + stop.lines.length * layout.lineHeight}
          fontSize={layout.fontSize - 2}
          className="fill-slate-600 dark:fill-slate-400"
        >
          {` ${NOT_YET}`}
        </text>
      </>
    );
  }
  return (
    <a href={stop.topic.href} className="group/link" aria-current={isNext ? 'step' : undefined}>
      {text}
    </a>
  );
}

function StopMarker({
  stop,
  mode,
  status,
  byLearner,
  hydrated,
  isNext,
  expanded,
  onOpen,
}: {
  stop: StopLayout;
  mode: MapMode;
  status: TopicStatus | 'unknown';
  byLearner: boolean;
  hydrated: boolean;
  isNext: boolean;
  expanded: boolean;
  onOpen: ((topicId: string) => void) | null;
}) {
  const statusText =
    status === 'unknown' ? '' : ` (${statusLabels[status].toLowerCase()}${byLearner ? ', set by you' : ''})`;
  const open = () => onOpen?.(stop.topic.id);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ' || event.key === 'ArrowDown') {
      event.preventDefault();
      open();
    }
  };
  const marker = (
    <g transform={`translate(${stop.x} ${stop.y})`}>
      {/* The hit area: larger than the drawn stop, so a finger finds it (WCAG 2.5.8, 24 px targets). */}
      <circle r={14} className="fill-transparent" />
      {isNext ? (
        <circle
          r={13}
          className="fill-none stroke-brand-600 dark:stroke-brand-300"
          strokeWidth={2}
          strokeDasharray="3 2.5"
          data-next-ring
        />
      ) : null}
      <circle r={8.5} className={circleClass[status]} strokeWidth={2.5} />
      <StatusGlyph status={status} />
    </g>
  );
  if (!hydrated || !onOpen) return marker;
  return (
    <g
      role="button"
      tabIndex={0}
      aria-haspopup="menu"
      aria-expanded={expanded}
      aria-label={`Set status of ${stop.topic.title}${statusText}`}
      data-status-trigger={`${mode}:${stop.topic.id}`}
      className="cursor-pointer"
      onClick={open}
      onKeyDown={onKeyDown}
    >
      {marker}
    </g>
  );
}

export function RoadmapLevelMap({
  level,
  layout,
  progress,
  nextTopicId,
  openMenu,
  onOpen,
  headingId,
}: {
  level: ModelLevel;
  layout: LevelLayout;
  progress: CurriculumProgress;
  nextTopicId: string | null;
  openMenu: OpenMenu | null;
  /** Null draws the stops as pictures only (a lesson's map: its topic list beside it holds the controls). */
  onOpen: ((open: OpenMenu) => void) | null;
  headingId: string;
}) {
  const statusOf = (topicId: string): TopicStatus | 'unknown' =>
    progress.hydrated ? (progress.byTopic.get(topicId)?.status ?? 'not-started') : 'unknown';
  const behind = (topicId: string | undefined) => {
    const status = topicId ? statusOf(topicId) : 'unknown';
    return status === 'done' || status === 'skipped';
  };
  const firstTopic = layout.sections[0]?.stops[0]?.topic.id;
  return (
    <svg
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      className="block h-auto w-full overflow-visible"
      role="group"
      aria-labelledby={headingId}
      data-roadmap-map={layout.mode}
      data-level-map={level.id}
    >
      {layout.entry ? <Segment points={layout.entry} travelled={behind(firstTopic)} /> : null}
      {layout.connectors.map((connector) => (
        <Segment
          key={`connector-${connector.fromSection}`}
          points={connector.points}
          travelled={behind(layout.sections[connector.fromSection]?.stops.at(-1)?.topic.id)}
        />
      ))}
      {layout.sections.map((section) => (
        // A collapsed section is dimmed: its line and stops (never its text, which keeps its contrast).
        <g key={`line-${section.section.id}`} className={section.collapsed ? 'opacity-45' : undefined}>
          {section.stops.map((stop, i) => {
            const from: Point =
              i === 0 ? [section.x, section.markerY] : [section.stops[i - 1].x, section.stops[i - 1].y];
            // A stretch of line is travelled once the stop it leads to is done or skipped.
            const travelled = behind(stop.topic.id);
            return <Segment key={stop.topic.id} points={[from, [stop.x, stop.y]]} travelled={travelled} />;
          })}
        </g>
      ))}
      {layout.exit ? (
        <Segment points={layout.exit} travelled={behind(layout.sections.at(-1)?.stops.at(-1)?.topic.id)} />
      ) : null}
      {layout.sections.map((section) => {
        const sectionTally = tally(
          section.section.topics.map((topic) => progress.byTopic.get(topic.id)?.status ?? 'not-started'),
        );
        const titleId = `map-${layout.mode}-section-${section.section.id}`;
        return (
          // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: an SVG g is not interactive; the group names the section for assistive technology.
          <g
            key={section.section.id}
            role="group"
            aria-labelledby={titleId}
            data-section-id={section.section.id}
            data-collapsed={section.collapsed || undefined}
          >
            {/* The interchange marker: where the section's line starts. */}
            {section.collapsed ? (
              <rect
                x={section.x - 10.25}
                y={section.markerY - 10.25}
                width={20.5}
                height={20.5}
                rx={6}
                className="fill-white dark:fill-slate-950"
              />
            ) : null}
            <rect
              x={section.x - 9}
              y={section.markerY - 9}
              width={18}
              height={18}
              rx={5}
              className={`fill-white stroke-slate-700 dark:fill-slate-950 dark:stroke-slate-200 ${section.collapsed ? 'opacity-45' : ''}`}
              strokeWidth={2.5}
            />
            <text
              id={titleId}
              x={section.labelX}
              y={section.markerY + layout.titleSize * 0.35}
              fontSize={layout.titleSize}
              className={
                section.collapsed
                  ? 'fill-slate-600 font-semibold dark:fill-slate-400'
                  : 'fill-slate-900 font-bold dark:fill-white'
              }
            >
              {section.titleLines.map((text, i) => (
                <tspan key={`${i}-${text}`} x={section.labelX} dy={i === 0 ? 0 : layout.lineHeight}>
                  {text}
                </tspan>
              ))}
            </text>
            <text
              x={section.labelX}
              y={section.tallyY + 4}
              fontSize={layout.fontSize - 2}
              className={`fill-slate-600 dark:fill-slate-400 ${progress.hydrated ? '' : 'invisible'}`}
              aria-hidden={progress.hydrated ? undefined : true}
            >
              {`${sectionTally.done} of ${sectionTally.total} done${sectionTally.skipped ? `, ${sectionTally.skipped} skipped` : ''}`}
            </text>
            {section.stops.map((stop) => {
              const topicState = progress.byTopic.get(stop.topic.id);
              const isNext = progress.hydrated && stop.topic.id === nextTopicId;
              return (
                <g
                  key={stop.topic.id}
                  data-topic-id={stop.topic.id}
                  data-status={progress.hydrated ? topicState?.status : undefined}
                  data-next={isNext || undefined}
                >
                  {section.collapsed ? (
                    // Dimmed, yet opaque: the backdrop keeps the line from showing through the faded stop.
                    <>
                      <circle cx={stop.x} cy={stop.y} r={9.75} className="fill-white dark:fill-slate-950" />
                      <g className="opacity-45">
                        <StopMarker
                          stop={stop}
                          mode={layout.mode}
                          status={statusOf(stop.topic.id)}
                          byLearner={topicState?.source === 'learner'}
                          hydrated={progress.hydrated}
                          isNext={isNext}
                          expanded={openMenu?.topicId === stop.topic.id && openMenu.mode === layout.mode}
                          onOpen={onOpen ? (topicId) => onOpen({ topicId, mode: layout.mode }) : null}
                        />
                      </g>
                    </>
                  ) : (
                    <StopMarker
                      stop={stop}
                      mode={layout.mode}
                      status={statusOf(stop.topic.id)}
                      byLearner={topicState?.source === 'learner'}
                      hydrated={progress.hydrated}
                      isNext={isNext}
                      expanded={openMenu?.topicId === stop.topic.id && openMenu.mode === layout.mode}
                      onOpen={onOpen ? (topicId) => onOpen({ topicId, mode: layout.mode }) : null}
                    />
                  )}
                  <StopLabel stop={stop} x={section.labelX} layout={layout} isNext={isNext} />
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}
