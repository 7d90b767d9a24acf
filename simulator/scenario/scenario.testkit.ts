// A small valid scenario the scenario tests (validation, shell export) start from.
import type { Scenario } from './types';

export const minimal: Scenario = {
  id: 'leader-dies',
  title: 'A leader dies',
  summary: 'The ISR elects a new leader.',
  topics: ['leader-election'],
  seed: 7,
  brokers: 3,
  views: ['cluster'],
  setup: ['kafka-topics.sh --create --topic orders --partitions 3 --replication-factor 3'],
  steps: [
    {
      title: 'Send a keyed record',
      commands: ['producer create p1', 'producer send p1 orders --key alice hello'],
      narration: 'Keyed records go to the partition murmur2 picks.',
    },
    {
      title: 'Stop broker 1',
      commands: ['broker stop 1', 'clock advance 10s'],
      narration: 'Broker 1 stops.',
    },
  ],
};
