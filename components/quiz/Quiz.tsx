'use client';

import { useId, useRef, useState } from 'react';
import { type QuizAttempt, recordQuizAttempt, useProgress, useProgressHydrated } from '@/lib/progress';
import {
  type Answer,
  correctAnswerText,
  isAnswered,
  isCorrect,
  type QuizData,
  type QuizQuestion,
} from './quizData';

// <Quiz id="section-id" /> in a lesson resolves, on the server (components/mdx/embeds.tsx), to this with the
// quiz's data. Answers are checked here, in the browser; each attempt is recorded in the progress store (best
// attempt and history).

type Answers = Record<string, Answer>;

export function Quiz({ quiz }: { quiz: QuizData | null }) {
  if (!quiz) {
    return (
      <p className="not-prose my-6 rounded-lg border border-slate-300 p-4 text-slate-700 dark:border-slate-700 dark:text-slate-300">
        The quiz for this lesson is not available yet.
      </p>
    );
  }
  return <QuizForm quizId={quiz.id} passPercent={quiz.passPercent} questions={quiz.questions} />;
}

function QuizForm({
  quizId,
  passPercent,
  questions,
}: {
  quizId: string;
  passPercent: number;
  questions: QuizQuestion[];
}) {
  const formId = useId();
  const [answers, setAnswers] = useState<Answers>({});
  const [result, setResult] = useState<QuizAttempt | null>(null);
  const [missing, setMissing] = useState<number[]>([]);
  const resultRef = useRef<HTMLDivElement>(null);
  const firstInputRef = useRef<HTMLDivElement>(null);
  const hydrated = useProgressHydrated();
  const best = useProgress((state) => state.quizzes[quizId]?.best);
  const tries = useProgress((state) => state.quizzes[quizId]?.history.length ?? 0);

  const setAnswer = (questionId: string, answer: Answer) =>
    setAnswers((all) => ({ ...all, [questionId]: answer }));

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const unanswered = questions
      .map((question, index) => (isAnswered(question, answers[question.id] ?? null) ? -1 : index))
      .filter((index) => index >= 0);
    setMissing(unanswered);
    if (unanswered.length > 0) return;
    const score = questions.filter((question) => isCorrect(question, answers[question.id] ?? null)).length;
    setResult(recordQuizAttempt(quizId, score, questions.length, passPercent));
    requestAnimationFrame(() => resultRef.current?.focus());
  }

  function retry() {
    setAnswers({});
    setResult(null);
    setMissing([]);
    requestAnimationFrame(() => firstInputRef.current?.querySelector('input')?.focus());
  }

  const checked = result !== null;

  return (
    <section
      aria-label={`Quiz, ${questions.length} questions`}
      className="not-prose my-8 rounded-xl border border-slate-200 bg-white p-4 sm:p-6 dark:border-slate-800 dark:bg-slate-950"
      data-quiz={quizId}
    >
      <p className="text-sm text-slate-700 dark:text-slate-300">
        {questions.length} questions · pass mark {passPercent}%
        {hydrated && best ? (
          <>
            {' '}
            · your best so far: {best.score} of {best.total} ({best.percent}%){best.passed ? ', passed' : ''}{' '}
            in {tries} {tries === 1 ? 'try' : 'tries'}
          </>
        ) : null}
      </p>
      <form id={formId} onSubmit={submit} noValidate className="mt-4 space-y-6">
        {questions.map((question, index) => (
          <div key={question.id} ref={index === 0 ? firstInputRef : undefined}>
            <QuestionField
              question={question}
              number={index + 1}
              count={questions.length}
              answer={answers[question.id] ?? null}
              onAnswer={(answer) => setAnswer(question.id, answer)}
              checked={checked}
              flagged={missing.includes(index)}
            />
          </div>
        ))}
        {missing.length > 0 && !checked ? (
          <p role="alert" className="text-sm font-medium text-amber-900 dark:text-amber-300">
            Answer every question first: {missing.map((index) => `question ${index + 1}`).join(', ')} still{' '}
            {missing.length === 1 ? 'needs' : 'need'} an answer.
          </p>
        ) : null}
        {checked ? (
          <div
            ref={resultRef}
            tabIndex={-1}
            role="status"
            className={`rounded-lg border-l-4 p-4 ${
              result.passed
                ? 'border-emerald-600 bg-emerald-50 dark:bg-emerald-950/40'
                : 'border-amber-600 bg-amber-50 dark:bg-amber-950/40'
            }`}
          >
            <p className="font-semibold text-slate-900 dark:text-white">
              {result.passed ? '✓ Passed' : '✗ Not passed yet'}: {result.score} of {result.total} correct (
              {result.percent}%, pass mark {passPercent}%).
            </p>
            <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
              {result.passed
                ? 'The quiz counts towards this lesson’s topics on the roadmap.'
                : 'Read the explanations above, then try again.'}
            </p>
          </div>
        ) : null}
        <div className="flex flex-wrap gap-3">
          {checked ? (
            <button
              type="button"
              onClick={retry}
              className="rounded-lg border border-slate-300 px-4 py-2 font-semibold text-slate-800 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-100 dark:hover:bg-slate-800"
            >
              Try the quiz again
            </button>
          ) : (
            <button
              type="submit"
              className="rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 dark:bg-brand-400 dark:text-slate-950 dark:hover:bg-brand-300"
            >
              Check my answers
            </button>
          )}
        </div>
      </form>
    </section>
  );
}

