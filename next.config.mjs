import createMDX from '@next/mdx';

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
