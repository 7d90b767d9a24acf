import type { MDXComponents } from 'mdx/types';
import { Quiz } from '@/components/quiz/Quiz';
import { Callout } from './Callout';
import { Challenge, Console, Simulation } from './lazyWidgets';
import { Term } from './Term';

// The small component map lessons use without imports: Simulation, Challenge, Quiz, Console, Callout, Term.
export const mdxComponents: MDXComponents = {
  Simulation,
  Challenge,
  Quiz,
  Console,
  Callout,
  Term,
};
