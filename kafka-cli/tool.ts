// The shape every console command implements (Kafka tools and simulation commands alike).

import type { ReadModel } from '../simulator';
import type { CommandOutput } from './output';
import type { ClusterPort } from './port';

export type ToolContext = {
  /** Changes to the cluster (each one a command in the Simulation's log). */
  port: ClusterPort;
  /** The simulation's read model as it is now (read it again after a change). */
  readonly read: ReadModel;
  /** Lines given on standard input (here-document / interactive producer), or null. */
  input: string[] | null;
};

export type ToolDef = {
  /** Canonical name as typed, e.g. `kafka-topics.sh`, `broker`. */
  name: string;
  /** Other accepted spellings (without `.sh`, kafkacat, ...). */
  aliases: string[];
  /** Where `help` lists it: Kafka's tools (and kcat), other tools (curl, rabbitmqctl…), or simulation commands.
   * Default: `kafka` for names starting with kafka and kcat, else `simulation`. */
  helpGroup?: 'kafka' | 'other' | 'rabbitmq' | 'simulation';
  /** One line for `help`. */
  summary: string;
  /** Longer usage for `help NAME`. */
  usage: string;
  /** Flags offered by tab completion. */
  flags: string[];
  /** First words after the name offered by completion (sub-commands). */
  subcommands?: string[];
  /**
   * `simulation`: the command is about the whole simulation (its clock, its clusters, MirrorMaker 2 between
   * them, scratch files), so it never goes to one cluster. Default: the cluster its `--bootstrap-server`
   * names, else the one `cluster use` chose.
   */
  scope?: 'simulation';
  /** True when this invocation reads records from stdin (producers). */
  readsStdin?: (args: string[]) => boolean;
  run(args: string[], ctx: ToolContext): CommandOutput;
};
