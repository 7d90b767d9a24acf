import glossaryData from '@/content/glossary.json';

export type GlossaryEntry = { id: string; term: string; definition: string; seeAlso?: string[] };

export const glossary: GlossaryEntry[] = [...(glossaryData as GlossaryEntry[])].sort((a, b) =>
  a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }),
);
