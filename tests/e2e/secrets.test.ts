import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { contactUrl, startEnvironment, type Environment } from './environment';

/**
 * Tokens go in one header to one vendor, and nowhere else: not in any extension context's
 * console, the replicas' request log, a reply to a content script, an export, an error shown
 * or stored - not even when a vendor echoes the credential back in its error message.
 */
let env: Environment;
const consoleLines: string[] = [];

type Vendor = 'hubspot' | 'stripe' | 'zendesk' | 'salesforce' | 'mailchimp' | 'pipedrive' | 'klaviyo';
const API_HOST: Record<Vendor, string> = {
  hubspot: 'api.hubapi.com',
  stripe: 'api.stripe.com',
  zendesk: 'acme.zendesk.com',
  salesforce: 'acme.my.salesforce.com',
  mailchimp: 'us6.api.mailchimp.com',
  pipedrive: 'acme.pipedrive.com',
  klaviyo: 'a.klaviyo.com',
};
const tokenOf = (vendor: Vendor) => env.replica.demoTokens[vendor];

/** Each credential as it may travel: the token, and the Basic header value built from it. */
function credentialForms(): Array<{ vendor: Vendor; secret: string }> {
  return (Object.keys(API_HOST) as Vendor[]).flatMap((vendor) => {
    // A Salesforce token starts with the org id, which is no secret (it is the account's id).
    const token = vendor === 'salesforce' ? tokenOf(vendor).split('!')[1]! : tokenOf(vendor);
    const basic = vendor === 'mailchimp' ? btoa(`anystring:${token}`) : vendor === 'zendesk' ? btoa(`${env.replica.zendeskLogin.email}/token:${token}`) : null;
    return [{ vendor, secret: token }, ...(basic ? [{ vendor, secret: basic }] : [])];
  });
}

/** Every 12-character run of a credential that says something (not a run of zeros). */
function distinctiveParts(secret: string): string[] {
  const parts: string[] = [];
  for (let i = 0; i + 12 <= secret.length; i++) {
    const part = secret.slice(i, i + 12);
    if (new Set(part).size >= 5) parts.push(part);
  }
  return parts;
}

/** The credentials (or a distinctive part of one) that this text contains. */
function leaksIn(text: string): string[] {
  return credentialForms()
    .filter(({ secret }) => distinctiveParts(secret).some((part) => text.includes(part)))
    .map(({ vendor, secret }) => `${vendor}: ${secret}`);
}

const connect = (vendor: Vendor, login: { site?: string; email?: string } = {}) => env.connect(tokenOf(vendor), vendor, login);

async function downloaded(page: Page, click: () => Promise<void>): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]) as [Download, void];
  return readFile((await file.path())!, 'utf8');
}

/** Everything in the extension's database, as the panel's origin sees it. */
function dumpDatabase(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('unified-customer-view');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const names = [...db.objectStoreNames];
    const tx = db.transaction(names, 'readonly');
    const all = await Promise.all(names.map((name) => new Promise((resolve) => (tx.objectStore(name).getAll().onsuccess = (event) => resolve([name, (event.target as IDBRequest).result])))));
    db.close();
    return JSON.stringify(all);
  });
}

/**
 * Runs code in our content script's own isolated world on a vendor page, through DevTools: there
 * it can send exactly what our content script may send, and see what the worker answers.
 */
async function inContentScriptWorld<T>(page: Page, expression: string): Promise<T> {
  const cdp = await env.context.newCDPSession(page);
  const worlds: Array<{ id: number; origin: string; auxData?: { type?: string } }> = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => worlds.push(context));
  await cdp.send('Runtime.enable');
  await expect.poll(() => worlds.some((w) => w.auxData?.type === 'isolated' && w.origin.includes(env.extensionId)), { timeout: 10_000 }).toBe(true);
  const world = worlds.find((w) => w.auxData?.type === 'isolated' && w.origin.includes(env.extensionId))!;
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, contextId: world.id, awaitPromise: true, returnByValue: true });
  await cdp.detach();
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return result.value as T;
}

beforeAll(async () => {
  env = await startEnvironment();
  // Console output of every context: worker, panel, options, vendor pages with our content script.
  env.context.on('console', (message) => consoleLines.push(`${message.type()} ${message.location().url}: ${message.text()}`));
  env.context.on('weberror', (error) => consoleLines.push(`uncaught: ${String(error.error())}`));
  await (await env.worker()).evaluate(() => console.log('capture check: worker'));
  for (const [vendor, login] of [
    ['hubspot', {}],
    ['stripe', {}],
    ['pipedrive', env.replica.pipedriveLogin],
    ['mailchimp', {}],
    ['zendesk', env.replica.zendeskLogin],
    ['salesforce', { site: env.replica.salesforceLogin.site }],
  ] as const) {
    const options = await connect(vendor, login);
    await options.getByTestId(`connector-${vendor}`).getByTestId('connected-account').waitFor({ timeout: 15_000 });
    await options.close();
  }
}, 240_000);
afterAll(async () => {
  await env?.close();
});

