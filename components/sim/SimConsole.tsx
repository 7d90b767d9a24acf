'use client';
// The playground's terminal: the shared Console panel, with every command run through the embed's
// SimController so console lines join the replayable command log (and the timeline, and share links).
import { useContext, useMemo } from 'react';
import { Console } from '@/components/console/Console';
import { runnerHost } from '@/components/console/host';
import type { SimController } from './SimController';
import { Panel, PanelScope } from './ui';

export function SimConsole({ controller }: { controller: SimController }) {
  const scope = useContext(PanelScope);
  const host = useMemo(
    () =>
      runnerHost(
        (block) => {
          const r = controller.run(block);
          return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
        },
        () => controller.session,
      ),
    [controller],
  );
  return (
    <Panel id="sim-console" title="Console">
      <p className="mb-2 text-xs text-slate-600 dark:text-slate-400">
        Real Kafka CLI lines (kafka-topics.sh, kafka-console-consumer.sh, kcat …) and simulation commands
        (broker stop 2, clock advance 10s). Type <code>help</code> for the list.
      </p>
      <Console host={host} label={scope ? `Terminal: ${scope}` : 'Playground console'} />
    </Panel>
  );
}
