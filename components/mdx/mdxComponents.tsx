import type { MDXComponents } from 'mdx/types';
import { LessonConsole } from '@/components/console/LessonConsole';
import { Quiz } from '@/components/quiz/Quiz';
import { Simulation } from '@/components/simulation/Simulation';
import { Callout } from './Callout';
import { Term } from './Term';

// The small component map lessons use without imports: Simulation, Challenge, Quiz, Console, Callout, Term.
export const mdxComponents: MDXComponents = {
  Quiz,
  Console: LessonConsole,
  Simulation,
  Callout,
  Term,
};
