import http from 'node:http';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEnvironment, type Environment } from './environment';
import { launchWithExtension, openPanel } from '../../scripts/lib/browser.mjs';
import { startSyncServer } from '../sync-server/server.mjs';

/**
 * Two browser profiles (Ann's with HubSpot connected, Bob's with no tool at all) and a real
 * CouchDB-protocol server in this process: what one pins and captures, the other sees; both
 * write while the server is down and converge when it is back.
 */
let server: Awaited<ReturnType<typeof startSyncServer>>;
let ann: Environment;
let bob: { context: BrowserContext; extensionId: string };

/**
 * The extension as built, with the test server's host granted at install. Options asks for it as
 * an optional permission when the user saves the team URL, and headless Chromium has no way to
 * click "Allow" on that prompt; asked for again once granted, the browser answers at once.
 */
function extensionWithLocalHostGranted(): string {
  const dir = mkdtempSync(join(tmpdir(), 'customer-view-team-'));
  cpSync('dist/chrome', dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  manifest.host_permissions = [...manifest.host_permissions, 'http://127.0.0.1/*'];
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

beforeAll(async () => {
  server = await startSyncServer({ users: [{ name: 'ann', password: 'ann-password' }, { name: 'bob', password: 'bob-password' }], databases: ['team', 'sealed'] });
  const extensionDir = extensionWithLocalHostGranted();
  ann = await startEnvironment({ extensionDir });
  await (await ann.connect()).close();
  bob = await launchWithExtension({ resolverRules: ann.replica.resolverRules, extensionDir });
});
afterAll(async () => {
  await bob?.context.close();
  await ann?.close();
  await server?.close();
});

async function options(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.getByTestId('team-sync').waitFor();
  return page;
}

async function joinTeam(page: Page, url: string, user: string, password: string, passphrase = ''): Promise<void> {
  const card = page.getByTestId('team-sync');
  await card.getByTestId('team-url').fill(url);
  await card.getByTestId('team-username').fill(user);
  await card.getByTestId('team-password').fill(password);
  await card.getByTestId('team-passphrase').fill(passphrase);
  await card.getByTestId('team-connect').click();
}

const lastSynced = (page: Page) => expect.poll(() => page.getByTestId('team-status').textContent(), { timeout: 20_000 }).toMatch(/Last synced/);

/** Clicks "Sync now" and waits for that sync to finish, whatever its outcome. */
async function syncNow(page: Page): Promise<void> {
  const button = page.getByTestId('team-sync-now');
  await button.click();
  await expect.poll(() => button.isEnabled(), { timeout: 20_000 }).toBe(true);
}

/** The rows of one table of the extension's customer database, as the page sees them. */
function storeRows<T>(page: Page, table: string): Promise<T[]> {
  return page.evaluate(
    (table) =>
      new Promise<T[]>((resolve) => {
        const open = indexedDB.open('unified-customer-view');
        open.onsuccess = () => {
          const all = open.result.transaction(table).objectStore(table).getAll();
          all.onsuccess = () => resolve(all.result as T[]);
        };
      }),
    table,
  );
}

type ServerDoc = Record<string, unknown> & { _id: string };
const serverDocs = async (name: string): Promise<ServerDoc[]> => (await server.db(name).allDocs({ include_docs: true, conflicts: true })).rows.map((row: { doc: ServerDoc }) => row.doc);

describe('team sync between two browsers over CouchDB replication', () => {
  it('what Ann captures and arranges on a board, Bob sees: definitions, points and the board', async () => {
    const annOptions = await options(ann.context, ann.extensionId);
    await joinTeam(annOptions, `${server.url}/team`, 'ann', 'ann-password');
    await lastSynced(annOptions);

    const panel = await ann.openPanel();
    await panel.getByTestId('view-metrics').click();
    await panel.getByTestId('capture-all').click();
    const contacts = panel.locator('[data-testid="metric"][data-metric-id="hubspot:4815162:contacts"]');
    await expect(contacts.getByTestId('metric-value').textContent({ timeout: 15_000 })).resolves.toBe('240');
    await panel.getByTestId('board-new').click();
    await panel.getByTestId('board-name').fill('Monday numbers');
    await panel.getByTestId('board-create').click();
    await panel.getByTestId('board-add').selectOption({ label: 'HubSpot contacts' });
    // The open panel syncs by itself a moment after the edit.
    await expect.poll(async () => (await serverDocs('team')).filter((d) => String(d._id).startsWith('board:')).length, { timeout: 20_000 }).toBe(1);
    await expect.poll(async () => (await serverDocs('team')).some((d) => String(d._id).startsWith('pt:hubspot:4815162:contacts:')), { timeout: 20_000 }).toBe(true);

    const bobOptions = await options(bob.context, bob.extensionId);
    await joinTeam(bobOptions, `${server.url}/team`, 'bob', 'bob-password');
    await lastSynced(bobOptions);
    const bobPanel = await openPanel(bob.context, bob.extensionId, bobOptions);
    await bobPanel.getByTestId('view-metrics').click();
    const bobContacts = bobPanel.locator('[data-testid="metric"][data-metric-id="hubspot:4815162:contacts"]');
    await expect(bobContacts.getByTestId('metric-value').textContent({ timeout: 15_000 })).resolves.toBe('240');
    await bobPanel.getByTestId('board-select').selectOption({ label: 'Monday numbers' });
    await expect.poll(() => bobPanel.locator('[data-testid="metric"] .metric-label').allTextContents()).toEqual(['HubSpot contacts']);
    // Bob's browser holds no customer record: only what the team shares came over.
    expect(await storeRows(bobPanel, 'records')).toEqual([]);
    expect(JSON.stringify(await serverDocs('team'))).not.toMatch(/example\.(com|org)|pat-na1/);
    for (const page of [panel, bobPanel, annOptions, bobOptions]) await page.close();
  });

  it('both write while the server is down; once back, both hold the same points, setting and decisions, with one question to settle', async () => {
    const annOptions = await options(ann.context, ann.extensionId);
    const bobOptions = await options(bob.context, bob.extensionId);
    await lastSynced(annOptions);
    await lastSynced(bobOptions);
    await server.down();

    const pointsOf = async (page: Page) => (await storeRows<{ metricId: string; value: number }>(page, 'points')).map((p) => `${p.metricId}=${p.value}`).sort();
    const annPanel = await ann.openPanel();
    await annPanel.getByTestId('view-metrics').click();
    await annPanel.getByTestId('capture-all').click();
    await expect.poll(async () => (await pointsOf(annOptions)).filter((p) => p.startsWith('hubspot:4815162:contacts=')).length, { timeout: 15_000 }).toBe(2);

    // Opposite settings, and opposite answers to "same person?", each made offline.
    await annOptions.getByTestId('retention-select').selectOption('365');
    await bobOptions.getByTestId('retention-select').selectOption('730');
    const decide = (page: Page, kind: 'merge' | 'split') =>
      page.evaluate((kind) => chrome.runtime.sendMessage({ type: 'panel→background:setIdentityOverride', request: { a: 'hubspot:4815162:contact:1', b: 'hubspot:4815162:contact:2', kind } }), kind);
    await decide(annOptions, 'merge');
    await decide(bobOptions, 'split');
    await syncNow(annOptions);
    await expect(annOptions.getByTestId('team-error').textContent()).resolves.toMatch(/cannot be reached/);

    await server.up();
    for (const page of [annOptions, bobOptions, annOptions, bobOptions]) await syncNow(page);
    const settings = (page: Page) => page.evaluate(async () => ((await chrome.storage.local.get('settings')).settings as { pointRetentionDays?: number } | undefined)?.pointRetentionDays);
    expect(await settings(annOptions)).toBe(730);
    expect(await settings(bobOptions)).toBe(730);
    // Ann's open Options shows Bob's later choice.
    await expect.poll(() => annOptions.getByTestId('retention-select').inputValue()).toBe('730');
    expect(await pointsOf(bobOptions)).toEqual(await pointsOf(annOptions));
    expect((await pointsOf(bobOptions)).filter((p) => p.startsWith('hubspot:4815162:contacts='))).toHaveLength(2);
    expect((await serverDocs('team')).filter((d) => d._conflicts)).toEqual([]);

    const bobPanel = await openPanel(bob.context, bob.extensionId, bobOptions);
    for (const page of [annPanel, bobPanel]) {
      await page.getByTestId('view-customer').click();
      await expect(page.getByTestId('team-question').count({ timeout: 10_000 })).resolves.toBe(1);
    }
    await expect(annPanel.getByTestId('team-question').textContent()).resolves.toMatch(/same person\?.*“same”.*“not the same”|same person\?.*“not the same”.*“same”/);

    // Ann settles it, seeing both answers; Bob's browser gets the answer and the question goes.
    await annPanel.getByTestId('team-answer-merge').click();
    await expect.poll(() => annPanel.getByTestId('team-question').count(), { timeout: 20_000 }).toBe(0);
    await syncNow(bobOptions);
    await expect.poll(() => bobPanel.getByTestId('team-question').count(), { timeout: 20_000 }).toBe(0);
    const overrides = async (page: Page) => (await storeRows<{ id: string; kind: string }>(page, 'overrides')).map((o) => `${o.id}:${o.kind}`);
    expect(await overrides(bobOptions)).toEqual(['hubspot:4815162:contact:1|hubspot:4815162:contact:2:merge']);
    expect(await overrides(annOptions)).toEqual(await overrides(bobOptions));
    for (const page of [annPanel, bobPanel, annOptions, bobOptions]) await page.close();
  });

  it('with a team passphrase the server holds ids and ciphertext only', async () => {
    const annOptions = await options(ann.context, ann.extensionId);
    await annOptions.getByTestId('team-forget').click();
    await joinTeam(annOptions, `${server.url}/sealed`, 'ann', 'ann-password', 'our team passphrase');
    await lastSynced(annOptions);
    await expect(annOptions.getByTestId('team-status').textContent()).resolves.toContain('encrypted with the team passphrase');
    const docs = (await serverDocs('sealed')).filter((d) => d._id !== 'team-vault');
    expect(docs.length).toBeGreaterThan(5);
    expect(docs.every((d) => d.sealed && !('body' in d))).toBe(true);
    expect(JSON.stringify(docs)).not.toMatch(/HubSpot|contacts|Monday numbers|4815162/);

    const bobOptions = await options(bob.context, bob.extensionId);
    await bobOptions.getByTestId('team-forget').click();
    await joinTeam(bobOptions, `${server.url}/sealed`, 'bob', 'bob-password', 'not the passphrase');
    await expect(bobOptions.getByTestId('team-error').textContent({ timeout: 20_000 })).resolves.toMatch(/passphrase does not open/);
    await annOptions.close();
    await bobOptions.close();
  });

  it('says what is wrong in plain words: password, not a CouchDB, a server failing mid-sync, a document that does not read', async () => {
    const page = await options(bob.context, bob.extensionId);
    const card = page.getByTestId('team-sync');
    await card.getByTestId('team-forget').click();
    await joinTeam(page, `${server.url}/team`, 'bob', 'wrong');
    await expect(card.getByTestId('team-error').textContent({ timeout: 20_000 })).resolves.toMatch(/did not accept this user name and password/);

    const intranet = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>Intranet</html>'));
    await new Promise<void>((done) => intranet.listen(0, '127.0.0.1', done));
    await card.getByTestId('team-forget').click();
    await joinTeam(page, `http://127.0.0.1:${(intranet.address() as { port: number }).port}/team`, 'bob', 'bob-password');
    await expect(card.getByTestId('team-error').textContent({ timeout: 20_000 })).resolves.toMatch(/does not answer like a CouchDB/);
    intranet.close();

    await card.getByTestId('team-forget').click();
    await card.getByTestId('team-url').fill('https://couch.example.com/team');
    await card.getByTestId('team-username').fill('bob');
    await card.getByTestId('team-password').fill('x');
    await card.getByTestId('team-connect').click();
    await expect(card.getByTestId('team-form-error').textContent()).resolves.toMatch(/TLS port/);

    await server.db('team').put({ _id: 'metric:forged', kind: 'metric', body: { id: 'forged', label: 42 } });
    await joinTeam(page, `${server.url}/team`, 'bob', 'bob-password');
    await lastSynced(page);
    await expect(card.getByTestId('team-rejected').textContent()).resolves.toMatch(/metric:forged.*label/);

    server.fail(1, 2);
    await syncNow(page);
    await expect(card.getByTestId('team-error').textContent()).resolves.toMatch(/failed while syncing/);
    await syncNow(page);
    await expect(card.getByTestId('team-error').count()).resolves.toBe(0);
    await page.close();
  });
});
