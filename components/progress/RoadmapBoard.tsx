'use client';

import { useCallback, useMemo, useState } from 'react';
import { COMPLETION_RULE, tally } from '@/lib/progress';
import type { CurriculumModel, ModelLevel } from '@/lib/progress/model.server';
import { ContinueCard } from './ContinueCard';
import { ProgressBar } from './ProgressBar';
import { Reserved } from './Reserved';
import { RoadmapLegend } from './RoadmapLegend';
import { type OpenMenu, RoadmapLevelMap } from './RoadmapMap';
import type { LevelLayout, MapMode, RoadmapLayouts } from './roadmapMapLayout';
import { StatusMenu } from './StatusMenu';
import { type CurriculumProgress, useCurriculumProgress } from './useCurriculumProgress';

// The whole curriculum as a map: each level a region, each section a line, each topic a stop, in course order.
// The server renders the same map without statuses; they appear once stored progress is loaded, recolouring it
// without moving anything. Two drawings per level, one shown by CSS: a single vertical line below the lg
// breakpoint, the level's sections side by side from it; the hidden one is out of the accessibility tree.

const modes: { mode: MapMode; className: string }[] = [
  { mode: 'vertical', className: 'mx-auto max-w-md lg:hidden' },
  { mode: 'wide', className: 'hidden lg:block' },
];

function LevelRegion({
  level,
  layouts,
  progress,
  nextTopicId,
  openMenu,
  setOpenMenu,
}: {
  level: ModelLevel;
  layouts: Record<MapMode, LevelLayout>;
  progress: CurriculumProgress;
  nextTopicId: string | null;
  openMenu: OpenMenu | null;
  setOpenMenu: (open: OpenMenu | null) => void;
}) {
  const levelTally = tally(
    level.sections.flatMap((section) =>
      section.topics.map((topic) => progress.byTopic.get(topic.id)?.status ?? 'not-started'),
    ),
  );
  const headingId = `level-${level.id}`;
  const close = useCallback(
    (refocus: boolean) => {
      const trigger = openMenu ? `${openMenu.mode}:${openMenu.topicId}` : null;
      setOpenMenu(null);
      if (refocus && trigger) {
        document.querySelector<SVGGElement>(`[data-status-trigger="${trigger}"]`)?.focus();
      }
    },
    [openMenu, setOpenMenu],
  );
  return (
    <section
      aria-labelledby={headingId}
      className="mt-8 rounded-2xl border border-slate-200 bg-slate-50 px-3 py-4 sm:px-4 dark:border-slate-800 dark:bg-slate-900/60"
      data-level-id={level.id}
    >
      <div className="flex flex-wrap items-end justify-between gap-2">
        <h2 id={headingId} className="text-2xl font-semibold text-slate-900 dark:text-white">
          {level.label}
        </h2>
        <Reserved shown={progress.hydrated}>
          <p className="text-sm text-slate-700 dark:text-slate-300">{completionText(levelTally)}</p>
        </Reserved>
      </div>
      <Reserved shown={progress.hydrated} className="mt-2">
        <ProgressBar percent={levelTally.percent} label={`${level.label} completion`} />
      </Reserved>
      {modes.map(({ mode, className }) => {
        const layout = layouts[mode];
        const open = openMenu?.mode === mode ? openMenu : null;
        const stop = open
          ? layout.sections.flatMap((section) => section.stops).find((s) => s.topic.id === open.topicId)
          : undefined;
        const topicState = stop ? progress.byTopic.get(stop.topic.id) : undefined;
        return (
          <div key={mode} className={`relative mt-3 ${className}`}>
            <RoadmapLevelMap
              level={level}
              layout={layout}
              progress={progress}
              nextTopicId={nextTopicId}
              openMenu={openMenu}
              onOpen={setOpenMenu}
              headingId={headingId}
            />
            {stop && topicState ? (
              <StatusMenu
                topicId={stop.topic.id}
                title={stop.topic.title}
                progress={topicState}
                left={(stop.x / layout.width) * 100}
                top={(stop.y / layout.height) * 100}
                onClose={close}
              />
            ) : null}
          </div>
        );
      })}
    </section>
  );
}

function completionText(statuses: ReturnType<typeof tally>): string {
  const skipped = statuses.skipped > 0 ? `, ${statuses.skipped} skipped` : '';
  return `${statuses.done} of ${statuses.total} done${skipped} (${statuses.percent}%)`;
}

export function RoadmapBoard({ model, layouts }: { model: CurriculumModel; layouts: RoadmapLayouts }) {
  const progress = useCurriculumProgress(model);
  const [openMenu, setOpenMenu] = useState<OpenMenu | null>(null);
  const levelOf = useMemo(
    () =>
      new Map(
        model.levels.flatMap((level) =>
          level.sections.flatMap((section) => section.topics.map((topic) => [topic.id, level.id] as const)),
        ),
      ),
    [model],
  );
  // The next topic: the same rule as the "Up next" card, the first topic with a lesson not done or skipped.
  const next = progress.hydrated
    ? progress.topics.find((topic) => {
        const status = progress.byTopic.get(topic.id)?.status;
        return topic.href && status !== 'done' && status !== 'skipped';
      })
    : undefined;
  const overall = tally(
    progress.topics.map((topic) => progress.byTopic.get(topic.id)?.status ?? 'not-started'),
  );
  return (
    <>
      <div className="mt-6 grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <ContinueCard model={model} progress={progress} />
        <section
          aria-labelledby="overall-heading"
          className="rounded-xl border border-slate-200 p-5 dark:border-slate-800"
        >
          <h2 id="overall-heading" className="text-lg font-semibold text-slate-900 dark:text-white">
            Your progress
          </h2>
          <Reserved shown={progress.hydrated} className="mt-3">
            <div data-overall-progress={progress.hydrated ? overall.percent : undefined}>
              <ProgressBar percent={overall.percent} label="Whole roadmap completion" />
              <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{completionText(overall)}</p>
            </div>
          </Reserved>
          <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">{COMPLETION_RULE}</p>
        </section>
      </div>
      <RoadmapLegend />
      {model.levels.map((level) => (
        <LevelRegion
          key={level.id}
          level={level}
          layouts={layouts[level.id]}
          progress={progress}
          nextTopicId={next?.id ?? null}
          openMenu={openMenu?.topicId && levelOf.get(openMenu.topicId) === level.id ? openMenu : null}
          setOpenMenu={setOpenMenu}
        />
      ))}
    </>
  );
}
