import { beforeAll, describe, expect, it } from 'vitest';
import { scriptLines } from '@/components/classroom/scenarios';
import { runConsoleLines, scenarioToShellScript } from '@/kafka-cli';
import { scenarios } from '@/lib/content.server';
import { allTopics } from '@/lib/roadmap';
import { evaluateGoal, type Goal } from '@/simulator/goals';
import { readModel, Simulation, schemaRegistry, validateScenario } from '@/simulator/index';

// Scenarios that use the Schema Registry need its libraries, as the classroom page loads them first.
beforeAll(async () => {
  await schemaRegistry.loadSchemaFormats();
});

const topicIds = new Set(allTopics().map((t) => t.id));
const scenarioList = scenarios();

/**
 * Where each of a scenario's lines went in its shell script, in order. A Kafka CLI line must appear verbatim,
 * changed only in the two ways the export documents (the bootstrap server made explicit when the line has
 * none, and `.sh` on a kafka- tool name), with a here-document's body lines right after it; any other line
 * must appear as its "[simulator only]" comment. Returns the problems: a dropped, reordered or mangled line.
 */
function exportProblems(lines: readonly string[], script: string): string[] {
  const out = script.split('\n');
  const problems: string[] = [];
  const restore = (scriptLine: string) =>
    scriptLine.replace(' --bootstrap-server "$BOOTSTRAP"', '').replace(/^kcat -b "\$BOOTSTRAP"/, 'kcat');
  const withSh = (line: string) => line.replace(/^kafka-([a-z-]+)(?!\.sh)(\s|$)/, 'kafka-$1.sh$2');
  let cursor = 0;
  for (const line of lines) {
    const [first, ...rest] = line.split('\n');
    const cli = /^(kafka-|kcat)/.test(first);
    const wanted = cli ? withSh(first) : `# [simulator only] ${line.replace(/\n/g, ' ')}`;
    const at = out.findIndex(
      (candidate, index) => index >= cursor && (cli ? restore(candidate) : candidate) === wanted,
    );
    if (at < 0) {
      problems.push(`missing or changed: ${first}`);
      continue;
    }
    if (cli && rest.length > 0 && out.slice(at + 1, at + 1 + rest.length).join('\n') !== rest.join('\n'))
      problems.push(`here-document body changed: ${first}`);
    cursor = at + 1 + (cli ? rest.length : 0);
  }
  return problems;
}

describe('classroom scenarios (content/scenarios)', () => {
  it('there are at least 8, with distinct ids', () => {
    expect(scenarioList.length).toBeGreaterThanOrEqual(8);
    expect(new Set(scenarioList.map((s) => s.id)).size).toBe(scenarioList.length);
  });

  it('the shell-export check catches a dropped, a mangled and a reordered line', () => {
    const scenario = scenarioList.find((s) => s.id === 'leader-failover')!;
    const lines = [...scenario.setup, ...scriptLines(scenario, scenario.steps.length)];
    const script = scenarioToShellScript(scenario);
    expect(exportProblems(lines, script)).toEqual([]);
    const cli = script.split('\n').filter((l) => /^kafka-/.test(l));
    expect(cli.length).toBeGreaterThan(1);
    expect(exportProblems(lines, script.replace(`${cli[0]}\n`, ''))).not.toEqual([]);
    expect(
      exportProblems(lines, script.replace(cli[0], cli[0].replace(/--topic \S+/, '--topic other'))),
    ).not.toEqual([]);
    const [a, b] = [script.indexOf(cli[0]), script.indexOf(cli[1])];
    const swapped =
      script.slice(0, a) +
      cli[1] +
      script.slice(a + cli[0].length, b) +
      cli[0] +
      script.slice(b + cli[1].length);
    expect(exportProblems(lines, swapped)).not.toEqual([]);
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
          // The presenter runs each command of a step on its own (usePresentation), so a here-document must live
          // inside one command; each is run alone here too.
          const stepFailures = step.commands.flatMap((command) => failures([command]));
          expect({ step: index + 1, failures: stepFailures }).toEqual({
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

      it('exports every line to the shell script, in order and unchanged (scenarioToShellScript)', () => {
        const script = scenarioToShellScript(scenario);
        const lines = [...scenario.setup, ...scriptLines(scenario, scenario.steps.length)];
        expect(exportProblems(lines, script)).toEqual([]);
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
