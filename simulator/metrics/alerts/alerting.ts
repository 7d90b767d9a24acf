// Prometheus alerting rules (rules/alerting.go): each evaluation runs the expression; a new label set is
// pending from that time, firing once it has been returned for `for:` at every evaluation, and inactive
// ("resolved") at the first evaluation that no longer returns it; resolved alerts are kept 15 minutes.
import { goFloatV } from '../format';
import { instantQuery, type Sample } from '../promql/evaluator';
import { parsePromQL } from '../promql/parser';
import type { SampleInput, SeriesStore } from '../store';
import type { AlertRule } from './strimziRules';

export type AlertState = 'pending' | 'firing' | 'inactive';

export type ActiveAlert = {
  rule: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  state: AlertState;
  value: number;
  activeAt: number;
  firedAt: number | null;
  resolvedAt: number | null;
  keepFiringSince: number | null;
};

export type AlertingState = {
  /** By rule name, then by label-set key. */
  active: Record<string, Record<string, ActiveAlert>>;
  lastEvaluation: number | null;
  /** The last evaluation error per rule (a rule whose query fails keeps its alerts as they were). */
  errors: Record<string, string>;
};

export type AlertEvent = {
  type: 'alertPending' | 'alertFiring' | 'alertResolved';
  alertname: string;
  labels: Record<string, string>;
  value: number;
  reason: string;
};

/** rules.resolvedRetention: a resolved alert is still sent to Alertmanager for 15 minutes. */
export const RESOLVED_RETENTION_MS = 15 * 60_000;
/** The evaluation_interval of Prometheus' example prometheus.yml (its built-in default is 1m). */
export const DEFAULT_EVALUATION_INTERVAL_MS = 15_000;

export function newAlertingState(): AlertingState {
  return { active: {}, lastEvaluation: null, errors: {} };
}

/** Validate rules up front (a bad expression is a configuration error, as promtool check rules reports it). */
export function checkRules(rules: readonly AlertRule[]): string[] {
  const errors: string[] = [];
  for (const r of rules) {
    try {
      parsePromQL(r.expr);
    } catch (e) {
      errors.push(
        `group "${r.group}", rule "${r.alert}": could not parse expression: ${(e as Error).message}`,
      );
    }
  }
  return errors;
}

/** The text/template subset the Strimzi annotations use: {{ $value }}, {{ $labels.x }}, {{ .Labels.x }}, {{ .Value }}. */
export function expandTemplate(text: string, labels: Record<string, string>, value: number): string {
  return text.replace(/\{\{\s*([^}]*?)\s*\}\}/g, (whole, expr: string) => {
    if (expr === '$value' || expr === '.Value') return goFloatV(value);
    const m = /^(?:\$labels|\.Labels)\.([a-zA-Z_][a-zA-Z0-9_]*)$/.exec(expr);
    if (m) return labels[m[1]] ?? '<no value>';
    return whole;
  });
}

