// Rewrites components/quiz/quizzes.ts with one import per content/quizzes/*.json.
// Usage: node components/quiz/update-registry.mjs
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const ids = readdirSync(path.join(root, 'content', 'quizzes'))
  .filter((name) => name.endsWith('.json'))
  .map((name) => name.slice(0, -'.json'.length))
  .sort();
const variable = (id) => id.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase()).replace(/^[^a-z_]/i, '_$&');
const target = path.join(root, 'components', 'quiz', 'quizzes.ts');
const source = readFileSync(target, 'utf8');
const imports = ids.map((id) => `import ${variable(id)} from '@/content/quizzes/${id}.json';`).join('\n');
const key = (id) => (/^[a-z_][a-z0-9_]*$/i.test(id) ? id : `'${id}'`);
const entries = ids.map((id) => `  ${key(id)}: ${variable(id)},`).join('\n');
const body = source
  .replace(/^(import \S+ from '@\/content\/quizzes\/[^']+';\n)+/m, `${imports}\n`)
  .replace(
    /const raw: Record<string, unknown> = \{\n[\s\S]*?\n\};/,
    `const raw: Record<string, unknown> = {\n${entries}\n};`,
  );
writeFileSync(target, body);
console.log(`quizzes.ts lists ${ids.length} quizzes: ${ids.join(', ')}`);
