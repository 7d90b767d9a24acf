import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioFiles, scenarioList, scriptLines } from '@/components/classroom/scenarios';
import roadmap from '@/content/roadmap.json';
import { runConsoleLines, scenarioToShellScript } from '@/kafka-cli';
import { evaluateGoal, type Goal } from '@/simulator/goals';
import { readModel, Simulation, validateScenario } from '@/simulator/index';

const topicIds = new Set(roadmap.levels.flatMap((l) => l.sections.flatMap((s) => s.topics.map((t) => t.id))));

describe('classroom scenarios (content/scenarios)', () => {
  it('the registry lists every scenario file, and at least 8', () => {
    const files = readdirSync(path.join(process.cwd(), 'content/scenarios')).filter((f) =>
      f.endsWith('.json'),
    );
    expect([...scenarioFiles].sort()).toEqual(files.sort());
    expect(scenarioList.length).toBe(files.length);
    expect(scenarioList.length).toBeGreaterThanOrEqual(8);
    expect(new Set(scenarioList.map((s) => s.id)).size).toBe(scenarioList.length);
  });

  for (const scenario of scenarioList) {
    describe(scenario.id, () => {
      it('is a valid scenario naming real roadmap topics', () => {
        const result = validateScenario(scenario);
        expect(result.ok ? [] : result.problems).toEqual([]);
        for (const topic of scenario.topics) expect(topicIds).toContain(topic);
      });

      it('replays without an error and every step ends in the state it describes', () => {
        const sim = new Simulation({ seed: scenario.seed, brokers: scenario.brokers });
        const failures = (lines: string[]) =>
          runConsoleLines(sim, lines)
            .filter((r) => r.exitCode !== 0)
            .map((r) => `${r.line} → ${r.stderr || r.stdout}`);
        expect(failures(scenario.setup)).toEqual([]);
        scenario.steps.forEach((step, index) => {
          expect({ step: index + 1, failures: failures(step.commands) }).toEqual({
            step: index + 1,
            failures: [],
          });
          if (step.expect) {
            const result = evaluateGoal(readModel(sim), step.expect as Goal);
            const unmet = result.details.filter((d) => !d.met).map((d) => `${d.kind}: ${d.detail}`);
            expect({ step: index + 1, unmet }).toEqual({ step: index + 1, unmet: [] });
          }
        });
        // The last step always states what the audience should now see.
        expect(scenario.steps.at(-1)?.expect).toBeDefined();
      });

      it('is deterministic: two replays give byte-identical state', () => {
        const run = () => {
          const sim = new Simulation({ seed: scenario.seed, brokers: scenario.brokers });
          runConsoleLines(sim, [...scenario.setup, ...scriptLines(scenario, scenario.steps.length)]);
          return sim.serialize();
        };
        expect(run()).toBe(run());
      });

      it('exports every Kafka CLI line to the shell script', () => {
        const script = scenarioToShellScript(scenario);
        const cli = [...scenario.setup, ...scriptLines(scenario, scenario.steps.length)].filter((l) =>
          /^(kafka-|kcat)/.test(l),
        );
        for (const line of cli) expect(script).toContain(line.split(' ').slice(1, 3).join(' '));
        expect(script.startsWith('#!/usr/bin/env bash')).toBe(true);
      });
    });
  }

  it('retries-reorder: without idempotence the retried deposit lands after the withdrawal; with it, before', () => {
    const scenario = scenarioList.find((s) => s.id === 'retries-reorder')!;
    const sim = new Simulation({ seed: scenario.seed, brokers: scenario.brokers });
    runConsoleLines(sim, [...scenario.setup, ...scriptLines(scenario, scenario.steps.length)]);
    const offsets = new Map<string, number>();
    const p = sim.state.topics.ledger.partitions[0];
    for (const seg of p.replicaLogs[p.leader!].log.segments)
      for (const r of seg.records) offsets.set(r.value ?? '', r.offset);
    expect(offsets.get('deposit-100')!).toBeGreaterThan(offsets.get('withdraw-100')!);
    expect(offsets.get('deposit-200')!).toBeLessThan(offsets.get('withdraw-200')!);
  });
});
