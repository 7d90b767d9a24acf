// The Prometheus text exposition format 0.0.4 (prometheus.io "Exposition formats"; client_java 1.x
// PrometheusTextFormatWriter): `# HELP` (\ and newline escaped), `# TYPE`, then `name{l="v",...} value`, label
// values escaping \, " and newline, `\n` line endings, the last line ending in `\n`.
import { javaDouble } from './format';
import type { MetricFamily } from './jmxExporter';

export const EXPOSITION_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export function escapeHelp(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

export function escapeLabelValue(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** TextFormatUtil#writeDouble: +Inf/-Inf, else Double.toString ("42.0", "1.0E7", "NaN"). */
export function formatSampleValue(v: number): string {
  if (v === Number.POSITIVE_INFINITY) return '+Inf';
  if (v === Number.NEGATIVE_INFINITY) return '-Inf';
  return javaDouble(v);
}

export function renderExposition(families: readonly MetricFamily[]): string {
  let out = '';
  for (const f of families) {
    if (f.samples.length === 0) continue;
    const metaName = f.type === 'counter' ? `${f.name}_total` : f.name;
    if (f.help) out += `# HELP ${metaName} ${escapeHelp(f.help)}\n`;
    out += `# TYPE ${metaName} ${f.type}\n`;
    for (const s of f.samples) {
      out += s.name;
      if (s.labels.length > 0)
        out += `{${s.labels.map(([k, v]) => `${k}="${escapeLabelValue(v)}"`).join(',')}}`;
      out += ` ${formatSampleValue(s.value)}\n`;
    }
  }
  return out;
}
