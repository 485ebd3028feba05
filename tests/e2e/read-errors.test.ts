import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cacheContact, startEnvironment, type Environment } from './environment';

/**
 * A read of the extension's own IndexedDB that fails (a damaged profile, a disk error) is made
 * real in the panel page: the browser's read methods throw as Chromium's do on such an error.
 */
let env: Environment;

beforeAll(async () => {
  env = await startEnvironment();
  await (await env.connect()).close();
  // Ann is cached by visiting her page.
  await cacheContact(env, '101');
});
afterAll(async () => {
  await env?.close();
});

/** From now on every IndexedDB read in this page fails, until `readsWork(page)`. */
const failReads = (page: Page) =>
  page.evaluate(() => {
    const reads = [
      [IDBObjectStore.prototype, ['get', 'getAll', 'getAllKeys', 'count', 'openCursor', 'openKeyCursor']],
      [IDBIndex.prototype, ['get', 'getAll', 'getAllKeys', 'count', 'openCursor', 'openKeyCursor']],
    ] as const;
    const saved: Array<() => void> = [];
    for (const [proto, names] of reads) {
      for (const name of names) {
        const original = (proto as unknown as Record<string, unknown>)[name];
        (proto as unknown as Record<string, unknown>)[name] = () => {
          throw new DOMException('Internal error reading the database.', 'UnknownError');
        };
        saved.push(() => ((proto as unknown as Record<string, unknown>)[name] = original));
      }
    }
    (globalThis as unknown as { restoreReads: () => void }).restoreReads = () => saved.forEach((restore) => restore());
  });
const readsWork = (page: Page) => page.evaluate(() => (globalThis as unknown as { restoreReads: () => void }).restoreReads());

describe('a read of the local store that fails', () => {
  it('is said in the panel with a way to try again, instead of “Searching…” for good, and cached data is found after', async () => {
    const page = await env.context.newPage();
    await page.goto('https://www.example.com/');
    const panel = await env.openPanel();
    await expect(panel.getByTestId('recent-list').textContent()).resolves.toContain('Ann Lee');

    await failReads(panel);
    await panel.getByTestId('search-input').fill('ann');
    await expect(panel.getByTestId('read-error').textContent()).resolves.toContain('Internal error reading the database.');
    await expect(panel.getByRole('alert').count()).resolves.toBeGreaterThan(0);

    await readsWork(panel);
    await panel.getByTestId('read-again').click();
    await panel.getByTestId('search-input').fill('ann');
    await expect(panel.getByTestId('search-results').textContent()).resolves.toContain('Ann Lee');
    expect(await panel.getByTestId('read-error').count()).toBe(0);
    await Promise.all([page.close(), panel.close()]);
  });
});
