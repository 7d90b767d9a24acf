// promtool beyond `query instant`: `query range` over virtual time (cmd/promtool/query.go QueryRange) and
// `check rules` on scratch rule files (cmd/promtool/main.go checkRules, model/rulefmt/rulefmt.go).
import { describe, expect, it } from 'vitest';
import { runConsoleLines } from '@/kafka-cli';
import { goDuration } from '@/kafka-cli/tools/promtool';
import { Simulation } from '@/simulator';

function monitored(extra: string[]) {
  const sim = new Simulation({ brokers: 3, seed: 42 });
  return runConsoleLines(sim, [
    'kafka-topics.sh --create --topic orders --partitions 1 --replication-factor 3',
    'monitoring start',
    'clock advance 10m',
    ...extra,
  ]);
}

const rules = (name: string, body: string[]) => [`cat > ${name} <<EOF`, ...body, 'EOF'];

describe('promtool query range (cmd/promtool/query.go)', () => {
  it('without flags: end = now, start = end − 5m, step = max(floor(range / 250), 1) seconds', () => {
    const r = monitored(["promtool query range http://localhost:9090 'sum(up)'"]).at(-1);
    expect(r?.exitCode).toBe(0);
    const times = (r?.stdout ?? '')
      .split('\n')
      .slice(1)
      .map((l) => Number(/@\[(\d+)\]/.exec(l)?.[1]));
    // 300 s / 250 → 1 s steps from 300 to 600.
    expect(times[0]).toBe(300);
    expect(times.at(-1)).toBe(600);
    expect(times).toHaveLength(301);
  });

  it('--start/--end take Unix seconds or RFC 3339; --step a Go duration', () => {
    const [r] = monitored([
      "promtool query range --start 1970-01-01T00:08:00Z --end 540 --step 30s http://localhost:9090 'sum(kafka_controller_kafkacontroller_activecontrollercount)'",
    ]).slice(-1);
    expect(r.stdout).toBe('{} =>\n1 @[480]\n1 @[510]\n1 @[540]');
  });

  it('its errors: start not before end, unparsable times, a step without unit (kingpin Duration)', () => {
    const out = monitored([
      'promtool query range --start 600 --end 60 http://localhost:9090 up',
      'promtool query range --end soon http://localhost:9090 up',
      'promtool query range --step 15 http://localhost:9090 up',
    ]).slice(-3);
    expect(out.map((o) => [o.stderr, o.exitCode])).toEqual([
      ['start time is not before end time', 1],
      ['error parsing end time: cannot parse "soon" to a valid timestamp', 1],
      ['promtool: error: time: missing unit in duration "15", try --help', 1],
    ]);
  });

  it('time.ParseDuration units (ns to h, fractions, compound), and "0"', () => {
    expect(goDuration('1m30s')).toEqual({ ok: true, ms: 90_000 });
    expect(goDuration('1.5h')).toEqual({ ok: true, ms: 5_400_000 });
    expect(goDuration('0')).toEqual({ ok: true, ms: 0 });
    expect(goDuration('1d')).toEqual({ ok: false, error: 'time: unknown unit "d" in duration "1d"' });
    expect(goDuration('15')).toEqual({ ok: false, error: 'time: missing unit in duration "15"' });
  });
});

