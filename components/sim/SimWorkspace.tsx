'use client';
// Lays out the chosen views around one SimController. On narrow screens everything stacks; from lg up
// the cluster/producer column sits beside the log/group/retention column.
import './sim.css';
import type { ReactNode } from 'react';
import { ClusterView } from './ClusterView';
import { type Focus, FocusProvider } from './focus';
import { GroupView } from './GroupView';
import { PartitionLogView } from './PartitionLogView';
import { ProducerView } from './ProducerView';
import { RetentionView } from './RetentionView';
import type { SimController } from './SimController';
import { TimelineView } from './TimelineView';
import { PanelScope } from './ui';
import { SimContext } from './useSimulation';

export type ViewName = 'cluster' | 'log' | 'producer' | 'group' | 'retention' | 'timeline';
export const ALL_VIEWS: readonly ViewName[] = [
  'cluster',
  'log',
  'producer',
  'group',
  'retention',
  'timeline',
];

export function parseViews(text: string | undefined): ViewName[] {
  if (!text) return ['cluster', 'log', 'timeline'];
  const wanted = text.split(',').map((v) => v.trim().toLowerCase());
  return ALL_VIEWS.filter((v) => wanted.includes(v));
}

export function SimWorkspace({
  controller,
  views,
  focus,
  extra,
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
  /** Two columns on large screens (playground); lessons use one. */
  wide?: boolean;
}) {
  const has = (v: ViewName) => views.includes(v);
  const left = [
    has('cluster') && <ClusterView key="cluster" />,
    has('producer') && <ProducerView key="producer" />,
  ].filter(Boolean);
  const right = [
    has('log') && <PartitionLogView key="log" />,
    has('group') && <GroupView key="group" />,
    has('retention') && <RetentionView key="retention" />,
  ].filter(Boolean);
  return (
    <PanelScope.Provider value={label ?? null}>
      <SimContext.Provider value={controller}>
        <FocusProvider initial={focus}>
          <div className="flex flex-col gap-4">
            {has('timeline') ? <TimelineView /> : null}
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
