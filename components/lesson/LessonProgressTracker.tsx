import { LessonProgressPanel } from '@/components/progress/LessonProgressPanel';
import { sectionRequirements } from '@/lib/progress/requirements.server';
import { findTopic } from '@/lib/roadmap';

// End of every lesson (server part): works out at build time what this lesson asks of the learner, then
// hands it to the client panel that records the visit, notices the end being reached and shows the rule.
export function LessonProgressTracker({ sectionId, topics }: { sectionId: string; topics: string[] }) {
  const requirements = sectionRequirements();
  const lessonTopics = topics.map((id) => {
    const topic = findTopic(id);
    // A topic listed in the lesson counts towards this lesson even before roadmap.json names it.
    return { id, title: topic?.title ?? id, lesson: topic?.lesson ?? sectionId };
  });
  return (
    <LessonProgressPanel
      sectionId={sectionId}
      topics={lessonTopics}
      requirements={{ [sectionId]: requirements[sectionId] ?? { challenges: [], quiz: false } }}
    />
  );
}
