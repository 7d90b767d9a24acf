// Performing a lesson's "try this" steps against an embed's preset, through the same controller the embed uses.
import { expect } from 'vitest';
import { SimController } from '@/components/sim-runtime/SimController';
import { lesson, type Preset, preset } from '@/lib/content.server';

export function embed(id: string): SimController {
  const p = preset(id) as Preset;
  expect(p, id).toBeDefined();
  const c = new SimController({ seed: p.seed, brokers: p.brokers, setup: p.setup });
  expect(c.setupError ?? null).toBeNull();
  return c;
}

/**
 * Press the preset's button with this label. The lesson's text must name it in bold (numbered buttons such as
 * "3. Stop broker 1, the leader" by their number), so a renamed button fails here rather than confusing a learner.
 */
export function pressIn(lessonId: string) {
  return (c: SimController, presetId: string, label: string) => {
    const a = (preset(presetId) as Preset).actions.find((x) => x.label === label);
    expect(a, `${presetId}: action "${label}"`).toBeDefined();
    const named = /^(\d+)\. /.exec(label)?.[1] ?? label;
    expect(lesson(lessonId)?.source, `the lesson names "${label}"`).toContain(`**${named}**`);
    return c.run((a as { command: string }).command);
  };
}

/** Offsets of a partition's records in the leader's log, segment by segment. */
export function segments(c: SimController, topic: string): number[][] {
  return (c.read().partitionLog(topic, 0)?.segments ?? []).map((s) => s.records.map((r) => r.offset));
}
