// Every HTTP service the console's `curl` can reach: one line per service.
import { schemaRegistryService } from './schemaRegistry';
import type { HttpService } from './types';

export const HTTP_SERVICES: readonly HttpService[] = [schemaRegistryService];
