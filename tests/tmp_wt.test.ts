import { it } from 'vitest';
import { runConsoleLines } from '@/kafka-cli';
import { Simulation } from '@/simulator/index';
const setup = ["kafka-topics.sh --bootstrap-server localhost:9092 --create --topic orders --partitions 3 --replication-factor 3",
    "producer create app --batch-size 200 --linger-ms 0"];
const send = "producer send app orders /products/kafka-guide?ref=homepage&campaign=autumn-sale-2026&session=8f14e45fceea167a5a36";
it('seeds', () => {
  for (let seed = 1; seed < 60; seed++) {
  const sim = new Simulation({ brokers: 3, seed });
  runConsoleLines(sim, setup);
  const rs = runConsoleLines(sim, Array(20).fill(send));
  console.log(seed, rs.map(r=>r.stdout.slice(7,8)).join(''));
  }
});
