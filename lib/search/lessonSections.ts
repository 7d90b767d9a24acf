// A lesson's MDX split into the sections a reader can land on: the text before its first `##` heading, then one
// part per `##`/`###` heading, with the id rehype-slug gives that heading on the page. Build time only: it parses
// the source with the MDX parser (as lib/content/mdx.ts does for the table of contents), so a heading inside a
// code block is never taken for one, and the ids match the rendered anchors.
import { createProcessor } from '@mdx-js/mdx';
import GithubSlugger from 'github-slugger';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';

type Node = {
  type: string;
  value?: string;
  depth?: number;
  name?: string | null;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  children?: Node[];
};

/** The source text of a JSX attribute's value: a quoted string, or the code of a {…} expression. */
function attributeText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'value' in value) return String(value.value ?? '');
  return '';
}

export type LessonPart = {
  /** The heading's anchor on the page, or null for the text before the first section heading. */
  anchor: string | null;
  heading: string;
  depth: 1 | 2 | 3;
  /** The section's prose, code and table text, whitespace collapsed. */
  text: string;
  /** Inline code and bold phrases of the section: config names, error codes, commands, key terms. */
  keywords: string[];
  /** Its inline code and code blocks, as written (where console commands are shown). */
  code: string[];
};

/** The text rehype-slug reads from a heading: its text and inline code. */
function headingText(node: Node): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value ?? '';
  return (node.children ?? []).map(headingText).join('');
}

/** The text of an inline node (a bold phrase): its text and inline code, as written. */
function inlineText(node: Node): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value ?? '';
  return (node.children ?? []).map(inlineText).join('');
}

const BLOCKS = new Set([
  'paragraph',
  'listItem',
  'list',
  'blockquote',
  'table',
  'tableRow',
  'tableCell',
  'mdxJsxFlowElement',
]);

let processor: ReturnType<typeof createProcessor> | null = null;

export function lessonParts(title: string, source: string): LessonPart[] {
  processor ??= createProcessor({ remarkPlugins: [remarkGfm, remarkFrontmatter] });
  const tree = processor.parse(source) as unknown as Node;
  // One slugger over every heading in document order: rehype-slug numbers a repeated heading (`quiz-1`).
  const slugger = new GithubSlugger();
  const parts: Array<LessonPart & { chunks: string[]; keys: Set<string> }> = [];
  const start = (anchor: string | null, heading: string, depth: 1 | 2 | 3) => {
    parts.push({ anchor, heading, depth, text: '', keywords: [], code: [], chunks: [], keys: new Set() });
  };
  start(null, title, 1);
  const current = () => parts[parts.length - 1];
  const visit = (node: Node) => {
    if (node.type === 'yaml') return;
    if (node.type === 'heading') {
      const text = headingText(node).trim();
      const slug = slugger.slug(text);
      if (node.depth === 2 || node.depth === 3) start(slug, text, node.depth);
      else current().chunks.push(' ', text, ' ');
      return;
    }
    if (node.type === 'inlineCode' || node.type === 'strong') {
      const key = inlineText(node).trim();
      if (key && key.length <= 60) current().keys.add(key);
    }
    if (node.type === 'inlineCode' || node.type === 'code') current().code.push(node.value ?? '');
    // A <Console lines={[…]} /> runs commands in the lesson: they count as the section's code.
    if (node.type === 'mdxJsxFlowElement' && node.name === 'Console')
      for (const attribute of node.attributes ?? [])
        if (attribute.type === 'mdxJsxAttribute') current().code.push(attributeText(attribute.value));
    // Code blocks (outputs, JSON, configs) are kept for finding commands, not indexed as prose: they would double
    // the index for words the prose around them already holds.
    if (node.type === 'code') return;
    if (node.type === 'text' || node.type === 'inlineCode') {
      current().chunks.push(node.value ?? '');
      return;
    }
    if (node.type === 'mdxjsEsm' || node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression')
      return;
    // Words of two blocks (paragraphs, list items, table cells) are apart; inline pieces join as written.
    const block = BLOCKS.has(node.type);
    if (block) current().chunks.push(' ');
    for (const child of node.children ?? []) visit(child);
    if (block) current().chunks.push(' ');
  };
  visit(tree);
  return parts.map(({ chunks, keys, ...part }) => ({
    ...part,
    text: chunks.join('').replace(/\s+/g, ' ').trim(),
    keywords: [...keys],
  }));
}
