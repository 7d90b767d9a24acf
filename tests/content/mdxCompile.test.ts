// Every lesson compiles as MDX with the site's remark plugins and renders with stand-ins for the component map,
// so a stray `{` or `<` in prose, or a component the map does not provide, fails here rather than in the build.
import { evaluate } from '@mdx-js/mdx';
import { createElement, type ReactNode } from 'react';
import * as runtime from 'react/jsx-runtime';
import { renderToStaticMarkup } from 'react-dom/server';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { describe, expect, it } from 'vitest';
import { lessons } from '@/lib/content.server';

const MAP = ['Simulation', 'Console', 'Challenge', 'Quiz', 'Callout', 'Term', 'CapacityPlanner'] as const;

describe('lessons compile and render as MDX', () => {
  it.each(lessons().map((l) => [l.id, l] as const))('%s', async (_id, l) => {
    const used = new Set<string>();
    const components = Object.fromEntries(
      MAP.map((name) => [
        name,
        (props: { children?: ReactNode }) => {
          used.add(name);
          return createElement('div', { 'data-component': name }, props.children);
        },
      ]),
    );
    const { default: Lesson } = await evaluate(l.source, {
      ...runtime,
      remarkPlugins: [remarkGfm, remarkFrontmatter],
    });
    const html = renderToStaticMarkup(createElement(Lesson, { components }));
    expect(html.length).toBeGreaterThan(1000);
    expect(used.has('Quiz') && used.has('Challenge')).toBe(true);
    expect(html).not.toMatch(/<(Simulation|Console|Challenge|Quiz|Callout|Term)\b/);
  });
});
