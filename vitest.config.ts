import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    // Playwright specs live in e2e/ and must not be collected by Vitest.
    include: ['simulator/**/*.test.ts', 'components/**/*.test.ts', 'lib/**/*.test.ts', 'tests/**/*.test.ts'],
    environment: 'node',
    // Property tests replay thousands of commands; a loaded shared machine must not turn them into timeouts.
    testTimeout: 60_000,
  },
});
