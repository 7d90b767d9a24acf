import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endsWithContinuation, splitScript, tokenizeLine } from '@/kafka-cli/tokenizer';

const tokens = (line: string) => {
  const t = tokenizeLine(line);
  if (t.kind !== 'ok') throw new Error(t.message);
  return t.tokens;
};

describe('tokenizeLine (POSIX sh quoting as learners copy it from Kafka docs)', () => {
  it('splits on whitespace and keeps quoted spaces', () => {
    expect(tokens(`kcat -C -t orders -f '%t %p %o %k %s\\n'`)).toEqual([
      'kcat',
      '-C',
      '-t',
      'orders',
      '-f',
      '%t %p %o %k %s\\n',
    ]);
    expect(tokens('producer send p1 orders --key "user 1" "hello world"')).toEqual([
      'producer',
      'send',
      'p1',
      'orders',
      '--key',
      'user 1',
      'hello world',
    ]);
  });
  it('handles backslash escapes outside and inside double quotes', () => {
    expect(tokens('a\\ b "c\\"d" \'e\\f\'')).toEqual(['a b', 'c"d', 'e\\f']);
  });
  it('treats # at the start of a word as a comment', () => {
    expect(tokens('sim status # show it')).toEqual(['sim', 'status']);
    expect(tokens('producer send p t v#1')).toEqual(['producer', 'send', 'p', 't', 'v#1']);
  });
  it('strips a copied "$ " prompt', () => {
    expect(tokens('$ kafka-topics.sh --list')).toEqual(['kafka-topics.sh', '--list']);
  });
  it('recognises here-document markers in their usual spellings', () => {
    for (const [line, delim] of [
      ['kafka-console-producer.sh --topic t <<EOF', 'EOF'],
      ["kcat -P -t t << 'END'", 'END'],
      ['cat > plan.json <<-JSON', 'JSON'],
    ] as const) {
      const t = tokenizeLine(line);
      expect(t.kind).toBe('ok');
      if (t.kind === 'ok') expect(t.heredoc?.delimiter).toBe(delim);
    }
  });
  it('rejects pipes and unterminated quotes with a message instead of throwing', () => {
    expect(tokenizeLine('kafka-topics --list | grep x').kind).toBe('error');
    expect(tokenizeLine('echo "oops').kind).toBe('error');
    expect(tokenizeLine("echo 'oops").kind).toBe('error');
  });
  it('allows the cat > FILE redirection only', () => {
    expect(tokens('cat > plan.json')).toEqual(['cat', '>', 'plan.json']);
  });
});

describe('splitScript', () => {
  const never = () => false;
  it('skips comments and blank lines, joins continuations', () => {
    const entries = splitScript(
      ['# setup', '', 'kafka-topics.sh --create \\', '  --topic t \\', '  --partitions 3', 'sim status'],
      never,
    );
    expect(entries.map((e) => e.line)).toEqual([
      'kafka-topics.sh --create --topic t --partitions 3',
      'sim status',
    ]);
    expect(entries[0].lineNumber).toBe(3);
  });
  it('attaches a here-document body up to its delimiter', () => {
    const entries = splitScript(
      ['kcat -P -t t <<EOF', 'a', '# not a comment inside', 'EOF', 'sim status'],
      never,
    );
    expect(entries[0].input).toEqual(['a', '# not a comment inside']);
    expect(entries[1].line).toBe('sim status');
  });
  it('gives producers without <<EOF the following lines up to EOF', () => {
    const entries = splitScript(
      ['kafka-console-producer.sh --topic t', 'x', 'y', 'EOF', 'sim status'],
      (t) => t[0] === 'kafka-console-producer.sh',
    );
    expect(entries[0].input).toEqual(['x', 'y']);
    expect(entries).toHaveLength(2);
  });
  it('detects trailing-backslash continuation but not an escaped or quoted one', () => {
    expect(endsWithContinuation('a \\')).toBe(true);
    expect(endsWithContinuation("a '\\'")).toBe(false);
    expect(endsWithContinuation('a \\\\')).toBe(false);
  });
  it('never throws on arbitrary text (fuzz)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 40 }), { maxLength: 12 }), (lines) => {
        splitScript(lines, (t) => t.length > 0);
        for (const l of lines) tokenizeLine(l);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });
});
