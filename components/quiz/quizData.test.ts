import { describe, expect, it } from 'vitest';
import { correctAnswerText, isCorrect, type QuizQuestion } from './quizData';

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
});
