'use client';

import { useMemo } from 'react';
import type { Requirements } from '@/lib/progress';
import type { ModelLevel } from '@/lib/progress/model.server';
import { RoadmapLevelMap } from './RoadmapMap';
import type { LevelLayout } from './roadmapMapLayout';
import { useCurriculumProgress } from './useCurriculumProgress';

// The lesson's place on the roadmap: its level's line, this lesson's section drawn in full with its topics'
// statuses, the level's other sections collapsed and dimmed. A picture with links; the status buttons are in the
// topic list beside it.

export function LessonMap({
  level,
  layout,
  requirements,
  sectionId,
}: {
  level: ModelLevel;
  layout: LevelLayout;
  requirements: Requirements;
  sectionId: string;
}) {
  const model = useMemo(() => ({ levels: [level], requirements }), [level, requirements]);
  const progress = useCurriculumProgress(model);
  const headingId = 'lesson-map-heading';
  return (
    <div className="mx-auto w-full max-w-xs" data-lesson-map={sectionId}>
      <h3 id={headingId} className="text-sm font-semibold text-slate-900 dark:text-white">
        Where this lesson sits in {level.label}
      </h3>
      <div className="mt-2">
        <RoadmapLevelMap
          level={level}
          layout={layout}
          progress={progress}
          nextTopicId={null}
          openMenu={null}
          onOpen={null}
          headingId={headingId}
        />
      </div>
    </div>
  );
}
