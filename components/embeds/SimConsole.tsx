'use client';
// The playground's terminal: the shared Console panel, with every command run through the embed's
// SimController so console lines join the replayable command log (and the timeline, and share links).
import { useContext } from 'react';
import { Console } from '@/components/console/Console';
import type { SimController } from '../sim-runtime/SimController';
import { Panel, PanelScope } from '../sim-views/ui';

export function SimConsole({ controller }: { controller: SimController }) {
  const scope = useContext(PanelScope);
  return (
    <Panel id="sim-console" title="Console">
      <p className="mb-2 text-xs text-slate-600 dark:text-slate-400">
        Real Kafka CLI lines (kafka-topics.sh, kafka-console-consumer.sh, kcat …) and simulation commands
        (broker stop 2, clock advance 10s). Type <code>help</code> for the list.
      </p>
      <Console controller={controller} label={scope ? `Terminal: ${scope}` : 'Playground console'} />
    </Panel>
  );
}
