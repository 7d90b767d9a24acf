import type { MDXComponents } from 'mdx/types';
import { mdxComponents } from '@/components/mdx/mdxComponents';

// Required at the project root by @next/mdx (toolchain notes, trap 3).
export function useMDXComponents(components: MDXComponents): MDXComponents {
  return { ...components, ...mdxComponents };
}
