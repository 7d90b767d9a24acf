// kafka-metadata-quorum.sh against the simulated KRaft quorum, pinned to MetadataQuorumCommand (Kafka 4.0):
// the describe --status lines and their order, describe --replication's table (ToolsUtils#prettyPrintTable:
// every value padded and followed by a tab; Leader, then Followers, then Observers; Lag = leader LEO − LEO),
// and the command's own TerseException texts.
import { describe, expect, it } from 'vitest';
import { consoleFor } from '@/kafka-cli';
import { readModel, Simulation } from '@/simulator';

function cluster() {
  const sim = new Simulation({ brokers: 3, seed: 42 });
  const s = consoleFor(sim);
  s.run('kafka-topics.sh --create --topic orders --partitions 3 --replication-factor 3');
  return { sim, s };
}

const rows = (text: string) => text.split('\n').map((l) => l.split('\t').map((c) => c.trim()));

describe('kafka-metadata-quorum.sh (MetadataQuorumCommand)', () => {
  it('describe --status prints ClusterId, LeaderId, LeaderEpoch, HighWatermark, lags, voters and observers in that order', () => {
    const { sim, s } = cluster();
    const r = s.run('kafka-metadata-quorum.sh --bootstrap-server localhost:9092 describe --status');
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.map((l) => l.split(':')[0])).toEqual([
      'ClusterId',
      'LeaderId',
      'LeaderEpoch',
      'HighWatermark',
      'MaxFollowerLag',
      'MaxFollowerLagTimeMs',
      'CurrentVoters',
      'CurrentObservers',
    ]);
    // the values start at column 25, as the tool pads its labels
    expect(lines.every((l) => l[24] !== ' ' && l[23] === ' ')).toBe(true);
    expect(lines[0]).toMatch(/^ClusterId:\s+\S{22}$/);
    expect(lines[0].endsWith(readModel(sim).clusterId())).toBe(true);
    expect(lines[1]).toBe('LeaderId:               1000');
    expect(lines[3]).toBe(`HighWatermark:          ${readModel(sim).quorum().highWatermark}`);
    expect(lines[4]).toBe('MaxFollowerLag:         0');
    expect(lines[6]).toMatch(
      /^CurrentVoters:\s+\[\{"id": 1000, "directoryId": null, "endpoints": \["CONTROLLER:\/\/localhost:\d+"\]\}, /,
    );
    expect(lines[7]).toBe(
      'CurrentObservers:       [{"id": 1, "directoryId": null}, {"id": 2, "directoryId": null}, {"id": 3, "directoryId": null}]',
    );
  });

  it('describe --replication: a stopped controller and a stopped broker keep the log end offset they had; Lag = leader LEO − theirs', () => {
    const { s } = cluster();
    s.run('controller stop 1001');
    s.run('broker stop 2');
    s.run('clock advance 20s'); // broker 2 is fenced: new metadata records the stopped nodes never fetch
    const t = rows(
      s.run('kafka-metadata-quorum.sh --bootstrap-server localhost:9092 describe --replication').stdout,
    );
    expect(t[0]).toEqual([
      'NodeId',
      'DirectoryId',
      'LogEndOffset',
      'Lag',
      'LastFetchTimestamp',
      'LastCaughtUpTimestamp',
      'Status',
      '',
    ]);
    expect(t.slice(1).map((r) => [r[0], r[6]])).toEqual([
      ['1000', 'Leader'],
      ['1001', 'Follower'],
      ['1002', 'Follower'],
      ['1', 'Observer'],
      ['2', 'Observer'],
      ['3', 'Observer'],
    ]);
    const leo = (id: string) => Number(t.find((r) => r[0] === id)?.[2]);
    const lag = (id: string) => Number(t.find((r) => r[0] === id)?.[3]);
    expect(leo('1001')).toBeLessThan(leo('1000'));
    expect(lag('1001')).toBe(leo('1000') - leo('1001'));
    expect(lag('2')).toBeGreaterThan(0);
    expect(lag('1002')).toBe(0);
    const human = rows(
      s.run(
        'kafka-metadata-quorum.sh --bootstrap-server localhost:9092 describe --replication --human-readable',
      ).stdout,
    );
    expect(human.find((r) => r[0] === '1001')?.[4]).toBe('20000 ms ago');
    const status = s.run(
      'kafka-metadata-quorum.sh --bootstrap-server localhost:9092 describe --status',
    ).stdout;
    expect(status).toContain(`MaxFollowerLag:         ${lag('1001')}`);
    expect(status).toContain('MaxFollowerLagTimeMs:   20000');
  });

  it('the TerseException texts of describe, and argparse4j usage errors (exit 1)', () => {
    const { s } = cluster();
    expect(s.run('kafka-metadata-quorum.sh --bootstrap-server localhost:9092 describe')).toMatchObject({
      exitCode: 1,
      stderr: 'One of --status or --replication must be specified with describe sub-command',
    });
    expect(
      s.run('kafka-metadata-quorum.sh --bootstrap-server localhost:9092 describe --status --replication')
        .stderr,
    ).toBe('Only one of --status or --replication should be specified with describe sub-command');
    expect(
      s.run('kafka-metadata-quorum.sh --bootstrap-server localhost:9092 describe --status --human-readable')
        .stderr,
    ).toBe('The option --human-readable is only supported along with --replication');
    expect(s.run('kafka-metadata-quorum.sh --bootstrap-server localhost:9092').stderr).toMatch(
      /^usage: kafka-metadata-quorum .*\nkafka-metadata-quorum: error: too few arguments$/,
    );
  });

  it('without a quorum majority there is no leader to answer DescribeQuorum (NOT_LEADER_OR_FOLLOWER)', () => {
    const { s } = cluster();
    s.run('controller stop 1000');
    s.run('controller stop 1001');
    s.run('clock advance 10s');
    const r = s.run('kafka-metadata-quorum.sh --bootstrap-server localhost:9092 describe --status');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^org\.apache\.kafka\.common\.errors\.NotLeaderOrFollowerException: /);
  });

  it('controller stop of the active controller: the remaining majority elects a new leader in a higher epoch', () => {
    const { sim, s } = cluster();
    expect(s.run('controller stop 1000').stdout).toBe('Controller 1000 stopped.');
    s.run('clock advance 5s');
    const q = readModel(sim).quorum();
    expect(q.leaderId).not.toBe(1000);
    expect(q.leaderId).not.toBeNull();
    expect(q.epoch).toBe(2);
    expect(s.run('controller stop 7').stderr).toBe(
      'controller stop: no controller 7 (controllers: 1000, 1001, 1002)',
    );
  });
});
