import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import createMDX from '@next/mdx';

// SQLite's wasm (sql.js) is fetched from the site's root by the pages whose simulation has a database (the
// browser build of sql.js asks for this file name). It is copied from node_modules, not committed.
const sqliteWasm = 'node_modules/sql.js/dist/sql-wasm-browser.wasm';
const servedWasm = 'public/sql-wasm-browser.wasm';
if (
  existsSync(sqliteWasm) &&
  (!existsSync(servedWasm) || !readFileSync(servedWasm).equals(readFileSync(sqliteWasm)))
) {
  mkdirSync('public', { recursive: true });
  copyFileSync(sqliteWasm, servedWasm);
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The whole course is plain files: any static host can serve out/.
  output: 'export',
  trailingSlash: true,
  images: { unoptimized: true },
  pageExtensions: ['ts', 'tsx', 'md', 'mdx'],
  // Next dev refuses HMR from 127.0.0.1 unless allowed (open it at localhost otherwise).
  allowedDevOrigins: ['127.0.0.1'],
  devIndicators: false,
};

// Turbopack needs MDX plugins by name with serialisable options (imported plugin functions fail with "does not
// have serializable options"). remark-frontmatter only keeps the YAML block out of the page: the content loader
// (lib/content.server.ts) is what reads a lesson's frontmatter.
const withMDX = createMDX({
  options: {
    remarkPlugins: ['remark-gfm', 'remark-frontmatter'],
    rehypePlugins: [
      'rehype-slug',
      [
        'rehype-pretty-code',
        {
          theme: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' },
          keepBackground: false,
        },
      ],
    ],
  },
});

export default withMDX(nextConfig);