function keyOf(labels: Record<string, string>): string {
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}=${JSON.stringify(labels[k])}`)
    .join(',');
}

function describeLabels(labels: Record<string, string>): string {
  const shown = Object.entries(labels).filter(([k]) => k !== 'alertname' && k !== 'severity');
  return shown.length ? `{${shown.map(([k, v]) => `${k}="${v}"`).join(', ')}}` : '';
}

function seconds(ms: number): string {
  return ms % 60_000 === 0 && ms > 0 ? `${ms / 60_000}m` : `${ms / 1000}s`;
}

/** Evaluate every rule at `t` over the store; mutates `state` and returns the transitions as events. */
export function evaluateRules(
  state: AlertingState,
  rules: readonly AlertRule[],
  store: SeriesStore,
  t: number,
): AlertEvent[] {
  const events: AlertEvent[] = [];
  for (const rule of rules) {
    let samples: Sample[];
    try {
      const r = instantQuery(store, rule.expr, t);
      samples =
        r.value.type === 'vector'
          ? r.value.samples
          : r.value.type === 'scalar'
            ? [{ labels: {}, value: r.value.value }]
            : [];
      delete state.errors[rule.alert];
    } catch (e) {
      state.errors[rule.alert] = (e as Error).message;
      continue;
    }
    if (!state.active[rule.alert]) state.active[rule.alert] = {};
    const active = state.active[rule.alert];
    const seen = new Set<string>();
    for (const s of samples) {
      const { __name__: _, ...sampleLabels } = s.labels;
      const labels: Record<string, string> = { ...sampleLabels };
      for (const [k, v] of Object.entries(rule.labels)) labels[k] = expandTemplate(v, sampleLabels, s.value);
      labels.alertname = rule.alert;
      const key = keyOf(labels);
      seen.add(key);
      const annotations = Object.fromEntries(
        Object.entries(rule.annotations).map(([k, v]) => [k, expandTemplate(v, sampleLabels, s.value)]),
      );
      const a = active[key];
      if (a && a.state !== 'inactive') {
        a.value = s.value;
        a.annotations = annotations;
        a.keepFiringSince = null;
        continue;
      }
      active[key] = {
        rule: rule.alert,
        labels,
        annotations,
        state: 'pending',
        value: s.value,
        activeAt: t,
        firedAt: null,
        resolvedAt: null,
        keepFiringSince: null,
      };
    }
    for (const key of Object.keys(active)) {
      const a = active[key];
      if (!seen.has(key)) {
        if (a.state === 'firing' && (rule.keepFiringForMs ?? 0) > 0) {
          if (a.keepFiringSince === null) a.keepFiringSince = t;
          if (t - a.keepFiringSince < (rule.keepFiringForMs ?? 0)) continue;
        }
        if (a.state === 'pending' || (a.resolvedAt !== null && t - a.resolvedAt > RESOLVED_RETENTION_MS)) {
          delete active[key];
          if (a.state === 'pending')
            events.push({
              type: 'alertResolved',
              alertname: rule.alert,
              labels: a.labels,
              value: a.value,
              reason: `${rule.alert}${describeLabels(a.labels)} is no longer pending: \`${rule.expr}\` stopped returning it before for: ${seconds(rule.forMs)} elapsed`,
            });
          continue;
        }
        if (a.state !== 'inactive') {
          a.state = 'inactive';
          a.resolvedAt = t;
          events.push({
            type: 'alertResolved',
            alertname: rule.alert,
            labels: a.labels,
            value: a.value,
            reason: `${rule.alert}${describeLabels(a.labels)} resolved: \`${rule.expr}\` no longer returns it`,
          });
        }
        continue;
      }
      if (a.state === 'pending' && a.activeAt === t && rule.forMs > 0)
        events.push({
          type: 'alertPending',
          alertname: rule.alert,
          labels: a.labels,
          value: a.value,
          reason: `${rule.alert}${describeLabels(a.labels)} is pending: \`${rule.expr}\` returned ${goFloatV(a.value)}; it fires if that holds for ${seconds(rule.forMs)}`,
        });
      if (a.state === 'pending' && t - a.activeAt >= rule.forMs) {
        a.state = 'firing';
        a.firedAt = t;
        events.push({
          type: 'alertFiring',
          alertname: rule.alert,
          labels: a.labels,
          value: a.value,
          reason: `${rule.alert}${describeLabels(a.labels)} is firing: \`${rule.expr}\` has held for ${seconds(t - a.activeAt)} (for: ${seconds(rule.forMs)})`,
        });
      }
    }
  }
  state.lastEvaluation = t;
  return events;
}

/** The ALERTS series Prometheus writes for pending and firing alerts. */
export function alertsSeries(state: AlertingState): SampleInput[] {
  const out: SampleInput[] = [];
  for (const rule of Object.keys(state.active).sort())
    for (const a of Object.values(state.active[rule]))
      if (a.state !== 'inactive')
        out.push({ name: 'ALERTS', labels: { ...a.labels, alertstate: a.state }, value: 1 });
  return out;
}

/** Alerts as the /api/v1/alerts endpoint lists them (pending and firing). */
export function listAlerts(state: AlertingState): ActiveAlert[] {
  const out: ActiveAlert[] = [];
  for (const rule of Object.keys(state.active).sort())
    for (const a of Object.values(state.active[rule])) if (a.state !== 'inactive') out.push(a);
  return out;
}
