import { it } from 'vitest';
import { SimController } from '@/components/sim-runtime/SimController';
import { type Preset, preset } from '@/lib/content.server';
function run(id: string, labels: string[]) {
  const p = preset(id) as Preset;
  const c = new SimController({ seed: p.seed, brokers: p.brokers, setup: p.setup });
  console.log('#####', id, c.setupError ?? '');
  const mark = c.narration.length;
  for (const l of labels) {
    const a = p.actions.find((x) => x.label === l);
    const cmd = a ? a.command : l;
    const r = c.run(cmd);
    console.log(`$ [${l}] ${cmd}\n${r.stdout}${r.stderr ? `\n!${r.stderr}` : ''}`);
  }
  console.log(c.narration.slice(mark).map((e) => e.type + ': ' + e.reason).filter((x) => /revok|assign|rebalanc|join|session/i.test(x)).join('\n'));
  return c;
}
it('x', () => {
  run('consumers-offsets', ['Describe group billing', 'Poll c1 (up to 3 records)', 'Describe group billing', 'Commit c1', 'Describe group billing', 'Produce another order', 'Flush checkout (wait for the acknowledgements)', 'Describe group billing', 'Close c1', 'Reset billing to the earliest offset', 'Describe group billing']);
  run('consumers-rebalance-eager', ['Add consumer c4 to billing', 'Poll c4 (it joins the group)', 'Advance the clock 5 s', 'List members of billing']);
  run('consumers-rebalance-cooperative', ['Add consumer c4 to billing', 'Poll c4 (it joins the group)', 'Advance the clock 5 s', 'List members of billing']);
  run('consumers-at-least-once', ['Crash c1', 'Advance 50 s (session timeout, then the rebalance)', 'Poll c2', 'Commit c2', 'Describe group ledger']);
  run('consumers-at-most-once', ['Crash c1', 'Advance 50 s (session timeout, then the rebalance)', 'Poll c2', 'Commit c2', 'Describe group ledger']);
});
