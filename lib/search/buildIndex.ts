// The static search index: built once at export time (app/search-index.json/route.ts writes it to
// out/search-index.json) and fetched by the search dialog when it first opens.
import { searchDocuments } from './documents';
import { createIndex } from './searchIndex';

export function buildSearchIndexJson(): string {
  return JSON.stringify(createIndex(searchDocuments()));
}