const optionClass =
  'flex cursor-pointer items-start gap-3 rounded-md border border-slate-200 p-3 hover:bg-slate-50 has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50 dark:border-slate-800 dark:hover:bg-slate-900 dark:has-[:checked]:bg-brand-950';

/** Is option `index` part of the right answer? (single: that index; true/false: index 0 is True). */
function isRightOption(question: QuizQuestion, index: number): boolean {
  if (question.kind === 'single') return question.answer === index;
  if (question.kind === 'truefalse') return question.answer === (index === 0);
  if (question.kind === 'multiple') return question.answer.includes(index);
  return false;
}

/**
 * An option's look once the answers are checked: the right options are marked as such (text and colour),
 * a wrong choice as the learner's wrong answer; before checking, the chosen option is highlighted.
 */
function checkedOptionClass(right: boolean, chosen: boolean): string {
  const base = 'flex items-start gap-3 rounded-md border-2 p-3';
  if (right) return `${base} border-emerald-600 bg-emerald-50 dark:border-emerald-400 dark:bg-emerald-950/40`;
  if (chosen) return `${base} border-rose-600 bg-rose-50 dark:border-rose-400 dark:bg-rose-950/40`;
  return `${base} border-slate-200 dark:border-slate-800`;
}

function OptionVerdict({ right, chosen }: { right: boolean; chosen: boolean }) {
  if (right)
    return (
      <span className="shrink-0 text-xs font-semibold text-emerald-800 dark:text-emerald-300">
        {chosen ? '✓ Right answer, your choice' : '✓ Right answer'}
      </span>
    );
  if (chosen)
    return (
      <span className="shrink-0 text-xs font-semibold text-rose-800 dark:text-rose-300">✗ Your choice</span>
    );
  return null;
}

/** One option of a choice question: a radio or checkbox with its text, and after checking its verdict. */
function ChoiceOption({
  type,
  name,
  text,
  picked,
  right,
  checked,
  onChange,
}: {
  type: 'radio' | 'checkbox';
  name: string;
  text: string;
  picked: boolean;
  right: boolean;
  checked: boolean;
  onChange: (on: boolean) => void;
}) {
  return (
    <label className={checked ? checkedOptionClass(right, picked) : optionClass}>
      <input
        type={type}
        name={name}
        className="mt-1 h-4 w-4 shrink-0 accent-brand-700"
        checked={picked}
        onChange={(event) => onChange(event.target.checked)}
        disabled={checked}
      />
      <span className="flex min-w-0 flex-1 flex-col gap-1 sm:flex-row sm:justify-between sm:gap-3">
        <span>{text}</span>
        {checked ? <OptionVerdict right={right} chosen={picked} /> : null}
      </span>
    </label>
  );
}

