'use client';

// Marks the end of a lesson; the progress store records it (see lib/progress).
export function LessonProgressTracker({ sectionId }: { sectionId: string; topics: string[] }) {
  return <div data-lesson-end={sectionId} className="h-px" />;
}
