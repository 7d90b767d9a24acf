// The shape of a lesson's quiz (content/lessons/<section>/quiz.json, checked by lib/content/schemas.ts) and
// how an answer is marked.

type Base = { id: string; prompt: string; explanation: string };
export type QuizQuestion =
  | (Base & { kind: 'single'; options: string[]; answer: number })
  | (Base & { kind: 'multiple'; options: string[]; answer: number[] })
  | (Base & { kind: 'truefalse'; answer: boolean })
  | (Base & { kind: 'number'; answer: number; tolerance?: number; unit?: string });

export type QuizData = { id: string; passPercent: number; questions: QuizQuestion[] };

export type Answer = number | number[] | boolean | string | null;

/** Whether a learner's answer is right. Number answers are typed text, compared within the tolerance. */
export function isCorrect(question: QuizQuestion, answer: Answer): boolean {
  switch (question.kind) {
    case 'single':
      return answer === question.answer;
    case 'multiple':
      return (
        Array.isArray(answer) &&
        answer.length === question.answer.length &&
        [...answer].sort((a, b) => a - b).every((value, index) => value === question.answer[index])
      );
    case 'truefalse':
      return answer === question.answer;
    case 'number': {
      if (typeof answer !== 'string' || answer.trim() === '') return false;
      const value = Number(answer.trim());
      return Number.isFinite(value) && Math.abs(value - question.answer) <= (question.tolerance ?? 0);
    }
  }
}

export function isAnswered(question: QuizQuestion, answer: Answer): boolean {
  if (question.kind === 'multiple') return Array.isArray(answer) && answer.length > 0;
  if (question.kind === 'number') return typeof answer === 'string' && answer.trim() !== '';
  return answer !== null && answer !== undefined;
}

/** The right answer in words, shown after checking. */
export function correctAnswerText(question: QuizQuestion): string {
  switch (question.kind) {
    case 'single':
      return question.options[question.answer];
    case 'multiple':
      // Options are sentences; drop their final full stop so the list reads "a; b; c".
      return question.answer.map((index) => question.options[index].replace(/\.$/, '')).join('; ');
    case 'truefalse':
      return question.answer ? 'True' : 'False';
    case 'number':
      return `${question.answer}${question.unit ? ` ${question.unit}` : ''}${
        question.tolerance ? ` (±${question.tolerance})` : ''
      }`;
  }
}
