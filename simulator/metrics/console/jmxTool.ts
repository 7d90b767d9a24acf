// `kafka-run-class.sh org.apache.kafka.tools.JmxTool` (tools/JmxTool.java): options, the stderr connect line,
// the quoted CSV header of "time" + sorted "objectName:attribute" keys, and one row per reporting interval.
// The simulation prints one row (as with --one-time true): a console command cannot poll forever.
import { javaDouble } from '../format';
import { type MBean, mbeanObjectName, objectNameMatches, parseObjectName } from '../mbean';
import type { ToolOutput } from './types';

export type JmxToolRequest = {
  objectNames: string[];
  attributes: string[] | null;
  jmxUrl: string;
  reportFormat: 'original' | 'properties' | 'csv' | 'tsv';
  oneTime: boolean;
  wait: boolean;
};

export const DEFAULT_JMX_URL = 'service:jmx:rmi:///jndi/rmi://:9999/jmxrmi';

const OPTIONS = [
  '--object-name',
  '--attributes',
  '--reporting-interval',
  '--one-time',
  '--date-format',
  '--jmx-url',
  '--report-format',
  '--jmx-auth-prop',
  '--jmx-ssl-enable',
  '--wait',
  '--help',
  '--version',
];

export function parseJmxToolArgs(
  tokens: readonly string[],
): { ok: true; request: JmxToolRequest } | { ok: false; out: ToolOutput } {
  const req: JmxToolRequest = {
    objectNames: [],
    attributes: null,
    jmxUrl: DEFAULT_JMX_URL,
    reportFormat: 'original',
    oneTime: false,
    wait: false,
  };
  const err = (m: string): { ok: false; out: ToolOutput } => ({
    ok: false,
    out: { stdout: '', stderr: `${m}\n`, exitCode: 1 },
  });
  for (let i = 0; i < tokens.length; i++) {
    const [name, inline] =
      tokens[i].includes('=') && tokens[i].startsWith('--')
        ? [tokens[i].slice(0, tokens[i].indexOf('=')), tokens[i].slice(tokens[i].indexOf('=') + 1)]
        : [tokens[i], undefined];
    if (!OPTIONS.includes(name))
      return err(
        `${name.startsWith('-') ? `${name.replace(/^-+/, '')} is not a recognized option` : `Found non-option argument: ${name}`}`,
      );
    const value = (): string | null => inline ?? tokens[++i] ?? null;
    switch (name) {
      case '--help':
        return {
          ok: false,
          out: { stdout: 'Dump JMX values to standard output.\n', stderr: '', exitCode: 0 },
        };
      case '--object-name': {
        const v = value();
        if (v === null) return err("Option ['object-name'] requires an argument");
        if (!parseObjectName(v) && v !== '*:*') return err(`Key properties cannot be empty`);
        req.objectNames.push(v);
        break;
      }
      case '--attributes': {
        const v = value();
        if (v === null) return err("Option ['attributes'] requires an argument");
        req.attributes = v.split(',').filter((s) => s !== '');
        break;
      }
      case '--jmx-url': {
        const v = value();
        if (v === null) return err("Option ['jmx-url'] requires an argument");
        req.jmxUrl = v;
        break;
      }
      case '--report-format': {
        const v = value();
        if (v === null) return err("Option ['report-format'] requires an argument");
        req.reportFormat = v === 'properties' || v === 'csv' || v === 'tsv' ? v : 'original';
        break;
      }
      case '--one-time': {
        // An optional boolean argument.
        const next = inline ?? tokens[i + 1];
        if (next === 'true' || next === 'false') {
          if (inline === undefined) i++;
          req.oneTime = next === 'true';
        } else req.oneTime = true;
        break;
      }
      case '--reporting-interval': {
        const v = value();
        if (v === null || !/^-?\d+$/.test(v))
          return err(`Cannot parse argument '${v ?? ''}' of option reporting-interval`);
        if (Number(v) < 0) req.oneTime = true;
        break;
      }
      case '--wait':
        req.wait = true;
        break;
      default:
        value();
    }
  }
  return { ok: true, request: req };
}

