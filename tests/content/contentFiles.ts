// Loads the course's content data (content/) for the content tests. Reads only the repository.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { ChallengeSpec } from '@/components/challenge/types';
import type { PresetAction, Preset as PresetSpec } from '@/components/simulation/preset';

export const CONTENT = join(__dirname, '..', '..', 'content');

// The shapes are the ones the site itself reads (one definition each); tests only tighten what they rely on.
export type Action = PresetAction;
export type Preset = PresetSpec & { actions: Action[] };
export type Challenge = ChallengeSpec;
export type Question = {
  id: string;
  kind: 'single' | 'multiple' | 'truefalse' | 'number';
  prompt: string;
  options?: string[];
  answer: unknown;
  explanation: string;
};
export type Quiz = { id: string; passPercent: number; questions: Question[] };
export type GlossaryEntry = { id: string; term: string; definition: string; seeAlso: string[] };
export type Topic = {
  id: string;
  title: string;
  sim: boolean;
  lesson: string | null;
  simulation: string | null;
};
export type Section = { id: string; title: string; topics: Topic[] };
export type Roadmap = { levels: Array<{ id: string; sections: Section[] }> };

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

/** Every JSON file of a content folder, keyed by file name without extension. */
export function jsonDir<T>(folder: string): Map<string, T> {
  const dir = join(CONTENT, folder);
  const out = new Map<string, T>();
  for (const f of readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    out.set(f.slice(0, -'.json'.length), readJson<T>(join(dir, f)));
  }
  return out;
}

export const presets = () => jsonDir<Preset>('presets');
export const challenges = () => jsonDir<Challenge>('challenges');
export const quizzes = () => jsonDir<Quiz>('quizzes');
export const glossary = () => readJson<GlossaryEntry[]>(join(CONTENT, 'glossary.json'));
export const roadmap = () => readJson<Roadmap>(join(CONTENT, 'roadmap.json'));
export const sections = () => roadmap().levels.flatMap((l) => l.sections);

export type Lesson = { id: string; frontmatter: Record<string, unknown>; body: string };

export function lessons(): Lesson[] {
  return readdirSync(CONTENT)
    .filter((n) => n.endsWith('.mdx'))
    .sort()
    .map((n) => {
      const text = readFileSync(join(CONTENT, n), 'utf8');
      const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
      return {
        id: n.slice(0, -'.mdx'.length),
        frontmatter: m ? (parseYaml(m[1]) as Record<string, unknown>) : {},
        body: m ? text.slice(m[0].length) : text,
      };
    });
}

/** The opening tags of a component in MDX source; a `>` inside quotes or {braces} does not end a tag. */
export function openingTags(body: string, component: string): string[] {
  const tags: string[] = [];
  const re = new RegExp(`<${component}\\b`, 'g');
  for (let m = re.exec(body); m !== null; m = re.exec(body)) {
    let depth = 0;
    let quote: string | null = null;
    let i = m.index + m[0].length;
    for (; i < body.length; i++) {
      const ch = body[i];
      if (quote) {
        if (ch === '\\') i++;
        else if (ch === quote) quote = null;
      } else if (ch === '"' || ch === "'" || ch === '`') quote = ch;
      else if (ch === '{') depth++;
      else if (ch === '}') depth--;
      else if (ch === '>' && depth === 0) break;
    }
    tags.push(body.slice(m.index, i + 1));
  }
  return tags;
}

/** Values of one string attribute on every occurrence of a component, e.g. <Simulation preset="x">. */
export function attrValues(body: string, component: string, attr: string): string[] {
  return openingTags(body, component).flatMap((t) => {
    const m = new RegExp(`\\s${attr}="([^"]*)"`).exec(t);
    return m ? [m[1]] : [];
  });
}

/** Occurrences of a component that lack the attribute entirely (a broken reference). */
export function tagsMissing(body: string, component: string, attr: string): number {
  return openingTags(body, component).filter((t) => !new RegExp(`\\s${attr}="`).test(t)).length;
}
