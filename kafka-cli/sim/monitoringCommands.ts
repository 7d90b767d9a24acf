// The monitoring stack as a simulation command (not a Kafka tool): its own syntax, exactly:
//   monitoring start [--scrape-interval DURATION] | monitoring stop | monitoring status
// `status` prints what Prometheus' Targets and Alerts pages show: each target up or down, each of Strimzi's
// alert rules inactive, pending or firing.
import { columns, formatClock, parseDuration, widthOf } from '../format';
import { parseLongOptions } from '../options';
import { type CommandOutput, Output } from '../output';
import type { ToolContext, ToolDef } from '../tool';

const VERBS = ['start', 'stop', 'status'] as const;

function statusLines(ctx: ToolContext, out: Output): void {
  const mon = ctx.read.monitoring();
  if (!mon.running) {
    out.line('Monitoring is not running. Start it with: monitoring start');
    return;
  }
  const targets = mon.targets();
  const last = mon.lastScrapeAt === null ? 'never' : formatClock(mon.lastScrapeAt);
  out.line(
    `Prometheus scrapes ${targets.length} targets every ${formatClock(mon.scrapeIntervalMs ?? 0)} (last scrape at ${last}).`,
  );
  const tw = widthOf(
    6,
    targets.map((t) => t.instance),
  );
  const jw = widthOf(
    3,
    targets.map((t) => t.job),
  );
  out.line(columns(['TARGET', 'JOB', 'STATE'], [tw, jw, null]));
  for (const t of targets) out.line(columns([t.instance, t.job, t.up ? 'up' : 'down'], [tw, jw, null]));
  out.line();
  const rules = mon.rules();
  const rw = widthOf(
    5,
    rules.map((r) => r.alert),
  );
  out.line(columns(['ALERT', 'STATE', 'SEVERITY', 'FOR', 'ACTIVE'], [rw, 8, 8, 5, null]));
  for (const r of rules) {
    const shown = r.alerts.slice(0, 3);
    const more = r.alerts.length - shown.length;
    const active = shown
      .map((a) => {
        const where =
          a.labels.kubernetes_pod_name ??
          (a.labels.topic ? `${a.labels.topic}-${a.labels.partition ?? ''}` : (a.labels.instance ?? ''));
        return `${where} ${a.state} (${a.value})`;
      })
      .join(', ')
      .concat(more > 0 ? ` and ${more} more` : '');
    out.line(
      columns(
        [r.alert, r.state, r.severity, r.forMs === 0 ? '0s' : formatClock(r.forMs), active || '-'],
        [rw, 8, 8, 5, null],
      ),
    );
  }
}

function runMonitoring(args: string[], ctx: ToolContext): CommandOutput {
  const out = new Output();
  const [verb, ...rest] = args;
  if (!verb || !(VERBS as readonly string[]).includes(verb))
    return out
      .fail(
        `monitoring: unknown action '${verb ?? ''}'. Use: monitoring start [--scrape-interval 15s] | monitoring stop | monitoring status`,
      )
      .result();
  if (verb === 'start') {
    const parsed = parseLongOptions(rest, [
      { name: 'scrape-interval', arg: 'required', type: 'string', help: '' },
    ]);
    if (parsed.kind === 'error') return out.fail(`monitoring start: ${parsed.message}`).result();
    if (parsed.options.nonOptions.length > 0)
      return out.fail(`monitoring start: unexpected argument '${parsed.options.nonOptions[0]}'`).result();
    const text = parsed.options.value('scrape-interval') ?? null;
    const ms = text === null ? null : parseDuration(text);
    if (text !== null && ms === null)
      return out.fail(`monitoring start: '${text}' is not a duration (use 15s, 30s or 1m)`).result();
    const res = ctx.port.startMonitoring(ms);
    if (!res.ok) return out.fail(`monitoring start: ${res.error.message}`).result();
    const every = ctx.read.monitoring().scrapeIntervalMs ?? 0;
    return out
      .line(
        `Monitoring started: jmx_exporter on port 9404 of every broker, controller and client; Prometheus on localhost:9090 scrapes ${res.data} targets every ${formatClock(every)} and evaluates Strimzi's alert rules; Burrow on localhost:8000.`,
      )
      .result();
  }
  if (rest.length > 0) return out.fail(`monitoring ${verb}: unexpected argument '${rest[0]}'`).result();
  if (verb === 'stop') {
    const res = ctx.port.stopMonitoring();
    if (!res.ok) return out.fail(`monitoring stop: ${res.error.message}`).result();
    return out.line('Monitoring stopped.').result();
  }
  statusLines(ctx, out);
  return out.result();
}

export const monitoringTool: ToolDef = {
  name: 'monitoring',
  aliases: [],
  summary:
    'Start or stop jmx_exporter, Prometheus (Strimzi alert rules) and Burrow, or show targets and alerts.',
  usage: 'monitoring start [--scrape-interval DURATION] | monitoring stop | monitoring status',
  flags: ['--scrape-interval'],
  subcommands: [...VERBS],
  run: runMonitoring,
};