function QuestionField({
  question,
  number,
  count,
  answer,
  onAnswer,
  checked,
  flagged,
}: {
  question: QuizQuestion;
  number: number;
  count: number;
  answer: Answer;
  onAnswer: (answer: Answer) => void;
  checked: boolean;
  flagged: boolean;
}) {
  const name = useId();
  const correct = checked && isCorrect(question, answer);
  const feedbackId = `${name}-feedback`;
  const describedBy = checked ? feedbackId : undefined;

  let control: React.ReactNode;
  if (question.kind === 'single' || question.kind === 'truefalse') {
    const options = question.kind === 'single' ? question.options : ['True', 'False'];
    const optionValue = (index: number): Answer => (question.kind === 'single' ? index : index === 0);
    control = (
      <div className="mt-3 space-y-2">
        {options.map((option, index) => (
          <ChoiceOption
            key={option}
            type="radio"
            name={name}
            text={option}
            picked={answer === optionValue(index)}
            right={isRightOption(question, index)}
            checked={checked}
            onChange={() => onAnswer(optionValue(index))}
          />
        ))}
      </div>
    );
  } else if (question.kind === 'multiple') {
    const chosen = Array.isArray(answer) ? answer : [];
    control = (
      <div className="mt-3 space-y-2">
        <p className="text-sm text-slate-600 dark:text-slate-400">Choose every answer that applies.</p>
        {question.options.map((option, index) => (
          <ChoiceOption
            key={option}
            type="checkbox"
            name={name}
            text={option}
            picked={chosen.includes(index)}
            right={isRightOption(question, index)}
            checked={checked}
            onChange={(on) => onAnswer(on ? [...chosen, index] : chosen.filter((value) => value !== index))}
          />
        ))}
      </div>
    );
  } else {
    control = (
      <div className="mt-3">
        <label htmlFor={`${name}-number`} className="block text-sm text-slate-700 dark:text-slate-300">
          Your answer (a number{question.unit ? `, in ${question.unit}` : ''})
        </label>
        <input
          id={`${name}-number`}
          type="number"
          inputMode="decimal"
          step="any"
          className="mt-1 w-40 rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
          value={typeof answer === 'string' ? answer : ''}
          onChange={(event) => onAnswer(event.target.value)}
          disabled={checked}
          aria-describedby={describedBy}
        />
      </div>
    );
  }

  return (
    <div
      className={`rounded-lg border p-4 ${
        flagged ? 'border-amber-500' : 'border-slate-200 dark:border-slate-800'
      } ${checked ? (correct ? 'bg-emerald-50/60 dark:bg-emerald-950/30' : 'bg-rose-50/60 dark:bg-rose-950/30') : ''}`}
    >
      <fieldset aria-describedby={describedBy} className="m-0 min-w-0 border-0 p-0">
        <legend className="px-1 font-semibold text-slate-900 dark:text-white">
          <span className="block text-xs font-medium uppercase tracking-wide text-slate-600 dark:text-slate-400">
            Question {number} of {count}
          </span>
          {question.prompt}
        </legend>
        {control}
        {checked ? (
          <div id={feedbackId} className="mt-3 text-sm text-slate-800 dark:text-slate-200">
            <p
              className={`font-semibold ${correct ? 'text-emerald-800 dark:text-emerald-300' : 'text-rose-800 dark:text-rose-300'}`}
            >
              {correct ? '✓ Correct' : `✗ Not quite. The answer: ${correctAnswerText(question)}`}
            </p>
            <p className="mt-1">{question.explanation}</p>
          </div>
        ) : null}
      </fieldset>
    </div>
  );
}
