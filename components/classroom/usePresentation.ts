'use client';
// The presentation's state machine over one SimController: which step is shown, whether the audience's pokes
// have branched off the script, and how to get back. Every position is "setup + the first k steps' lines",
// replayed on the same seed, so a student's laptop at step k shows exactly the projector's cluster.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LineResult, SimController } from '@/components/sim-runtime/SimController';
import { useSimController, useSimVersion } from '@/components/sim-runtime/useSimulation';
import type { Scenario } from '@/simulator';
import { scriptLines } from './scenarios';

export type Presentation = {
  controller: SimController | null;
  /** The cluster is built and at the starting step: the controls may be used. */
  ready: boolean;
  step: number;
  total: number;
  /** The audience poked the cluster: it no longer matches the script at this step. */
  branched: boolean;
  /** Output of the current step's commands, in order. */
  outputs: LineResult[];
  goTo(step: number): void;
  next(): void;
  previous(): void;
  restart(): void;
  backToScript(): void;
};

export function usePresentation(scenario: Scenario, initialStep = 0): Presentation {
  const total = scenario.steps.length;
  const controller = useSimController(
    { seed: scenario.seed, brokers: scenario.brokers, setup: scenario.setup },
    0,
    scenario.steps.flatMap((s) => s.commands),
  );
  const version = useSimVersion(controller);
  const [step, setStep] = useState(0);
  const [outputs, setOutputs] = useState<LineResult[]>([]);
  // The controller's log and cursor right after the presenter moved: anything else is a poke.
  const scripted = useRef<{ log: string; cursor: number } | null>(null);
  const [branched, setBranched] = useState(false);

  const remember = useCallback((c: SimController) => {
    scripted.current = { log: JSON.stringify(c.log), cursor: c.cursor };
    setBranched(false);
  }, []);

  const jump = useCallback(
    (c: SimController, target: number) => {
      const k = Math.max(0, Math.min(total, target));
      c.load(scriptLines(scenario, k));
      const count = k > 0 ? scenario.steps[k - 1].commands.length : 0;
      setOutputs(count > 0 ? c.transcript.slice(-count) : []);
      setStep(k);
      remember(c);
    },
    [scenario, total, remember],
  );

  // Start where the link says (students' links carry ?step=k).
  const started = useRef(false);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!controller || started.current) return;
    started.current = true;
    jump(controller, initialStep);
    setReady(true);
  }, [controller, initialStep, jump]);

  // Any change the presenter did not make is the audience poking the live cluster.
  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the controller's change signal
  useEffect(() => {
    if (!controller || !scripted.current) return;
    const now = { log: JSON.stringify(controller.log), cursor: controller.cursor };
    setBranched(now.log !== scripted.current.log || now.cursor !== scripted.current.cursor);
  }, [controller, version]);

  const next = useCallback(() => {
    if (!controller || !ready || step >= total) return;
    if (branched) {
      jump(controller, step + 1);
      return;
    }
    // Forward one step runs its lines live, so the views animate what happens.
    const results = scenario.steps[step].commands.map((line) => controller.run(line));
    setOutputs(results);
    setStep(step + 1);
    remember(controller);
  }, [controller, ready, step, total, branched, scenario, jump, remember]);

  return {
    controller,
    ready,
    step,
    total,
    branched,
    outputs,
    goTo: (k) => ready && controller && jump(controller, k),
    next,
    previous: () => ready && controller && step > 0 && jump(controller, step - 1),
    restart: () => ready && controller && jump(controller, 0),
    backToScript: () => ready && controller && jump(controller, step),
  };
}
