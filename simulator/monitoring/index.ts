// The monitoring area (state.areas.monitoring): jmx_exporter, Prometheus with Strimzi's alert rules, Burrow and
// kafka-lag-exporter on the virtual clock, started by `monitoringStart`. See simulator/metrics/README.md.
import { defineArea } from '../engine/registry';
import { newRecorder } from '../metrics/recorder';
import { monitoringCommands, monitoringHooks, monitoringTasks } from './area';

export const monitoringArea = defineArea({
  name: 'monitoring',
  init: (state) => {
    state.areas.monitoring = { monitor: null, generation: 0, recorder: newRecorder() };
  },
  commands: monitoringCommands,
  tasks: monitoringTasks,
  hooks: monitoringHooks,
});

export type { MonitoringAreaState } from './types';
