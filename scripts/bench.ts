// `npm run bench`: one section per area (scripts/bench/<area>.ts). Not a test: prints figures only.

import { runMonitoringBenchSection } from '../simulator/metrics/bench';
import { runStreamsBenchSection } from '../simulator/streams/bench';
import { runConsumerBenchSection } from './bench/consumer';
import { runCoreBench } from './bench/core';
import { runSearchBenchSection } from './bench/search';
import { runStorageBenchSection } from './bench/storage';
import { runStreamsSimulationBenchSection } from './bench/streamsSimulation';

runCoreBench();
runStorageBenchSection();
runConsumerBenchSection();
runStreamsBenchSection();
runStreamsSimulationBenchSection();
runMonitoringBenchSection();
runSearchBenchSection();
