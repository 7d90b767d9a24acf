import type { ProgressData, TopicStatus } from './types';

// The completion rule, in one place. A topic is done automatically when, for the section whose lesson
// teaches it: the lesson was read to the end, every challenge of that section is solved, and the section's
// quiz is passed (a section without challenges or without a quiz simply has fewer conditions). The learner
// may also set any status by hand; that choice wins until they hand the topic back to the rule.

export const COMPLETION_RULE =
  'A topic is done when you have read its lesson to the end, solved the lesson’s challenges and passed its quiz. You can also mark a topic done or skipped yourself.';

/** What each lesson section asks for, known at build time from each lesson folder's challenges and quiz. */
export type SectionRequirements = { challenges: string[]; quiz: boolean };
export type Requirements = Record<string, SectionRequirements>;

export type RuleCheck = {
  read: boolean;
  challengesSolved: number;
  challengesTotal: number;
  /** null when the section has no quiz. */
  quizPassed: boolean | null;
  started: boolean;
};

export type TopicProgress = {
  status: TopicStatus;
  /** Who decided the status: the learner's own mark, or the automatic rule. */
  source: 'learner' | 'rule';
  /** What the rule alone would say, shown beside a learner's mark. */
  ruleStatus: TopicStatus;
  check: RuleCheck | null;
};

export function checkSection(data: ProgressData, sectionId: string, requirements: Requirements): RuleCheck {
  const needs = requirements[sectionId] ?? { challenges: [], quiz: false };
  const lesson = data.lessons[sectionId];
  const quiz = data.quizzes[sectionId];
  const challengesSolved = needs.challenges.filter((id) => data.challenges[id]?.solved).length;
  const attempted = needs.challenges.some((id) => data.challenges[id]) || quiz !== undefined;
  return {
    read: Boolean(lesson?.readToEndAt),
    challengesSolved,
    challengesTotal: needs.challenges.length,
    quizPassed: needs.quiz ? Boolean(quiz?.best.passed) : null,
    started: lesson !== undefined || attempted,
  };
}

export function ruleStatus(check: RuleCheck | null): TopicStatus {
  if (!check) return 'not-started';
  const complete =
    check.read && check.challengesSolved === check.challengesTotal && check.quizPassed !== false;
  if (complete) return 'done';
  return check.started ? 'in-progress' : 'not-started';
}

export function topicProgress(
  data: ProgressData,
  topic: { id: string; lesson: string | null },
  requirements: Requirements,
): TopicProgress {
  const check = topic.lesson ? checkSection(data, topic.lesson, requirements) : null;
  const byRule = ruleStatus(check);
  const mark = data.marks[topic.id];
  return mark
    ? { status: mark.status, source: 'learner', ruleStatus: byRule, check }
    : { status: byRule, source: 'rule', ruleStatus: byRule, check };
}

export type Tally = { total: number; done: number; skipped: number; inProgress: number; percent: number };

/** Completion counts done topics out of the topics not skipped. */
export function tally(statuses: readonly TopicStatus[]): Tally {
  const done = statuses.filter((status) => status === 'done').length;
  const skipped = statuses.filter((status) => status === 'skipped').length;
  const inProgress = statuses.filter((status) => status === 'in-progress').length;
  const aimedAt = statuses.length - skipped;
  const percent = aimedAt === 0 ? (statuses.length === 0 ? 0 : 100) : Math.round((done / aimedAt) * 100);
  return { total: statuses.length, done, skipped, inProgress, percent };
}

export const statusLabels: Record<TopicStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  done: 'Done',
  skipped: 'Skipped',
};
