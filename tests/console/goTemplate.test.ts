// The parse check promtool runs on alert templates (rulefmt testTemplateParsing → text/template Parse), against
// the error texts of Go's text/template/parse (lex.go, parse.go).
import { describe, expect, it } from 'vitest';
import { checkAlertTemplate, parseGoTemplate } from '@/kafka-cli/tools/goTemplate';

describe('Go text/template parse errors as promtool reports them for alert templates', () => {
  it('accepts what Strimzi-style annotations use: $labels, $value, pipelines into humanize, printf, if/else if, range, with, trim markers, comments', () => {
    for (const text of [
      'Partition {{ $labels.topic }}-{{ $labels.partition }} lags by {{ $value }}',
      '{{ $value | humanize }} bytes',
      '{{ printf "%.2f" $value }}',
      '{{ if gt $value 1.0 }}high{{ else if lt $value 0.5 }}low{{ else }}mid{{ end }}',
      '{{ range $i, $v := query "up" }}{{ $v.Labels.job }}{{ end }}',
      '{{- $labels.instance -}}',
      '{{ $labels.instance  -}}',
      '{{/* a comment */}}text',
      '{{ with $labels.x }}{{ . }}{{ end }}',
      '{{ .Labels.instance }} and {{ .Value }}',
      'no template at all',
    ])
      expect(checkAlertTemplate('UnderReplicatedPartitions', text)).toBeNull();
  });

  it('the variables are those rulefmt declares ($labels, $externalLabels, $externalURL, $value): another is "undefined variable" (parse.go useVar)', () => {
    expect(checkAlertTemplate('X', '{{ $lables.instance }}')).toBe(
      'template: __alert_X:1: undefined variable "$lables"',
    );
    expect(checkAlertTemplate('X', '{{ $externalURL }}')).toBeNull();
    // a variable declared inside {{ with }} is gone after {{ end }} (parseControl pops the scope)
    expect(checkAlertTemplate('X', '{{ with $x := $value }}{{ $x }}{{ end }}{{ $x }}')).toBe(
      'template: __alert_X:1: undefined variable "$x"',
    );
  });

  it('functions come from text/template and Prometheus’ function map: another is "function … not defined" (parse.go term)', () => {
    expect(checkAlertTemplate('X', '{{ humanise $value }}')).toBe(
      'template: __alert_X:1: function "humanise" not defined',
    );
    expect(checkAlertTemplate('X', '{{ humanizeDuration $value }}')).toBeNull();
  });

  it('broken actions: a lone }, an unclosed action, an unclosed if, a stray end, an empty action (lex.go, parse.go)', () => {
    const cases: Array<[string, string]> = [
      ['{{ $value }', 'unexpected "}" in operand'],
      ['{{ $value ', 'unclosed action'],
      ['{{ if $value }}open', 'unexpected EOF'],
      ['{{ end }}', 'unexpected {{end}}'],
      ['{{ }}', 'missing value for command'],
      ['{{ "open }}', 'unexpected unterminated quoted string in command'],
      ['{{ 3x }}', 'unexpected bad number syntax: "3x" in command'],
      ['{{ $value) }}', 'unexpected ")" in input'],
      ['{{/* never closed', 'unexpected unclosed comment in input'],
    ];
    for (const [text, msg] of cases)
      expect(checkAlertTemplate('X', text)).toBe(`template: __alert_X:1: ${msg}`);
  });

  it('the line is counted in the template text (errorf: the line of the token that failed)', () => {
    expect(parseGoTemplate('t', 'one\ntwo {{ $nope }}')).toBe('template: t:2: undefined variable "$nope"');
  });
});
