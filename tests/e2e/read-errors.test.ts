import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PORTAL, contactUrl, startWithAnnCached, type Environment } from './environment';

/**
 * Reads of the extension's own IndexedDB that fail or wait, made real in the panel page. A read
 * that fails (a damaged profile, a disk error): the browser's read methods throw as Chromium's do
 * on such an error. A read that waits: another context's write holds a table it needs.
 */
let env: Environment;

beforeAll(async () => {
  env = await startWithAnnCached();
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
  it('is said in the panel with a way to try again, instead of “Searching…” for good, and the typed search is found after', async () => {
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
    // What the user typed is still there, and is what is searched again.
    await expect(panel.getByTestId('search-input').inputValue()).resolves.toBe('ann');
    await expect(panel.getByTestId('search-results').textContent()).resolves.toContain('Ann Lee');
    expect(await panel.getByTestId('read-error').count()).toBe(0);
    await Promise.all([page.close(), panel.close()]);
  });
});

/**
 * A write on the user's merges and splits is held open in `page`, as while one is saved: until
 * `releaseOverrides(page)`, every read that takes that table waits for it (the browser's rule).
 */
const holdOverrides = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('unified-customer-view');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const overrides = db.transaction('overrides', 'readwrite').objectStore('overrides');
          let held = true;
          (globalThis as unknown as { releaseOverrides: () => void }).releaseOverrides = () => (held = false);
          // A transaction stays open while it has a request pending.
          const keepOpen = () => {
            if (held) overrides.get('held').onsuccess = keepOpen;
            else db.close();
          };
          keepOpen();
          resolve();
        };
      }),
  );
const releaseOverrides = (page: Page) => page.evaluate(() => (globalThis as unknown as { releaseOverrides: () => void }).releaseOverrides());

describe('a profile whose reads wait', () => {
  it('shows the record’s own card at once, and what the other tools know once their reads are through', async () => {
    // The panel follows a tab the extension may read: a HubSpot list, then Ann's page in it.
    const page = await env.context.newPage();
    await page.goto(`https://app.hubspot.com/contacts/${PORTAL}`);
    const panel = await env.openPanel(page);
    await holdOverrides(panel);

    await page.goto(contactUrl('101'));
    await expect(panel.getByTestId('profile-name').textContent()).resolves.toBe('Ann Lee');
    expect(await panel.getByTestId('profile-rest-loading').count()).toBe(1);
    expect(await panel.getByTestId('merge-open').count()).toBe(0);

    await releaseOverrides(panel);
    await panel.getByTestId('merge-open').waitFor({ timeout: 15_000 });
    expect(await panel.getByTestId('profile-rest-loading').count()).toBe(0);
    await Promise.all([page.close(), panel.close()]);
  });
});
