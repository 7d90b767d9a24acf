// The search index's shape and how it is queried: one module for the build (scripts, the index route, tests)
// and the browser (the search dialog), so both tokenise and rank the same way. No Node APIs here.
import MiniSearch, { type Options, type SearchResult } from 'minisearch';

export type SearchKind = 'lesson' | 'section' | 'glossary' | 'command';

/** One place a search can land on. */
export type SearchDoc = {
  /** `section:producers#acks`, `glossary:tombstone`, `command:kafka-topics`, `lesson:producers`. */
  id: string;
  kind: SearchKind;
  /** The heading, term or command name. */
  title: string;
  /** Where it lives: the lesson's title for a section, "Glossary", the command group. */
  context: string;
  /** Where Enter goes: a page, with the anchor of the heading, term or command. */
  url: string;
  /** Inline code, bold phrases, aliases, sub-commands and flags: matched above the body text. */
  keywords: string;
  /** The body text. */
  text: string;
  /** The first words of the body, shown under the title. */
  excerpt: string;
};

/** What a result carries to the dialog (the index stores these fields, not the body text). */
export type SearchHit = Pick<SearchDoc, 'id' | 'kind' | 'title' | 'context' | 'url' | 'excerpt'> & {
  score: number;
};

// Words too common to tell two places apart: left out of the index (about a tenth of its size) and of queries.
const STOP_WORDS = new Set(
  'a an and are as at be by for from has have in is it its of on or that the this to was were will with'.split(
    ' ',
  ),
);

export const INDEX_OPTIONS: Options<SearchDoc> = {
  fields: ['title', 'keywords', 'context', 'text'],
  storeFields: ['kind', 'title', 'context', 'url', 'excerpt'],
  processTerm: (term) => {
    const lower = term.toLowerCase();
    return STOP_WORDS.has(lower) ? null : lower;
  },
};

const BOOST = { title: 6, keywords: 3, context: 1, text: 1 };

/** Kafka names are written with dots and dashes (`min.insync.replicas`, `--reset-offsets`): compare them bare. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/\.sh\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The ranked hits for what a learner typed. Every word must match (as a prefix; longer words forgive a typo); a
 * title that holds the whole query, or starts with its first word, goes first. When no place holds every word,
 * places holding any of them are offered.
 */
export function searchIndex(index: MiniSearch<SearchDoc>, query: string, limit = 12): SearchHit[] {
  const wanted = normalise(query);
  if (!wanted) return [];
  const first = wanted.split(' ')[0];
  const options = {
    prefix: true,
    fuzzy: (term: string) => (term.length >= 6 ? 0.2 : false),
    boost: BOOST,
    boostDocument: (_id: unknown, _term: string, stored?: Record<string, unknown>) => {
      const title = normalise(String(stored?.title ?? ''));
      if (title === wanted) return 4;
      if (title.startsWith(wanted)) return 3;
      if (title.includes(wanted)) return 2;
      if (title.startsWith(first)) return 1.5;
      return 1;
    },
  };
  let results: SearchResult[] = index.search(query, { ...options, combineWith: 'AND' });
  if (results.length === 0) results = index.search(query, { ...options, combineWith: 'OR' });
  return results.slice(0, limit).map((result) => ({
    id: String(result.id),
    kind: result.kind as SearchKind,
    title: String(result.title),
    context: String(result.context),
    url: String(result.url),
    excerpt: String(result.excerpt),
    score: result.score,
  }));
}

export function createIndex(docs: SearchDoc[]): MiniSearch<SearchDoc> {
  const index = new MiniSearch<SearchDoc>(INDEX_OPTIONS);
  index.addAll(docs);
  return index;
}

export function loadIndex(json: string): MiniSearch<SearchDoc> {
  return MiniSearch.loadJSON<SearchDoc>(json, INDEX_OPTIONS);
}

/** The same, in slices that yield to the browser between them (no long task while the dialog opens). */
export function loadIndexAsync(json: string): Promise<MiniSearch<SearchDoc>> {
  return MiniSearch.loadJSONAsync<SearchDoc>(json, INDEX_OPTIONS);
}
