// Every HTTP service the console's `curl` can reach: one line per service.
import { PROMETHEUS_SERVICES } from './prometheus';
import type { HttpService } from './types';

export const HTTP_SERVICES: readonly HttpService[] = [...PROMETHEUS_SERVICES];
