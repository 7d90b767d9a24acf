import { describe, expect, it } from 'vitest';
import { createConsole } from '@/kafka-cli';
import { glossary, lessons } from '@/lib/content.server';
import { buildSearchIndexJson } from './buildIndex';
import { codeRunsCommand, consoleCommands } from './consoleCommands';
import { searchDocuments } from './documents';
import { lessonParts } from './lessonSections';
import { createIndex, loadIndex, searchIndex } from './searchIndex';

const docs = searchDocuments();
const byUrl = new Map(docs.map((doc) => [doc.url, doc]));
const index = loadIndex(buildSearchIndexJson());
const top = (query: string) => searchIndex(index, query, 3);

describe('the search index holds every place a reader can land on', () => {
  it('every ## and ### heading of every lesson, at the anchor the page gives it', () => {
    const all = lessons();
    expect(all.length).toBeGreaterThan(0);
    for (const lesson of all) {
      for (const entry of lesson.toc) {
        const doc = byUrl.get(`/learn/${lesson.id}/#${entry.id}`);
        expect(doc, `${lesson.id}#${entry.id}`).toBeDefined();
        expect(doc?.title).toBe(entry.text);
        expect(doc?.context).toBe(lesson.meta.title);
      }
      expect(byUrl.get(`/learn/${lesson.id}/`)?.kind).toBe('lesson');
    }
    const sections = docs.filter((doc) => doc.kind === 'section');
    expect(sections.length).toBe(all.reduce((sum, lesson) => sum + lesson.toc.length, 0));
  });

  it('every glossary term, at its anchor on the glossary page', () => {
    for (const entry of glossary()) {
      const doc = byUrl.get(`/glossary/#${entry.id}`);
      expect(doc?.title, entry.id).toBe(entry.term);
      expect(doc?.text).toBe(entry.definition);
    }
  });

  it("every command of the console's tool registry, at its anchor on the console reference page", () => {
    const tools = createConsole().tools;
    expect(consoleCommands().map((c) => c.name)).toEqual(tools.map((t) => t.name));
    for (const tool of tools) {
      const doc = docs.find((d) => d.kind === 'command' && d.title === tool.name);
      expect(doc, tool.name).toBeDefined();
      expect(doc?.text).toContain(tool.usage);
    }
    expect(byUrl.get('/console/#kafka-consumer-groups')?.title).toBe('kafka-consumer-groups.sh');
  });

  it('ids are unique (MiniSearch refuses a duplicate id)', () => {
    expect(new Set(docs.map((doc) => doc.id)).size).toBe(docs.length);
  });

  it('the serialised index answers as the one built in memory', () => {
    const fresh = createIndex(docs);
    for (const query of ['min.insync', 'tombstone', 'rebalance', 'kcat -C'])
      expect(searchIndex(index, query).map((h) => h.id)).toEqual(searchIndex(fresh, query).map((h) => h.id));
  });
});

describe('ranking', () => {
  it('"min.insync" puts min.insync.replicas first (glossary term or a lesson section named for it)', () => {
    const [first] = top('min.insync');
    expect(first.title).toContain('min.insync.replicas');
    expect(['glossary', 'section']).toContain(first.kind);
  });

  it('"tombstone" puts the glossary term first and the storage lesson\'s Tombstones section among the top', () => {
    const hits = top('tombstone');
    expect(hits[0].url).toBe('/glossary/#tombstone');
    expect(hits.map((h) => h.url)).toContain('/learn/storage/#tombstones');
  });

  it('"kafka-consumer-groups --reset-offsets" lands on the command', () => {
    expect(top('kafka-consumer-groups --reset-offsets')[0].url).toBe('/console/#kafka-consumer-groups');
  });

  it('"ISR" and "acks" find their glossary terms first', () => {
    expect(top('ISR')[0].url).toBe('/glossary/#isr');
    expect(top('acks')[0].url).toBe('/glossary/#acks');
  });

  it('a long word forgives one typo ("tombstne")', () => {
    expect(top('tombstne')[0].url).toBe('/glossary/#tombstone');
  });

  it('an empty query finds nothing, and a query with no match in every word falls back to any word', () => {
    expect(searchIndex(index, '   ')).toEqual([]);
    expect(searchIndex(index, 'tombstone zzqx').length).toBeGreaterThan(0);
  });
});

describe('lessonParts', () => {
  const source = [
    '---',
    'title: T',
    '---',
    'Intro with `linger.ms`.',
    '## Setup',
    'Run this:',
    '```bash',
    '## not a heading',
    'kafka-topics.sh --create --topic t',
    '```',
    '### Setup',
    'A **bold phrase** here.',
    '<Console lines={["kcat -b localhost:9092 -L"]} />',
  ].join('\n');
  const parts = lessonParts('T', source);

  it('splits at ## and ### with rehype-slug ids, numbering a repeated heading; code fences hold no headings', () => {
    expect(parts.map((p) => [p.anchor, p.heading])).toEqual([
      [null, 'T'],
      ['setup', 'Setup'],
      ['setup-1', 'Setup'],
    ]);
  });

  it('keeps inline code and bold phrases as keywords, code blocks and <Console> lines as code', () => {
    expect(parts[0].keywords).toEqual(['linger.ms']);
    expect(parts[2].keywords).toEqual(['bold phrase']);
    expect(parts[1].code.join('\n')).toContain('kafka-topics.sh --create');
    expect(parts[2].code.join('\n')).toContain('kcat -b');
    expect(parts[1].text).not.toContain('kafka-topics.sh');
  });
});

describe('codeRunsCommand', () => {
  const topics = consoleCommands().find((c) => c.key === 'kafka-topics')!;
  const kcat = consoleCommands().find((c) => c.key === 'kcat')!;
  it('matches the command at the start of a line, with or without .sh, a prompt or a bin/ path', () => {
    expect(codeRunsCommand('kafka-topics.sh --list', topics)).toBe(true);
    expect(codeRunsCommand('$ bin/kafka-topics.sh --list', topics)).toBe(true);
    expect(codeRunsCommand('x\nkafka-topics --describe', topics)).toBe(true);
    expect(codeRunsCommand('["kafkacat -L"]', kcat)).toBe(true);
  });
  it('does not match the name inside other words or mid-line', () => {
    expect(codeRunsCommand('kafka-topics-extra', topics)).toBe(false);
    expect(codeRunsCommand('see kafka-topics.sh', topics)).toBe(false);
  });
});
