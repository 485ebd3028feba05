import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { contactUrl, startEnvironment, type Environment } from './environment';

const envs: Environment[] = [];
afterAll(async () => {
  await Promise.all(envs.map((env) => env.close()));
});

/** Everything in the extension's database, read raw from one of its pages. */
function dumpStore(page: Page) {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown[]>>((resolve, reject) => {
        const open = indexedDB.open('unified-customer-view');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = ['records', 'metrics', 'points', 'overrides'];
          const tx = db.transaction(names, 'readonly');
          const out: Record<string, unknown[]> = {};
          for (const name of names) tx.objectStore(name).getAll().onsuccess = (event) => (out[name] = (event.target as IDBRequest<unknown[]>).result);
          tx.oncomplete = () => resolve(out);
        };
      }),
  );
}

describe('backup', () => {
  it('round-trips into a fresh browser profile with every record and point intact', async () => {
    const source = await startEnvironment();
    envs.push(source);
    const options = await source.connect();
    for (const id of ['101', '104']) {
      const page = await source.context.newPage();
      await page.goto(contactUrl(id));
      const panel = await source.openPanel(page);
      await panel.getByTestId('profile-name').waitFor({ timeout: 15_000 });
      await Promise.all([page.close(), panel.close()]);
    }
    const metricsPanel = await source.openPanel();
    await metricsPanel.getByTestId('view-metrics').click();
    await metricsPanel.getByTestId('capture-all').click();
    await metricsPanel.getByTestId('metric').first().waitFor({ timeout: 15_000 });
    await options.reload();
    const [download] = await Promise.all([options.waitForEvent('download'), options.getByTestId('export-backup').click()]);
    const file = (await download.path())!;
    const before = await dumpStore(options);
    expect(before.records!.length).toBeGreaterThanOrEqual(4);
    expect(before.points!.length).toBeGreaterThanOrEqual(3);

    const target = await startEnvironment();
    envs.push(target);
    const fresh = await target.context.newPage();
    await fresh.goto(`chrome-extension://${target.extensionId}/options.html`);
    await fresh.getByTestId('import-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"customer-view-backup","version":1,"data":') });
    await expect(fresh.getByTestId('import-result').textContent()).resolves.toContain('not valid JSON');
    await fresh.getByTestId('import-file').setInputFiles(file);
    await expect(fresh.getByTestId('import-preview').textContent()).resolves.toContain(`${before.records!.length} new and 0 newer records`);
    await fresh.getByTestId('confirm-import').click();
    await expect(fresh.getByTestId('import-result').textContent()).resolves.toContain('Imported');
    const after = await dumpStore(fresh);
    const byKey = (rows: unknown[] | undefined, key: string) => [...(rows ?? [])].sort((a, b) => String((a as Record<string, unknown>)[key]).localeCompare(String((b as Record<string, unknown>)[key])));
    expect(byKey(after.records, 'key')).toEqual(byKey(before.records, 'key'));
    expect(byKey(after.points, 'id')).toEqual(byKey(before.points, 'id'));
    expect(byKey(after.metrics, 'id')).toEqual(byKey(before.metrics, 'id'));
  });
});
