'use client';
// Lays out the chosen views around one SimController. On narrow screens everything stacks; from lg up
// the cluster/producer column sits beside the log/group/retention column.
import './sim.css';
import type { ReactNode } from 'react';
import { type Focus, FocusProvider } from '../sim-runtime/focus';
import type { SimController } from '../sim-runtime/SimController';
import { SimContext } from '../sim-runtime/useSimulation';
import { PanelScope } from './ui';
import { type ViewName, viewsIn } from './viewRegistry';

export { ALL_VIEWS, parseViews, type ViewName } from './viewRegistry';

export function SimWorkspace({
  controller,
  views,
  focus,
  extra,
  before,
  wide = true,
  label,
}: {
  controller: SimController;
  /** The embed's name, added to each panel's landmark name when a page holds several simulations. */
  label?: string;
  views: readonly ViewName[];
  focus?: Partial<Focus>;
  /** Rendered after the views (the playground's console). */
  extra?: ReactNode;
  /** Rendered before the views (the scenario recorder's console). */
  before?: ReactNode;
  /** Two columns on large screens (playground); lessons use one. */
  wide?: boolean;
}) {
  const render = (column: 'top' | 'left' | 'right') =>
    viewsIn(column, views).map(({ name, Component }) => <Component key={name} />);
  let left = render('left');
  let right = render('right');
  // Two columns only hold something when both do: views of one column alone (the security lesson's
  // request path and tenants) share the two columns instead of leaving one empty.
  if (wide && (left.length === 0 || right.length === 0)) {
    const all = [...left, ...right];
    left = all.slice(0, Math.ceil(all.length / 2));
    right = all.slice(Math.ceil(all.length / 2));
  }
  return (
    <PanelScope.Provider value={label ?? null}>
      <SimContext.Provider value={controller}>
        <FocusProvider initial={focus}>
          <div className="flex flex-col gap-4" data-sim-workspace="">
            {before}
            {render('top')}
            {wide ? (
              <div className="grid gap-4 lg:grid-cols-2">
                <div className="flex min-w-0 flex-col gap-4">{left}</div>
                <div className="flex min-w-0 flex-col gap-4">{right}</div>
              </div>
            ) : (
              <div className="flex flex-col gap-4">
                {left}
                {right}
              </div>
            )}
            {extra}
          </div>
        </FocusProvider>
      </SimContext.Provider>
    </PanelScope.Provider>
  );
}
