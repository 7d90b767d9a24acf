import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export default async function globalSetup() {
  const custom = process.env.CHROMIUM_PATH;
  if (custom && !existsSync(custom)) {
    throw new Error(`CHROMIUM_PATH=${custom} does not exist; point it at a Chromium binary or unset it.`);
  }
  if (custom || existsSync('/usr/bin/chromium')) return;
  if (!existsSync(chromium.executablePath())) {
    throw new Error(
      'No Chromium found: install one (Debian: apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary.',
    );
  }
}
