#!/usr/bin/env node
// kafka-sim: run console commands against a simulated Kafka cluster from the terminal.
// Loads the TypeScript CLI through tsx so the simulator runs from source.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./cli.ts');
process.exitCode = await main(process.argv.slice(2));
