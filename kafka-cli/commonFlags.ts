// The flags every Kafka tool accepts (CommandDefaultOptions and the AdminClient tools' --bootstrap-server), in
// one table that each tool's option list starts with.
import type { OptionSpec } from './options';

export const COMMON_FLAGS: readonly OptionSpec[] = [
  {
    name: 'bootstrap-server',
    arg: 'required',
    help: 'The broker to connect to (accepted; the simulation is always reachable).',
  },
  { name: 'help', arg: 'none', help: 'Print usage information.' },
  { name: 'version', arg: 'none', help: 'Display Kafka version.' },
];
