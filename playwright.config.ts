import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// Chromium without downloading one: CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own.
function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].filter(Boolean) as string[];
  return candidates.find((candidate) => existsSync(candidate));
}

const executablePath = chromiumPath();
const port = Number(process.env.E2E_PORT ?? 4173);
const baseURL = process.env.E2E_BASE_URL ?? `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: './e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  // One worker per core (Playwright's default is half): the suite is browser-bound, not CPU-bound per test.
  workers: '100%',
  retries: 0,
  // scripts/test-all.mjs asks for a JSON file too, to count results itself.
  reporter: process.env.PW_JSON_OUTPUT
    ? [['list'], ['json', { outputFile: process.env.PW_JSON_OUTPUT }]]
    : [['list']],
  globalSetup: './e2e/globalSetup.ts',
  use: {
    baseURL,
    trace: 'off',
    // No animation anywhere: nothing waits for a transition, and axe never sees a line mid-fade.
    reducedMotion: 'reduce',
    // The site's service worker (public/sw.js) stays out of every test but the offline one, which allows it.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath,
      // As root Chromium needs --no-sandbox; the rest keeps it off a network this machine does not have.
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  // Against the built static export, served as plain files (no Next server at run time).
  webServer: process.env.E2E_BASE_URL
    ? undefined
    : {
        command: `node scripts/serve-static.mjs out ${port}`,
        url: baseURL,
        reuseExistingServer: false,
        timeout: 30_000,
      },
});
