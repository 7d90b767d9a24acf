// Reads a lesson's MDX source with the MDX parser itself (the same remark plugins as the site's build): its
// frontmatter, its headings with the ids rehype-slug gives them, and every component it embeds. Nothing here
// pattern-matches MDX text, so a tag inside a code block or a comment is never mistaken for an embed.
import { createProcessor } from '@mdx-js/mdx';
import GithubSlugger from 'github-slugger';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { parse as parseYaml } from 'yaml';
import { ContentError } from './fields';
import type { Embed, EmbedAttribute, TocEntry } from './types';

type Node = {
  type: string;
  value?: string;
  depth?: number;
  name?: string | null;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  children?: Node[];
  position?: { start: { line: number } };
};

/** The text of a node as rehype-slug sees the heading it becomes: its text and inline code, nothing else. */
function textOf(node: Node): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value ?? '';
  return (node.children ?? []).map(textOf).join('');
}

function attributeValue(value: unknown): EmbedAttribute {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value;
  return { expression: String((value as { value?: unknown }).value ?? '') };
}

export type ParsedLesson = { frontmatter: unknown; toc: TocEntry[]; embeds: Embed[] };

let processor: ReturnType<typeof createProcessor> | null = null;

export function parseLessonSource(file: string, source: string): ParsedLesson {
  processor ??= createProcessor({ remarkPlugins: [remarkGfm, remarkFrontmatter] });
  let tree: Node;
  try {
    tree = processor.parse(source) as unknown as Node;
  } catch (error) {
    throw new ContentError(file, null, `is not valid MDX: ${error instanceof Error ? error.message : error}`);
  }
  let frontmatter: unknown;
  const toc: TocEntry[] = [];
  const embeds: Embed[] = [];
  // One slugger over every heading in document order, as rehype-slug numbers repeated headings.
  const slugger = new GithubSlugger();
  const visit = (node: Node) => {
    if (node.type === 'yaml') {
      try {
        frontmatter = parseYaml(node.value ?? '');
      } catch (error) {
        throw new ContentError(
          file,
          'frontmatter',
          `is not valid YAML: ${error instanceof Error ? error.message : error}`,
        );
      }
    } else if (node.type === 'heading') {
      const text = textOf(node).trim();
      const slug = slugger.slug(text);
      if (node.depth === 2 || node.depth === 3) toc.push({ depth: node.depth, text, id: slug });
    } else if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name) {
      const attributes: Record<string, EmbedAttribute> = {};
      for (const attribute of node.attributes ?? []) {
        if (attribute.type === 'mdxJsxAttribute' && attribute.name)
          attributes[attribute.name] = attributeValue(attribute.value);
      }
      embeds.push({ component: node.name, attributes, line: node.position?.start.line ?? 0 });
    }
    for (const c of node.children ?? []) visit(c);
  };
  visit(tree);
  if (frontmatter === undefined)
    throw new ContentError(file, 'frontmatter', 'is missing (--- … --- at the top)');
  return { frontmatter, toc, embeds };
}
