import { expect, type Page, test } from '@playwright/test';

// The Connect database is real SQLite compiled to WebAssembly: the playground downloads sql.js and its wasm only
// when a line needs the database, and sqlite3 then answers with SQLite's own results and error texts.

async function type(page: Page, line: string) {
  const input = page.getByLabel('Console command');
  await input.fill(line);
  await input.press('Enter');
}

const output = (page: Page) => page.getByRole('log', { name: 'Console output' });

test('sqlite3 in the playground loads SQLite on first use and runs real SQL', async ({ page }) => {
  const wasm: string[] = [];
  page.on('response', (r) => {
    if (r.url().endsWith('.wasm')) wasm.push(`${r.status()} ${new URL(r.url()).pathname}`);
  });
  await page.goto('/playground/');
  await expect(page.getByLabel('Console command')).toBeVisible();
  await type(page, 'kafka-topics.sh --create --topic e2e-sql');
  await expect(output(page)).toContainText('Created topic e2e-sql.');
  expect(wasm).toEqual([]);
  await type(
    page,
    'sqlite3 shop.db "CREATE TABLE t (a REAL); INSERT INTO t VALUES (1); SELECT a, typeof(a) FROM t"',
  );
  await expect(output(page)).toContainText('1.0|real');
  expect(wasm).toEqual(['200 /sql-wasm-browser.wasm']);
  await type(page, 'sqlite3 shop.db "SELEC 1"');
  await expect(output(page)).toContainText('Error: in prepare, near "SELEC": syntax error');
});
