// The site search index, written to out/search-index.json by the static export (nothing runs at request time).
import { buildSearchIndexJson } from '@/lib/search/buildIndex';

export const dynamic = 'force-static';

export function GET() {
  return new Response(buildSearchIndexJson(), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}
