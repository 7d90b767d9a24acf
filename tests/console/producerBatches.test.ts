// The read model shows a producer's RecordAccumulator: one open batch per partition fills until batch.size or
// linger.ms, then it is sent and leaves the accumulator once acknowledged (RecordAccumulator#ready, Sender).
import { describe, expect, it } from 'vitest';
import { consoleFor } from '@/kafka-cli';
import { readModel, Simulation } from '@/simulator';

function setup(create: string) {
  const sim = new Simulation({ brokers: 3, seed: 42 });
  const s = consoleFor(sim);
  for (const line of ['kafka-topics.sh --create --topic t --partitions 2 --replication-factor 3', create])
    expect(s.run(line).exitCode).toBe(0);
  return { sim, s, batches: () => readModel(sim).producer('p')?.batches ?? [] };
}

describe('producer batches in the read model (RecordAccumulator)', () => {
  it('records to one partition within linger.ms share one open batch, which is gone once acknowledged', () => {
    const { s, batches } = setup('producer create p --linger-ms 100');
    s.run('producer send p t --partition 1 a');
    s.run('producer send p t --partition 1 b');
    expect(batches()).toMatchObject([
      { topic: 't', partition: 1, records: 2, state: 'open', batchSize: 16384 },
    ]);
    expect(batches()[0].sizeBytes).toBeGreaterThan(61);
    s.run('clock advance 1s');
    expect(batches()).toEqual([]);
  });

  it('a full batch (batch.size) is closed and the next record opens a new batch behind it', () => {
    const { s, batches } = setup('producer create p --linger-ms 10000 --batch-size 100');
    s.run(`producer send p t --partition 0 ${'x'.repeat(30)}`);
    s.run(`producer send p t --partition 0 ${'y'.repeat(30)}`);
    const [first, second] = batches();
    expect(batches()).toHaveLength(2);
    expect(first.state).not.toBe('open');
    expect(second.records).toBe(1);
  });
});
