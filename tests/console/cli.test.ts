// `npx kafka-sim`: commands from a file or stdin, stdout/stderr per command, exit 0 only if all succeeded.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '@/bin/cli';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err.push(String(chunk));
    return true;
  });
  return { out: () => out.join(''), err: () => err.join('') };
}

function script(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'kafka-sim-')), 'demo.txt');
  writeFileSync(file, text);
  return file;
}

afterEach(() => vi.restoreAllMocks());

describe('kafka-sim main()', () => {
  it('exits 0 when every command succeeded; comments and blank lines are skipped', async () => {
    const io = capture();
    const code = await main([
      '--script',
      script('# demo\n\nkafka-topics.sh --create --topic t --partitions 2\nkafka-topics.sh --list\n'),
    ]);
    expect(code).toBe(0);
    expect(io.out()).toBe('Created topic t.\nt\n');
    expect(io.err()).toBe('');
  });
  it('exits 1 after a failure but still runs the remaining commands', async () => {
    const io = capture();
    const code = await main([
      '--brokers',
      '1',
      '--seed',
      '7',
      '--script',
      script('kafka-topics --describe --topic nope\nkafka-topics --create --topic t\n'),
    ]);
    expect(code).toBe(1);
    expect(io.out()).toBe('Created topic t.\n');
    expect(io.err()).toBe("Topic 'nope' does not exist as expected\n");
  });
  it('--echo prints each command before its output; bad arguments exit 2', async () => {
    const io = capture();
    expect(await main(['--echo', '--script', script('sim status\n')])).toBe(0);
    expect(io.out().startsWith('$ sim status\nVirtual time: 0 ms. Seed: 42.')).toBe(true);
    expect(await main(['--brokers', 'many'])).toBe(2);
    expect(await main(['--script', '/no/such/file'])).toBe(2);
  });
});

describe('bin/kafka-sim.mjs', () => {
  it('reads standard input and sets the exit status', { timeout: 30_000 }, () => {
    const bin = join(__dirname, '..', '..', 'bin', 'kafka-sim.mjs');
    let status = 0;
    let stdout = '';
    let stderr = '';
    try {
      stdout = execFileSync(process.execPath, [bin], {
        input: 'kafka-topics.sh --create --topic t\nbroker stop 9\n',
        encoding: 'utf8',
        stdio: ['pipe', 'pipe', 'pipe'],
      });
    } catch (e) {
      const x = e as { stdout: string; stderr: string; status: number };
      ({ stdout, stderr, status } = x);
    }
    expect({ stdout, stderr, status }).toEqual({
      stdout: 'Created topic t.\n',
      stderr: 'broker stop: no broker 9 (brokers: 1, 2, 3)\n',
      status: 1,
    });
  });
});
