import type { MDXComponents } from 'mdx/types';
import { mdxComponents } from '@/components/mdx/mdxComponents';

// Required at the project root by @next/mdx: without it the prerender fails with `createContext is not a function`.
export function useMDXComponents(components: MDXComponents): MDXComponents {
  return { ...components, ...mdxComponents };
}
