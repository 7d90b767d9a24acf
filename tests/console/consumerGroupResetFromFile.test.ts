// kafka-consumer-groups.sh --reset-offsets --from-file / --export: ConsumerGroupService#parseResetPlan and
// #exportOffsetsToCsv (CsvUtils.CsvRecordNoGroup for one --group, CsvRecordWithGroup otherwise), with the
// requested offsets clamped by #checkOffsetsRange.
import { describe, expect, it } from 'vitest';
import { consoleFor } from '@/kafka-cli';
import { Simulation } from '@/simulator';

const CG = 'kafka-consumer-groups.sh --bootstrap-server localhost:9092';

/** orders (2 partitions, offsets 0..2 on partition 0 or spread) read and committed by group billing, now Empty. */
function emptyGroup() {
  const sim = new Simulation({ brokers: 3, seed: 42 });
  const s = consoleFor(sim);
  s.run('kafka-topics.sh --create --topic orders --partitions 2 --replication-factor 3');
  s.run(
    'kafka-console-producer.sh --bootstrap-server localhost:9092 --topic orders --property parse.key=true --property key.separator=:',
    ['k1:a', 'k1:b', 'k1:c', 'k2:d'],
  );
  s.run('consumer create c1 --group billing --topics orders --offset-reset earliest');
  for (let i = 0; i < 4; i++) {
    s.run('clock advance 2s');
    s.run('consumer poll c1');
  }
  s.run('consumer commit c1');
  s.run('consumer close c1');
  return { sim, s };
}

const ends = (sim: Simulation) =>
  sim.state.topics.orders.partitions.map((p) => p.replicaLogs[p.leader!].log.logEndOffset);

function write(s: ReturnType<typeof consoleFor>, path: string, lines: string[]) {
  s.runBlock([`cat > ${path} <<EOF`, ...lines, 'EOF'].join('\n'));
}

describe('ConsumerGroupService#exportOffsetsToCsv', () => {
  it('one --group: topic,partition,offset lines; --all-groups: group,topic,partition,offset', () => {
    const { s } = emptyGroup();
    const one = s.run(
      `${CG} --reset-offsets --group billing --topic orders --to-earliest --dry-run --export`,
    );
    expect(one.stdout.split('\n')).toEqual(['orders,0,0', 'orders,1,0']);
    const all = s.run(`${CG} --reset-offsets --all-groups --topic orders --to-earliest --dry-run --export`);
    expect(all.stdout.split('\n')).toEqual(['billing,orders,0,0', 'billing,orders,1,0']);
  });
});

describe('ConsumerGroupService#parseResetPlan (--from-file)', () => {
  it('topic,partition,offset for the one --group: the plan is printed and, with --execute, committed', () => {
    const { sim, s } = emptyGroup();
    write(s, 'plan.csv', ['orders,0,1', 'orders,1,1']);
    const r = s.run(`${CG} --reset-offsets --group billing --from-file plan.csv --execute`);
    expect(r.exitCode).toBe(0);
    // Offset 1 of each partition, or its log end where it holds fewer records (checkOffsetsRange).
    const want = ends(sim).map((e) => Math.min(1, e));
    expect(want).toContain(1);
    expect(r.stdout.split('\n').map((l) => l.trim().split(/\s+/))).toEqual([
      [''],
      ['GROUP', 'TOPIC', 'PARTITION', 'NEW-OFFSET'],
      ['billing', 'orders', '0', String(want[0])],
      ['billing', 'orders', '1', String(want[1])],
    ]);
    const offsets = sim.state.areas.consumers.groups.billing.offsets;
    expect([offsets['orders-0']?.offset, offsets['orders-1']?.offset]).toEqual(want);
  });

  it('an --export file round-trips: exported at one point, reset elsewhere, restored from the file', () => {
    const { sim, s } = emptyGroup();
    const before = s.run(
      `${CG} --reset-offsets --group billing --topic orders --to-current --dry-run --export`,
    );
    write(s, 'saved.csv', before.stdout.split('\n'));
    s.run(`${CG} --reset-offsets --group billing --topic orders --to-earliest --execute`);
    s.run(`${CG} --reset-offsets --group billing --from-file saved.csv --execute`);
    const offsets = sim.state.areas.consumers.groups.billing.offsets;
    expect([offsets['orders-0']?.offset, offsets['orders-1']?.offset]).toEqual(ends(sim));
  });

  it('checkOffsetsRange: an offset past the log end is set to the log end, with the WARN', () => {
    const { sim, s } = emptyGroup();
    write(s, 'plan.csv', ['orders,0,99']);
    const r = s.run(`${CG} --reset-offsets --group billing --from-file plan.csv --dry-run`);
    expect(r.stderr).toContain(
      `New offset (99) is higher than latest offset for topic partition orders-0. Value will be set to ${ends(sim)[0]}`,
    );
  });

  it('group,topic,partition,offset lines: a group with no line gets "No reset plan for group … found"', () => {
    const { s } = emptyGroup();
    write(s, 'plan.csv', ['other,orders,0,1']);
    const r = s.run(`${CG} --reset-offsets --all-groups --from-file plan.csv --dry-run`);
    expect(r.stdout).toContain('Error: No reset plan for group billing found');
  });

  it('a missing file fails the command with NoSuchFileException; a Stable group is refused before the file is read', () => {
    const { s } = emptyGroup();
    const r = s.run(`${CG} --reset-offsets --group billing --from-file nope.csv --dry-run`);
    expect(r.stdout).toBe(
      '\nError: Executing consumer group command failed due to java.nio.file.NoSuchFileException: nope.csv',
    );
    s.run('consumer create c2 --group billing --topics orders');
    for (let i = 0; i < 4; i++) {
      s.run('clock advance 2s');
      s.run('consumer poll c2');
    }
    const busy = s.run(`${CG} --reset-offsets --group billing --from-file nope.csv --dry-run`);
    expect(busy.stderr).toContain("Assignments can only be reset if the group 'billing' is inactive");
    expect(busy.stdout).not.toContain('NoSuchFileException');
  });

  it('--from-file needs no --topic / --all-topics scope, and combines with no other scenario', () => {
    const { s } = emptyGroup();
    write(s, 'plan.csv', ['orders,0,1']);
    expect(s.run(`${CG} --reset-offsets --group billing --from-file plan.csv --dry-run`).exitCode).toBe(0);
    const both = s.run(`${CG} --reset-offsets --group billing --from-file plan.csv --to-earliest --dry-run`);
    expect(both.exitCode).toBe(1);
  });
});
