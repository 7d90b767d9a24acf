// Every HTTP service the console's `curl` can reach: one line per service.
import { BURROW_SERVICES } from './burrow';
import { connectRestService } from './connect';
import { PROMETHEUS_SERVICES } from './prometheus';
import { schemaRegistryService } from './schemaRegistry';
import type { HttpService } from './types';

export const HTTP_SERVICES: readonly HttpService[] = [
  connectRestService,
  schemaRegistryService,
  ...PROMETHEUS_SERVICES,
  ...BURROW_SERVICES,
];
