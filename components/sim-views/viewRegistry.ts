// Every view a simulation can show, in one list: its name (what `views="cluster,log"` in a lesson, a preset
// or a scenario names), where SimWorkspace places it, and the component. A new view is its own file plus one
// line here; layouts, the playground, the classroom and the content checks all read this list.
import type { ComponentType } from 'react';
import { ClusterMapView } from './ClusterMapView';
import { ClusterView } from './ClusterView';
import { ComparisonView } from './ComparisonView';
import { ConnectView } from './ConnectView';
import { GroupView } from './GroupView';
import { LagView } from './LagView';
import { MirrorView } from './MirrorView';
import { MonitoringView } from './MonitoringView';
import { PartitionLogView } from './PartitionLogView';
import { ProducerView } from './ProducerView';
import { RetentionView } from './RetentionView';
import { RollingRestartView } from './RollingRestartView';
import { SchemaRegistryView } from './SchemaRegistryView';
import { SecurityPathView } from './SecurityPathView';
import { ShareGroupView } from './ShareGroupView';
import { StreamsView } from './StreamsView';
import { StreamsWindowsView } from './StreamsWindowsView';
import { TenantView } from './TenantView';
import { TimelineView } from './TimelineView';

/** top: full width above the others; left: the cluster/producer column; right: the log/group column. */
export type ViewColumn = 'top' | 'left' | 'right';

export type ViewEntry = {
  readonly name: string;
  readonly column: ViewColumn;
  readonly Component: ComponentType;
};

export const VIEW_REGISTRY = [
  { name: 'map', column: 'top', Component: ClusterMapView },
  { name: 'timeline', column: 'top', Component: TimelineView },
  { name: 'cluster', column: 'left', Component: ClusterView },
  { name: 'producer', column: 'left', Component: ProducerView },
  { name: 'log', column: 'right', Component: PartitionLogView },
  { name: 'group', column: 'right', Component: GroupView },
  { name: 'retention', column: 'right', Component: RetentionView },
  { name: 'security', column: 'right', Component: SecurityPathView },
  { name: 'tenants', column: 'right', Component: TenantView },
  { name: 'monitoring', column: 'top', Component: MonitoringView },
  { name: 'lag', column: 'right', Component: LagView },
  { name: 'compare', column: 'top', Component: ComparisonView },
  { name: 'connect', column: 'top', Component: ConnectView },
  { name: 'streams', column: 'top', Component: StreamsView },
  { name: 'windows', column: 'top', Component: StreamsWindowsView },
  { name: 'roll', column: 'left', Component: RollingRestartView },
  { name: 'mirror', column: 'right', Component: MirrorView },
  { name: 'schemas', column: 'right', Component: SchemaRegistryView },
  { name: 'share', column: 'top', Component: ShareGroupView },
] as const satisfies readonly ViewEntry[];

export type ViewName = (typeof VIEW_REGISTRY)[number]['name'];

export const ALL_VIEWS: readonly ViewName[] = VIEW_REGISTRY.map((v) => v.name);

const isViewName = (v: string): v is ViewName => (ALL_VIEWS as readonly string[]).includes(v);

/** The views a `views="a,b"` attribute names, in registry order; unknown names are dropped. */
export function parseViews(text: string | undefined): ViewName[] {
  if (!text) return ['cluster', 'log', 'timeline'];
  const wanted = text
    .split(',')
    .map((v) => v.trim().toLowerCase())
    .filter(isViewName);
  return ALL_VIEWS.filter((v) => wanted.includes(v));
}

/** The chosen views of one column, in registry order. */
export function viewsIn(column: ViewColumn, chosen: readonly ViewName[]): readonly ViewEntry[] {
  return VIEW_REGISTRY.filter((v) => v.column === column && chosen.includes(v.name));
}
