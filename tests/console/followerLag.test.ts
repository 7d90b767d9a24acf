// A slow follower (broker pause-fetch): it keeps heartbeating, so the controller never fences it; the leader drops
// it from the ISR itself once it has not caught up for replica.lag.time.max.ms (30 s), at the next run of the
// isr-expiration task (every replica.lag.time.max.ms / 2: ReplicaManager#maybeShrinkIsr,
// Partition#getOutOfSyncReplicas). An acks=all produce waits for it until then.
import { describe, expect, it } from 'vitest';
import { consoleFor } from '@/kafka-cli';
import { readModel, Simulation } from '@/simulator';

function slowFollower() {
  const sim = new Simulation({ brokers: 3, seed: 42 });
  const s = consoleFor(sim);
  s.run('kafka-topics.sh --create --topic orders --partitions 1 --replication-factor 3');
  expect(s.run('broker pause-fetch 3').exitCode).toBe(0);
  s.run('producer create p');
  s.run('producer send p orders --key a one');
  return { sim, s };
}

describe('replica.lag.time.max.ms: a follower that stops fetching leaves the ISR, a broker that stays registered', () => {
  it('stays in the ISR for 30 s (acks=all waits), is removed at the 45 s isr-expiration tick, and the produce is acknowledged then', () => {
    const { sim, s } = slowFollower();
    s.run('clock advance 30s');
    expect(readModel(sim).partition('orders', 0)?.isr).toEqual([1, 2, 3]);
    expect(readModel(sim).partition('orders', 0)?.highWatermark).toBe(0);
    const r = s.run('clock advance 16s');
    expect(readModel(sim).partition('orders', 0)?.isr).toEqual([1, 2]);
    expect(readModel(sim).partition('orders', 0)?.highWatermark).toBe(1);
    expect(r.stdout).toContain('[p] orders-0@0');
    expect(
      readModel(sim)
        .brokers()
        .find((b) => b.id === 3)?.state,
    ).toBe('online');
  });

  it('after resume-fetch the follower catches up and the leader adds it back to the ISR', () => {
    const { sim, s } = slowFollower();
    s.run('clock advance 50s');
    expect(s.run('broker resume-fetch 3').stdout).toBe("Broker 3's replica fetchers resumed.");
    s.run('clock advance 1s');
    expect(readModel(sim).partition('orders', 0)?.isr).toEqual([1, 2, 3]);
  });

  it("a stalled follower with nothing new to fetch stays in sync (Replica#isCaughtUp: at the leader's LEO)", () => {
    const sim = new Simulation({ brokers: 3, seed: 42 });
    const s = consoleFor(sim);
    s.run('kafka-topics.sh --create --topic quiet --partitions 1 --replication-factor 3');
    const p = readModel(sim).partition('quiet', 0);
    const follower = p?.replicas.find((id) => id !== p.leader) as number;
    s.run(`broker pause-fetch ${follower}`);
    s.run('clock advance 2m');
    expect(readModel(sim).partition('quiet', 0)?.isr).toEqual(p?.isr);
    expect(readModel(sim).partition('quiet', 0)?.isr).toContain(follower);
    expect(s.run(`broker pause-fetch ${follower}`).stderr).toMatch(/already paused/);
  });
});
