// The shape of content/quizzes/<section-id>.json, checked when the registry loads so a malformed quiz
// fails the build with the file and question named.

type Base = { id: string; prompt: string; explanation: string };
export type QuizQuestion =
  | (Base & { kind: 'single'; options: string[]; answer: number })
  | (Base & { kind: 'multiple'; options: string[]; answer: number[] })
  | (Base & { kind: 'truefalse'; answer: boolean })
  | (Base & { kind: 'number'; answer: number; tolerance?: number; unit?: string });

export type QuizData = { id: string; passPercent: number; questions: QuizQuestion[] };

function fail(quizId: string, message: string): never {
  throw new Error(`content/quizzes/${quizId}.json: ${message}`);
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;

function checkQuestion(quizId: string, raw: unknown, index: number): QuizQuestion {
  if (typeof raw !== 'object' || raw === null) fail(quizId, `question ${index + 1} is not an object`);
  const q = raw as Record<string, unknown>;
  const where = `question ${index + 1}${isText(q.id) ? ` (${q.id})` : ''}`;
  if (!isText(q.id) || !isText(q.prompt) || !isText(q.explanation)) {
    fail(quizId, `${where} needs "id", "prompt" and "explanation"`);
  }
  const base = { id: q.id, prompt: q.prompt, explanation: q.explanation };
  const options = q.options;
  const validOptions = Array.isArray(options) && options.length >= 2 && options.every(isText);
  switch (q.kind) {
    case 'single':
      if (!validOptions) fail(quizId, `${where} needs at least two text options`);
      if (!Number.isInteger(q.answer) || (q.answer as number) < 0 || (q.answer as number) >= options.length) {
        fail(quizId, `${where} answer must be the index of one option`);
      }
      return { ...base, kind: 'single', options, answer: q.answer as number };
    case 'multiple': {
      if (!validOptions) fail(quizId, `${where} needs at least two text options`);
      const answer = q.answer;
      const ok =
        Array.isArray(answer) &&
        answer.length > 0 &&
        new Set(answer).size === answer.length &&
        answer.every((value) => Number.isInteger(value) && value >= 0 && value < options.length);
      if (!ok) fail(quizId, `${where} answer must be a list of distinct option indexes`);
      return { ...base, kind: 'multiple', options, answer: [...(answer as number[])].sort((a, b) => a - b) };
    }
    case 'truefalse':
      if (typeof q.answer !== 'boolean') fail(quizId, `${where} answer must be true or false`);
      return { ...base, kind: 'truefalse', answer: q.answer };
    case 'number': {
      if (typeof q.answer !== 'number' || !Number.isFinite(q.answer))
        fail(quizId, `${where} answer must be a number`);
      const tolerance = q.tolerance === undefined ? undefined : Number(q.tolerance);
      if (tolerance !== undefined && !(tolerance >= 0))
        fail(quizId, `${where} tolerance must be zero or more`);
      return {
        ...base,
        kind: 'number',
        answer: q.answer,
        ...(tolerance !== undefined ? { tolerance } : {}),
        ...(isText(q.unit) ? { unit: q.unit } : {}),
      };
    }
    default:
      return fail(
        quizId,
        `${where} has unknown kind ${JSON.stringify(q.kind)} (single, multiple, truefalse, number)`,
      );
  }
}

export function checkQuiz(expectedId: string, raw: unknown): QuizData {
  if (typeof raw !== 'object' || raw === null) fail(expectedId, 'is not an object');
  const quiz = raw as Record<string, unknown>;
  if (quiz.id !== expectedId) fail(expectedId, `"id" must be "${expectedId}" (the file name)`);
  const passPercent = quiz.passPercent ?? 70;
  if (typeof passPercent !== 'number' || passPercent <= 0 || passPercent > 100) {
    fail(expectedId, '"passPercent" must be a percentage above 0');
  }
  if (!Array.isArray(quiz.questions) || quiz.questions.length === 0) fail(expectedId, 'has no questions');
  const questions = quiz.questions.map((question, index) => checkQuestion(expectedId, question, index));
  const ids = new Set(questions.map((question) => question.id));
  if (ids.size !== questions.length) fail(expectedId, 'has two questions with the same id');
  return { id: expectedId, passPercent, questions };
}

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
