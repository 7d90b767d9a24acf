import type { MDXComponents } from 'mdx/types';
import type { ComponentProps } from 'react';
import { Callout } from './Callout';
import { Challenge, Console, Quiz, Simulation } from './embeds';
import { CapacityPlanner } from './lazyWidgets';
import { Term } from './Term';

// The small component map lessons use without imports: Simulation, Challenge, Quiz, Console, Callout, Term.
// The embeds resolve their ids on the server (./embeds.tsx); this map is used by server-rendered MDX only.
export const mdxComponents: MDXComponents = {
  Simulation,
  Challenge,
  Quiz,
  Console,
  Callout,
  Term,
  CapacityPlanner,
  // Wide tables scroll sideways inside the lesson column instead of widening the page on a phone.
  table: (props: ComponentProps<'table'>) => (
    // Focusable so a keyboard user can scroll it (axe: scrollable-region-focusable).
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <div className="relative overflow-x-auto" tabIndex={0}>
      <table {...props} />
    </div>
  ),
};
