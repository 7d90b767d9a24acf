import { LessonProgressPanel } from '@/components/progress/LessonProgressPanel';
import { lessonMapLayout } from '@/components/progress/roadmapMapLayout';
import { curriculumModel } from '@/lib/progress/model.server';
import { sectionRequirements } from '@/lib/progress/requirements.server';
import { findTopic } from '@/lib/roadmap';

// End of every lesson (server part): works out at build time what this lesson asks of the learner and where its
// section sits on the roadmap (the map's geometry is computed here, so the layout code stays off the client),
// then hands both to the client panel that records the visit, notices the end being reached and shows the rule.
export function LessonProgressTracker({ sectionId, topics }: { sectionId: string; topics: string[] }) {
  const requirements = sectionRequirements();
  const lessonTopics = topics.map((id) => {
    const topic = findTopic(id);
    // A topic listed in the lesson counts towards this lesson even before roadmap.json names it.
    return { id, title: topic?.title ?? id, lesson: topic?.lesson ?? sectionId };
  });
  const model = curriculumModel();
  const placed = lessonMapLayout(model.levels, sectionId);
  const map = placed
    ? {
        ...placed,
        // Only the requirements of this level's lessons: the statuses its stops show.
        requirements: Object.fromEntries(
          placed.level.sections.flatMap((section) =>
            model.requirements[section.id] ? [[section.id, model.requirements[section.id]]] : [],
          ),
        ),
      }
    : null;
  return (
    <LessonProgressPanel
      sectionId={sectionId}
      topics={lessonTopics}
      requirements={{ [sectionId]: requirements[sectionId] ?? { challenges: [], quiz: false } }}
      map={map}
    />
  );
}
