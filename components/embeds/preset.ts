// The shape of a preset file (content/lessons/<section>/presets/<id>.json, content/playground/<id>.json): a
// starting cluster and one-click actions. lib/content/schemas.ts checks files against it.

export type PresetAction = { label: string; command: string };

export type Preset = {
  id: string;
  title: string;
  description: string;
  brokers: number;
  seed: number;
  setup: string[];
  focus?: { topic?: string; partition?: number; group?: string };
  actions: PresetAction[];
};
