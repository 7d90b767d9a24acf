import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { highWatermark } from '../../simulator/cluster/lookup';
import { readModel } from '../../simulator/read/index';
import { startCluster } from './clients.testkit';

// Debian's kcat 1.7.1 (librdkafka 2.0.2): it verifies CRC-32C on every fetched batch (check.crcs) and picks its
// own versions (ApiVersions v3, Metadata v4, Produce v7, ListOffsets v2, Fetch v11).
const KCAT = '/usr/bin/kcat';

function kcat(args: string[], input?: string): Promise<{ stdout: string; stderr: string; code: number }> {
  return new Promise((resolve) => {
    const child = execFile(KCAT, args, { timeout: 20_000 }, (err, stdout, stderr) =>
      resolve({ stdout, stderr, code: err ? ((err as { code?: number }).code ?? 1) : 0 }),
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}

let stop: (() => Promise<void>) | null = null;
afterEach(async () => {
  await stop?.();
  stop = null;
});

describe.skipIf(!existsSync(KCAT))('kcat (librdkafka) against kafka-sim --listen', () => {
  it('-L lists every broker with its listener and each partition leader, replicas and ISR', async () => {
    const c = await startCluster(3);
    stop = () => c.listeners.close();
    c.dispatch({ type: 'createTopic', topic: 'demo', partitions: 3, replicationFactor: 2 });
    const r = await kcat(['-b', c.bootstrap[0], '-L', '-J']);
    expect(r.code).toBe(0);
    const md = JSON.parse(r.stdout);
    expect(md.brokers.map((b: { id: number; name: string }) => [b.id, b.name])).toEqual(
      [...c.ports].map(([id, port]) => [id, `127.0.0.1:${port}`]),
    );
    const demo = md.topics.find((t: { topic: string }) => t.topic === 'demo');
    const parts = c.sim.state.topics.demo.partitions;
    expect(
      demo.partitions.map(
        (p: {
          partition: number;
          leader: number;
          replicas: Array<{ id: number }>;
          isrs: Array<{ id: number }>;
        }) => [p.partition, p.leader, p.replicas.map((x) => x.id), p.isrs.map((x) => x.id)],
      ),
    ).toEqual(parts.map((p, i) => [i, p.leader, p.replicas, p.isr]));
  });

  it('-P with acks=all writes every line; -C -e reads them back (CRC-32C checked by librdkafka)', async () => {
    const c = await startCluster(3);
    stop = () => c.listeners.close();
    c.dispatch({ type: 'createTopic', topic: 'demo', partitions: 3, replicationFactor: 3 });
    const lines = Array.from({ length: 12 }, (_, i) => `user-${i % 4}:event-${i}`);
    const p = await kcat(
      ['-b', c.bootstrap[0], '-P', '-t', 'demo', '-K:', '-X', 'acks=all'],
      `${lines.join('\n')}\n`,
    );
    expect(p.code).toBe(0);
    const parts = c.sim.state.topics.demo.partitions;
    expect(parts.reduce((n, x) => n + highWatermark(x), 0)).toBe(12);
    for (const x of parts)
      for (const id of x.isr) expect(x.replicaLogs[id].log.logEndOffset).toBe(highWatermark(x));
    // one key always lands in one partition
    const partitionOfKey = new Map<string, Set<number>>();
    for (const x of parts)
      for (const rec of x.replicaLogs[x.leader as number].log.segments.flatMap((s) => s.records)) {
        const set = partitionOfKey.get(rec.key as string) ?? new Set();
        set.add(x.partition);
        partitionOfKey.set(rec.key as string, set);
      }
    expect([...partitionOfKey.values()].every((s) => s.size === 1)).toBe(true);

    const r = await kcat(['-b', c.bootstrap[1], '-C', '-t', 'demo', '-e', '-f', '%k:%s\\n']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').sort()).toEqual([...lines].sort());
    expect(r.stderr).not.toMatch(/CRC|corrupt/i);
    expect(c.logs).toEqual([]);
  });

  it('-z gzip is stored; -z snappy is refused with UNSUPPORTED_COMPRESSION_TYPE and nothing is written', async () => {
    const c = await startCluster(1);
    stop = () => c.listeners.close();
    c.dispatch({ type: 'createTopic', topic: 'z', partitions: 1, replicationFactor: 1 });
    const big = `${Array.from({ length: 20 }, (_, i) => `${i}`.padEnd(400, 'x')).join('\n')}\n`;
    expect(
      (await kcat(['-b', c.bootstrap[0], '-P', '-t', 'z', '-z', 'gzip', '-d', 'msg'], big)).stderr,
    ).toMatch(/gzip/);
    const snappy = await kcat(
      ['-b', c.bootstrap[0], '-P', '-t', 'z', '-z', 'snappy', '-X', 'message.send.max.retries=0'],
      big,
    );
    expect(snappy.stderr).toMatch(/compression/i);
    const log = c.sim.state.topics.z.partitions[0].replicaLogs[1].log;
    expect(log.logEndOffset).toBe(20);
    expect(log.segments[0].records[3].value).toBe('3'.padEnd(400, 'x'));
  });

  it('-C after a controlled stop of the leader: the client follows Metadata to the new leader', async () => {
    const c = await startCluster(3);
    stop = () => c.listeners.close();
    c.dispatch({ type: 'createTopic', topic: 'ha', partitions: 1, replicationFactor: 3 });
    await kcat(['-b', c.bootstrap[0], '-P', '-t', 'ha', '-X', 'acks=all'], 'one\ntwo\n');
    const leader = c.sim.state.topics.ha.partitions[0].leader as number;
    c.dispatch({ type: 'brokerStop', id: leader, mode: 'controlled' });
    const other = [...c.ports.keys()].find((b) => b !== leader) as number;
    const r = await kcat(['-b', `127.0.0.1:${c.ports.get(other)}`, '-C', '-t', 'ha', '-e', '-f', '%o %s\\n']);
    expect(r.stdout.trim().split('\n')).toEqual(['0 one', '1 two']);
  });
});

describe.skipIf(!existsSync(KCAT))(
  'kcat -G (librdkafka balanced consumer) against kafka-sim --listen',
  () => {
    it('-G joins a group, consumes every partition and commits what it consumed (enable.auto.commit, commit on close)', async () => {
      const c = await startCluster(3);
      stop = () => c.listeners.close();
      c.dispatch({ type: 'createTopic', topic: 'clicks', partitions: 3, replicationFactor: 3 });
      const lines = Array.from({ length: 9 }, (_, i) => `click-${i}`);
      await kcat(['-b', c.bootstrap[0], '-P', '-t', 'clicks', '-X', 'acks=all'], `${lines.join('\n')}\n`);
      const r = await kcat([
        '-b',
        c.bootstrap[0],
        '-G',
        'dashboard',
        'clicks',
        '-e',
        '-f',
        '%s\\n',
        '-X',
        'auto.offset.reset=earliest',
      ]);
      expect(r.stdout.trim().split('\n').sort()).toEqual([...lines].sort());
      const g = readModel(c.sim).group('dashboard');
      // every partition it read from has its log end committed: the group resumes after the last record. kcat -P
      // spreads keyless lines at random (librdkafka's consistent_random), so a partition may have got none, and
      // librdkafka commits only offsets the application consumed (the offset store): such a partition has no
      // committed offset, or 0.
      const committed = new Map(g?.offsets.map((o) => [o.partition, o.offset]));
      for (const p of c.sim.state.topics.clicks.partitions) {
        const hw = highWatermark(p);
        if (hw > 0) expect(committed.get(p.partition), `partition ${p.partition}`).toBe(hw);
        else expect([undefined, 0]).toContain(committed.get(p.partition));
      }
      expect(g?.generation).toBeGreaterThanOrEqual(1);
      expect(c.sim.events.some((e) => e.type === 'groupAssignment' && e.groupId === 'dashboard')).toBe(true);
      // kcat left the group on exit (LeaveGroup): nobody is a member any more
      expect(g?.state).toBe('Empty');
      // a second run resumes at the committed offsets (OffsetFetch) and sees only the new record. The new record may
      // land in a partition the first run read nothing from (kcat's random partitioner), which has no committed
      // offset: auto.offset.reset=earliest again, or librdkafka's default (latest) would start past it.
      await kcat(['-b', c.bootstrap[0], '-P', '-t', 'clicks'], 'click-9\n');
      const again = await kcat([
        '-b',
        c.bootstrap[0],
        '-G',
        'dashboard',
        'clicks',
        '-e',
        '-f',
        '%s\\n',
        '-X',
        'auto.offset.reset=earliest',
      ]);
      expect(again.stdout.trim()).toBe('click-9');
      expect(c.logs).toEqual([]);
    }, 40_000);
  },
);