describe('promtool check rules (rulefmt.ParseFile, Rule.Validate)', () => {
  const good = [
    'groups:',
    '  - name: kafka',
    '    rules:',
    '      - alert: UnderReplicatedPartitions',
    '        expr: kafka_server_replicamanager_underreplicatedpartitions > 0',
    '        for: 10s',
    '      - record: kafka:underreplicated:sum',
    '        expr: sum(kafka_server_replicamanager_underreplicatedpartitions)',
  ];

  it('a valid file: "Checking FILE", "  SUCCESS: N rules found", a blank line, exit 0', () => {
    const r = monitored([...rules('r.yaml', good), 'promtool check rules r.yaml']).at(-1);
    expect(r).toMatchObject({
      stdout: 'Checking r.yaml\n  SUCCESS: 2 rules found\n',
      stderr: '',
      exitCode: 0,
    });
  });

  it('a PromQL error is reported at the expr node: FILE: line:col: group, rule index and name, the parser text', () => {
    const bad = good.map((l) => l.replace('> 0', '> ')).concat('      - alert: NoExpr');
    const r = monitored([...rules('bad.yaml', bad), 'promtool check rules bad.yaml']).at(-1);
    expect(r?.exitCode).toBe(1);
    expect(r?.stderr.split('\n')).toEqual([
      '  FAILED:',
      'bad.yaml: 5:15: group "kafka", rule 1, "UnderReplicatedPartitions": could not parse expression: 1:56: parse error: unexpected end of input',
      `bad.yaml: 0:0: group "kafka", rule 3, "NoExpr": field 'expr' must be set in rule`,
    ]);
  });

  it('unknown fields fail the yaml decoding (decoder.KnownFields), a missing file the read', () => {
    const typo = ['groups:', '  - name: kafka', '    rules:', '      - alert: X', '        exp: up'];
    const [a, b] = monitored([
      ...rules('typo.yaml', typo),
      'promtool check rules typo.yaml',
      'promtool check rules nope.yaml',
    ]).slice(-2);
    expect(a.stderr).toBe(
      '  FAILED:\ntypo.yaml: yaml: unmarshal errors:\n  line 5: field exp not found in type rulefmt.Rule',
    );
    expect(b.stderr).toBe('  FAILED:\nnope.yaml: open nope.yaml: no such file or directory');
  });

  it('alert label and annotation values must parse as Go templates (rulefmt testTemplateParsing): the error names the key, no position', () => {
    const tpl = [
      'groups:',
      '  - name: kafka',
      '    rules:',
      '      - alert: ConsumerLag',
      '        expr: kafka_consumergroup_lag > 1000',
      '        labels:',
      "          team: '{{ $labels.owner }'",
      '        annotations:',
      "          summary: 'Group {{ $labels.consumergroup }} lags by {{ $value }}'",
      "          description: 'Lag on {{ $lables.topic }}'",
    ];
    const r = monitored([...rules('tpl.yaml', tpl), 'promtool check rules tpl.yaml']).at(-1);
    expect(r?.exitCode).toBe(1);
    expect(r?.stdout).toBe('Checking tpl.yaml');
    expect(r?.stderr.split('\n')).toEqual([
      '  FAILED:',
      'tpl.yaml: group "kafka", rule 1, "ConsumerLag": label "team": template: __alert_ConsumerLag:1: unexpected "}" in operand',
      'tpl.yaml: group "kafka", rule 1, "ConsumerLag": annotation "description": template: __alert_ConsumerLag:1: undefined variable "$lables"',
    ]);
  });

  const dup = [
    'groups:',
    '  - name: kafka',
    '    labels:',
    '      severity: warning',
    '    rules:',
    '      - alert: UnderReplicatedPartitions',
    '        expr: kafka_server_replicamanager_underreplicatedpartitions > 0',
    '      - alert: UnderReplicatedPartitions',
    '        expr: sum(kafka_server_replicamanager_underreplicatedpartitions) > 0',
    '      - alert: UnderReplicatedPartitions',
    '        expr: kafka_server_replicamanager_underreplicatedpartitions > 0',
    '        labels:',
    '          severity: critical',
  ];

  it('--lint=duplicate-rules is the default (checkDuplicates): same name and labels, whatever the expr, is reported and exits 0', () => {
    const r = monitored([...rules('dup.yaml', dup), 'promtool check rules dup.yaml']).at(-1);
    expect(r?.exitCode).toBe(0);
    expect(r?.stdout).toBe('Checking dup.yaml\n');
    expect(r?.stderr).toBe(
      [
        '  FAILED:',
        'lint error 1 duplicate rule(s) found.',
        'Metric: UnderReplicatedPartitions',
        'Label(s):',
        '\tseverity: warning',
        'Might cause inconsistency while recording expressions',
      ].join('\n'),
    );
  });

  it('--lint-fatal makes a lint finding exit 3; --lint=none turns the check off; an unknown option is a warning', () => {
    const out = monitored([
      ...rules('dup.yaml', dup),
      'promtool check rules --lint-fatal dup.yaml',
      'promtool check rules --lint=none dup.yaml',
      'promtool check rules --lint=dupes dup.yaml',
    ]).slice(-3);
    expect(out[0].exitCode).toBe(3);
    expect(out[1]).toMatchObject({
      exitCode: 0,
      stdout: 'Checking dup.yaml\n  SUCCESS: 3 rules found\n',
      stderr: '',
    });
    expect(out[2].stdout).toBe(
      'WARNING: unknown lint option: "dupes"\nChecking dup.yaml\n  SUCCESS: 3 rules found\n',
    );
  });
});
