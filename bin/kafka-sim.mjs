#!/usr/bin/env node
// kafka-sim: run console commands against a simulated Kafka cluster from the terminal.
// Loads the TypeScript CLI through tsx so the simulator runs from source.
import { register } from 'tsx/esm/api';

register();
// --listen serves the Kafka wire protocol (server/main.ts); everything else is the console.
const { main } = process.argv.includes('--listen')
  ? await import('../server/main.ts')
  : await import('./cli.ts');
process.exitCode = await main(process.argv.slice(2));