describe('tokens never leak', () => {
  it('fetches, looks up and scans a page without a token in any reply to a content script', async () => {
    const page = await env.context.newPage();
    await page.goto(contactUrl('101'));
    const panel = await env.openPanel(page);
    await panel.getByTestId('profile-name').waitFor({ timeout: 20_000 });
    for (const tool of ['stripe', 'pipedrive', 'mailchimp', 'salesforce']) {
      await panel.getByTestId(`tool-${tool}`).locator('button, a').filter({ hasText: /Ann|ann\.lee/i }).first().waitFor({ timeout: 20_000 });
    }
    // Everything our content scripts can ask, asked from their own world: every answer they get.
    const replies = await inContentScriptWorld<unknown[]>(
      page,
      `console.log('capture check: content script'), Promise.all([
        ['content→background:pageVisited', {}],
        ['picker→background:pin', { label: 'Deals', selector: 'h1', text: '12' }],
        ['pin-reader→background:pinsForPage', {}],
        ['pin-reader→background:pinReadings', { readings: [] }],
        ['content→background:pageRecord', { title: 'Ann Lee', emails: [], phones: [] }],
        ['panel→background:openRecord', { key: 'hubspot:4815162:person:101' }],
      ].map(([type, request]) => chrome.runtime.sendMessage({ type, request })))`,
    );
    expect(replies).toHaveLength(6);
    expect(JSON.stringify(replies)).toContain('"ok":true');
    expect(leaksIn(JSON.stringify(replies))).toEqual([]);
    expect(leaksIn(await panel.evaluate(() => (console.log('capture check: panel'), document.documentElement.outerHTML)))).toEqual([]);

    // The contact list: the panel scans it for known customers.
    await page.goto('https://app.hubspot.com/contacts/4815162');
    await panel.getByTestId('scan-page').click();
    await panel.getByTestId('scan-results').getByRole('button').first().waitFor({ timeout: 15_000 });
    expect(leaksIn(await panel.evaluate(() => document.documentElement.outerHTML))).toEqual([]);
    await Promise.all([page.close(), panel.close()]);
  });

  it('syncs, captures metrics and exports a backup and CSV without a token in them', async () => {
    const options = await env.context.newPage();
    await options.goto(`chrome-extension://${env.extensionId}/options.html`);
    for (const vendor of ['hubspot', 'pipedrive']) {
      await options.getByTestId(`connector-${vendor}`).getByTestId('sync-now').click();
      await options.locator(`[data-testid="sync-${vendor}"][data-status="done"]`).waitFor({ timeout: 90_000 });
    }
    const backup = await downloaded(options, () => options.getByTestId('export-backup').click());
    expect(JSON.parse(backup).data.records.length).toBeGreaterThan(300);
    expect(leaksIn(backup)).toEqual([]);

    const panel = await env.openPanel();
    await panel.getByTestId('view-metrics').click();
    await panel.getByTestId('capture-all').click();
    await expect.poll(() => panel.getByTestId('metric').count(), { timeout: 30_000 }).toBeGreaterThan(3);
    const csv = await downloaded(panel, () => panel.getByTestId('export-csv').click());
    expect(csv.split('\n').length).toBeGreaterThan(3);
    expect(leaksIn(csv)).toEqual([]);
    await Promise.all([options.close(), panel.close()]);
  }, 180_000);

  it('cuts the token out of a vendor error that echoes it, wherever the error is shown or stored', async () => {
    const echo = (pathIncludes: string, status: number, body: unknown) => ({ pathIncludes, status, body, times: Number.POSITIVE_INFINITY });
    // A record fetch (HubSpot, Bearer), lookups in other tools (Salesforce's error array; Pipedrive's
    // own header; Mailchimp's Basic header), a sync and a connect: each vendor says the credential back.
    env.replica.hubspot.state.faults.push(echo('/crm/v3/objects/contacts/103', 403, { status: 'error', message: 'The token {auth} is missing scopes', category: 'MISSING_SCOPES' }));
    env.replica.salesforce.state.faults.push(echo('/query', 400, [{ message: 'Invalid session header {auth}', errorCode: 'INVALID_AUTH_HEADER' }]));
    // 4xx, not 5xx: Chrome backs off an extension's requests to a URL that answered 5xx, and the
    // panel's first lookup of the page already met these faults, so a 5xx made the refresh's
    // lookup fail before it reached the vendor (CI saw "Could not reach Mailchimp").
    env.replica.pipedrive.state.faults.push(echo('/api/v2/persons/search', 400, { message: 'Request refused for x-api-token {auth}' }));
    env.replica.mailchimp.state.faults.push(echo('/search-members', 400, { message: 'Bad request for {auth}' }));
    env.replica.stripe.state.faults.push(echo('/v1/customers', 400, { message: 'Sync failed for {auth}' }));

    const page = await env.context.newPage();
    await page.goto(contactUrl('103'));
    const panel = await env.openPanel(page);
    await panel.getByTestId('refresh').click();
    await expect(panel.getByTestId('error-auth').textContent({ timeout: 20_000 })).resolves.toContain('[redacted]');
    for (const tool of ['salesforce', 'pipedrive', 'mailchimp']) {
      await expect(panel.getByTestId(`tool-${tool}`).getByTestId('tool-error').textContent({ timeout: 20_000 })).resolves.toContain('[redacted]');
    }

    const options = await env.context.newPage();
    await options.goto(`chrome-extension://${env.extensionId}/options.html`);
    await options.getByTestId('connector-stripe').getByTestId('sync-now').click();
    await expect(options.locator('[data-testid="sync-stripe"][data-status="error"]').textContent({ timeout: 30_000 })).resolves.toContain('[redacted]');
    env.replica.klaviyo.state.faults.push(echo('/api/accounts', 403, { message: 'Key {auth} lacks accounts:read' }));
    const klaviyo = await connect('klaviyo');
    await expect(klaviyo.getByTestId('connector-klaviyo').getByTestId('connect-error').textContent()).resolves.toContain('[redacted]');

    await options.reload();
    await options.evaluate(() => console.log('capture check: options'));
    for (const vendor of ['hubspot', 'salesforce', 'pipedrive', 'mailchimp']) {
      await expect(options.getByTestId(`connector-${vendor}`).getByTestId('health-errors').textContent({ timeout: 10_000 })).resolves.toContain('[redacted]');
    }
    const shown = await Promise.all([panel, options, klaviyo].map((p) => p.evaluate(() => document.documentElement.outerHTML)));
    expect(shown.map(leaksIn)).toEqual([[], [], []]);
    expect(leaksIn(await dumpDatabase(panel))).toEqual([]);

    for (const replica of [env.replica.hubspot, env.replica.salesforce, env.replica.pipedrive, env.replica.mailchimp, env.replica.stripe, env.replica.klaviyo]) {
      replica.state.faults.length = 0;
    }
    await Promise.all([page.close(), panel.close(), options.close(), klaviyo.close()]);
  }, 180_000);

  it('has the browser refuse any request from the extension to a host that is not a vendor API', async () => {
    const worker = await env.worker();
    // Console hosts are in host_permissions and served by the replica, but they are no API origin.
    const tried = await worker.evaluate(async (urls) => {
      const outcome = async (url: string) =>
        fetch(url, { credentials: 'omit' }).then(
          (response) => `answered ${response.status}`,
          (error: Error) => `refused: ${error.name}`,
        );
      return Promise.all(urls.map(outcome));
    }, ['https://app.hubspot.com/', 'https://acme.lightning.force.com/', 'https://api.hubapi.com/crm/v3/objects/contacts?limit=1']);
    expect(tried[0]).toMatch(/^refused/);
    expect(tried[1]).toMatch(/^refused/);
    expect(tried[2]).toMatch(/^answered/);
  });

  it('logged no token in any extension context, and sent each only to its own vendor, in its auth header', () => {
    // The capture works in each context. (Chrome's own "Failed to load resource" lines of the worker
    // do not reach it; they say only the URL, and the replicas' log below has every URL.)
    for (const where of ['worker', 'panel', 'options', 'content script']) expect(consoleLines.join('\n')).toContain(`capture check: ${where}`);
    expect(leaksIn(consoleLines.join('\n'))).toEqual([]);

    const traffic = env.replica.traffic as Array<{ host: string; method: string; url: string; headers: Record<string, unknown>; credential?: string; body?: string }>;
    expect(traffic.length).toBeGreaterThan(50);
    const misplaced = traffic.filter((request) => leaksIn(JSON.stringify([request.url, request.headers, request.body ?? ''])).length > 0);
    expect(misplaced.map((r) => `${r.method} ${r.host}${r.url}`)).toEqual([]);
    // Each credential header went to its own vendor's API host, never to another host.
    const wrongHost = traffic.filter((request) => {
      const leaked = leaksIn(request.credential ?? '');
      return leaked.some((entry) => !entry.startsWith(`${Object.entries(API_HOST).find(([, host]) => host === request.host)?.[0]}:`));
    });
    expect(wrongHost.map((r) => `${r.method} ${r.host}${r.url}`)).toEqual([]);
    for (const vendor of Object.keys(API_HOST) as Vendor[]) {
      expect(traffic.some((r) => r.host === API_HOST[vendor] && leaksIn(r.credential ?? '').length > 0), vendor).toBe(true);
    }
  });
});
