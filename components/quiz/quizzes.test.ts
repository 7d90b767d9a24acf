import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkQuiz, correctAnswerText, isCorrect, type QuizQuestion } from './quizData';
import { quizzes } from './quizzes';

const dir = path.join(process.cwd(), 'content', 'quizzes');
const files = readdirSync(dir).filter((name) => name.endsWith('.json'));

describe('quiz registry', () => {
  it('lists every content/quizzes/*.json (run node components/quiz/update-registry.mjs if not)', () => {
    expect(Object.keys(quizzes).sort()).toEqual(files.map((name) => name.replace(/\.json$/, '')).sort());
  });

  it.each(files)('%s is a valid quiz', (name) => {
    const id = name.replace(/\.json$/, '');
    expect(() => checkQuiz(id, JSON.parse(readFileSync(path.join(dir, name), 'utf8')))).not.toThrow();
  });
});

describe('quiz checking', () => {
  const base = { id: 'q', prompt: 'p', explanation: 'e' };
  it('multiple choice needs exactly the right set, in any order', () => {
    const question: QuizQuestion = { ...base, kind: 'multiple', options: ['a', 'b', 'c'], answer: [0, 2] };
    expect(isCorrect(question, [2, 0])).toBe(true);
    expect(isCorrect(question, [0])).toBe(false);
    expect(isCorrect(question, [0, 1, 2])).toBe(false);
  });

  it('number answers compare typed text within the tolerance', () => {
    const question: QuizQuestion = { ...base, kind: 'number', answer: 7, tolerance: 0.5 };
    expect(isCorrect(question, '7')).toBe(true);
    expect(isCorrect(question, ' 7.4 ')).toBe(true);
    expect(isCorrect(question, '8')).toBe(false);
    expect(isCorrect(question, '')).toBe(false);
    expect(correctAnswerText(question)).toBe('7 (±0.5)');
  });

  it('true/false and single choice compare the chosen value', () => {
    expect(isCorrect({ ...base, kind: 'truefalse', answer: false }, false)).toBe(true);
    expect(isCorrect({ ...base, kind: 'single', options: ['a', 'b'], answer: 1 }, 0)).toBe(false);
  });

  it('a malformed quiz fails loudly with the file and question named', () => {
    expect(() =>
      checkQuiz('x', {
        id: 'x',
        questions: [
          { id: 'q1', kind: 'single', prompt: 'p', explanation: 'e', options: ['a', 'b'], answer: 5 },
        ],
      }),
    ).toThrow(/content\/quizzes\/x.json: question 1 \(q1\) answer must be the index of one option/);
    expect(() => checkQuiz('x', { id: 'y', questions: [] })).toThrow(/"id" must be "x"/);
  });
});
