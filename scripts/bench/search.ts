// Site search: the size of the static index the export ships (what the search dialog fetches on first open), how
// long the browser-side steps take in Node (parse the index, answer a query), and what the index holds.

import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { buildSearchIndexJson } from '../../lib/search/buildIndex';
import { searchDocuments } from '../../lib/search/documents';
import { loadIndex, searchIndex } from '../../lib/search/searchIndex';

const QUERIES = [
  'min.insync',
  'tombstone',
  'kafka-consumer-groups --reset-offsets',
  'ISR',
  'acks',
  'rebalance',
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export function runSearchBenchSection(): void {
  const docs = searchDocuments();
  const json = buildSearchIndexJson();
  const raw = Buffer.byteLength(json);
  const gzipped = gzipSync(json).length;
  const kinds = new Map<string, number>();
  for (const doc of docs) kinds.set(doc.kind, (kinds.get(doc.kind) ?? 0) + 1);

  const loads: number[] = [];
  let index = loadIndex(json);
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    index = loadIndex(json);
    loads.push(performance.now() - start);
  }
  const queries: number[] = [];
  for (let i = 0; i < 20; i++) {
    for (const query of QUERIES) {
      const start = performance.now();
      searchIndex(index, query);
      queries.push(performance.now() - start);
    }
  }

  console.log('\n== site search index ==');
  console.log(`documents: ${docs.length} (${[...kinds].map(([kind, n]) => `${n} ${kind}`).join(', ')})`);
  console.log(
    `search index: ${raw.toLocaleString('en')} bytes raw, ${gzipped.toLocaleString('en')} bytes gzipped`,
  );
  const exported = 'out/search-index.json';
  if (existsSync(exported)) {
    const shipped = readFileSync(exported);
    console.log(
      `out/search-index.json (last export): ${shipped.length.toLocaleString('en')} bytes raw, ${gzipSync(shipped).length.toLocaleString('en')} bytes gzipped`,
    );
  }
  console.log(
    `parse (MiniSearch.loadJSON): median ${median(loads).toFixed(1)} ms · query: median ${median(queries).toFixed(2)} ms over ${queries.length}`,
  );
}