/** The host in service:jmx:rmi:///jndi/rmi://HOST:PORT/jmxrmi (empty = localhost). */
export function jmxUrlHost(url: string): { host: string; port: number } | null {
  const m = /^service:jmx:rmi:\/\/\/jndi\/rmi:\/\/([^:/]*):(\d+)\/jmxrmi$/.exec(url);
  return m ? { host: m[1] === '' ? 'localhost' : m[1], port: Number(m[2]) } : null;
}

/** How JMX hands the value to Object#toString: Yammer counts and integer gauges are long/int, the rest double. */
function javaValue(attr: string, v: number | string, yammer: boolean): string {
  if (typeof v === 'string') return v;
  if (yammer && (attr === 'Count' || (attr === 'Value' && Number.isInteger(v)))) return String(v);
  return javaDouble(v);
}

/** Run JmxTool against the MBeans of the node behind the JMX URL (`beans` null = nothing listening). */
export function runJmxTool(req: JmxToolRequest, beans: readonly MBean[] | null, nowMs: number): ToolOutput {
  let stderr = `Trying to connect to JMX url: ${req.jmxUrl}\n`;
  if (beans === null) {
    stderr += `Could not connect to JMX url: ${req.jmxUrl}. Exception: Failed to retrieve RMIServer stub: javax.naming.ServiceUnavailableException.\n`;
    stderr += `Could not connect to JMX url ${req.jmxUrl} after 10000 ms.\n`;
    return { stdout: '', stderr, exitCode: 1 };
  }
  const queries = req.objectNames.length > 0 ? req.objectNames : ['*:*'];
  const found = beans.filter((b) => queries.some((q) => q === '*:*' || objectNameMatches(q, b)));
  const hasPattern = queries.some((q) => q.includes('*') || q.includes('?'));
  if (!hasPattern && req.wait && found.length < queries.length) {
    const missing = queries.filter((q) => !found.some((b) => mbeanObjectName(b) === q));
    return {
      stdout: '',
      stderr: `${stderr}Could not find all requested object names after 10000 ms. Missing ${missing.join(',')}\n`,
      exitCode: 1,
    };
  }
  // findNumExpectedAttributes: every attribute, or the requested ones (per bean having them, with patterns).
  let expected = 0;
  for (const b of found) {
    if (!req.attributes) expected += b.attributes.length;
    else if (hasPattern) {
      const n = b.attributes.filter((a) => req.attributes?.includes(a.name)).length;
      expected += n;
    } else expected += req.attributes.length;
  }
  if (expected === 0)
    return {
      stdout: '',
      stderr: `${stderr}No matched attributes for the queried objects [${queries.join(', ')}].\n`,
      exitCode: 1,
    };
  const values = new Map<string, string>();
  for (const b of found) {
    const yammer = b.attributes.some((a) => a.description === 'Attribute exposed for management');
    for (const a of b.attributes)
      if (!req.attributes || req.attributes.includes(a.name))
        values.set(`${mbeanObjectName(b)}:${a.name}`, javaValue(a.name, a.value, yammer));
  }
  const keys = ['time', ...[...values.keys()].sort()];
  values.set('time', String(nowMs));
  let stdout = '';
  if (req.reportFormat === 'original' && keys.length === expected + 1)
    stdout += `${keys.map((k) => `"${k}"`).join(',')}\n`;
  if (values.size === expected + 1) {
    if (req.reportFormat === 'properties') for (const k of keys) stdout += `${k}=${values.get(k)}\n`;
    else if (req.reportFormat === 'csv') for (const k of keys) stdout += `${k},"${values.get(k)}"\n`;
    else if (req.reportFormat === 'tsv') for (const k of keys) stdout += `${k}\t${values.get(k)}\n`;
    else stdout += `${keys.map((k) => values.get(k)).join(',')}\n`;
  }
  return { stdout, stderr, exitCode: 0 };
}
