'use client';
// Every view and the console around one controller (the playground, the scenario editor), loaded after the page's
// controls are up (they import this file with next/dynamic): the views and the console's command table stay out
// of their first load.
import type { Focus } from '../sim-runtime/focus';
import type { SimController } from '../sim-runtime/SimController';
import { ALL_VIEWS, SimWorkspace, type ViewName } from '../sim-views/SimWorkspace';
import { SimConsole } from './SimConsole';

export function PlaygroundWorkspace({
  controller,
  focus,
  without = [],
  consoleFirst = false,
}: {
  controller: SimController;
  focus?: Partial<Focus>;
  /** Views left out (the scenario editor has its own step list instead of the timeline). */
  without?: readonly ViewName[];
  /** The console above the views (the scenario recorder, where typing is the main task). */
  consoleFirst?: boolean;
}) {
  const terminal = <SimConsole controller={controller} />;
  return (
    <SimWorkspace
      controller={controller}
      views={ALL_VIEWS.filter((view) => !without.includes(view))}
      focus={focus}
      before={consoleFirst ? terminal : undefined}
      extra={consoleFirst ? undefined : terminal}
    />
  );
}
