// Every HTTP service the console's `curl` can reach: one line per service.
import { connectRestService } from './connect';
import type { HttpService } from './types';

export const HTTP_SERVICES: readonly HttpService[] = [connectRestService];
