/** Where the static export serves the search index (written by app/search-index.json/route.ts). */
export const SEARCH_INDEX_URL = '/search-index.json';
