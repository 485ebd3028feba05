import type { BrowserContext, Page, Worker } from 'playwright-core';
import { expect } from 'vitest';
// Plain-JS helpers shared with the demo and the benchmark.
import { connectThroughOptions, launchWithExtension, openPanel, serviceWorker, stopServiceWorker as stopWorker, tabIdOf as tabIdOfPage } from '../../scripts/lib/browser.mjs';
import { startReplica } from '../replica/server.mjs';

export const DEMO_TOKEN = 'pat-na1-00000000-demo-4815-1623-000000000042';
export const PORTAL = '4815162';

export interface Environment {
  replica: Awaited<ReturnType<typeof startReplica>>;
  context: BrowserContext;
  extensionId: string;
  worker: () => Promise<Worker>;
  openPanel: (target?: Page, options?: { viewport?: { width: number; height: number } }) => Promise<Page>;
  connect: (token?: string, connector?: string, login?: { site?: string; email?: string }) => Promise<Page>;
  /** Closes the browser and starts it again on the same profile (same IndexedDB, same storage). */
  restart: () => Promise<void>;
  /** API requests the replica has answered so far. */
  apiRequests: () => Array<{ host: string; method: string; path: string }>;
  close: () => Promise<void>;
}

/**
 * `otherExtensionDirs`: unpacked extensions installed beside ours (a hostile one, in tests).
 * `extensionDir`: ours, when not dist/chrome (the unpacked store package).
 */
export async function startEnvironment({ otherExtensionDirs = [], extensionDir }: { otherExtensionDirs?: string[]; extensionDir?: string } = {}): Promise<Environment> {
  const replica = await startReplica();
  const launched = await launchWithExtension({ resolverRules: replica.resolverRules, otherExtensionDirs, extensionDir });
  const env: Environment = {
    replica,
    context: launched.context,
    extensionId: launched.extensionId,
    worker: () => serviceWorker(env.context),
    openPanel: (target, options) => openPanel(env.context, env.extensionId, target, options),
    connect: (token = DEMO_TOKEN, connector = 'hubspot', login = {}) => connectThroughOptions(env.context, env.extensionId, connector, token, login),
    restart: async () => {
      await env.context.close();
      const again = await launchWithExtension({ resolverRules: replica.resolverRules, userDataDir: launched.userDataDir, otherExtensionDirs, extensionDir });
      env.context = again.context;
      env.extensionId = again.extensionId;
    },
    apiRequests: () => replica.hubspot.state.requests.filter((r: { host: string }) => r.host === 'api.hubapi.com'),
    close: async () => {
      await env.context.close();
      await replica.close();
    },
  };
  return env;
}

/** Stops the extension's service worker as Chrome does when it idles out. */
export async function stopServiceWorker(env: Environment, extensionPage: Page): Promise<void> {
  await stopWorker(env.context, extensionPage);
}

/**
 * What a closed shadow root shows (its text and its input's value), read through the DevTools
 * protocol, since neither the page nor Playwright's locators can see inside one. Null: no element
 * with that id has a shadow root.
 */
export async function closedShadowContent(env: Environment, page: Page, hostId: string): Promise<{ text: string; inputValue: string | null } | null> {
  type DomNode = { nodeId: number; attributes?: string[]; children?: DomNode[]; shadowRoots?: DomNode[] };
  const cdp = await env.context.newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const find = (node: DomNode): DomNode | undefined => {
      const attributes = node.attributes ?? [];
      if (node.shadowRoots?.length && attributes.some((value, i) => i % 2 === 0 && value === 'id' && attributes[i + 1] === hostId)) return node;
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
        const found = find(child);
        if (found) return found;
      }
      return undefined;
    };
    const shadow = find(root)?.shadowRoots?.[0];
    if (!shadow) return null;
    const { object } = await cdp.send('DOM.resolveNode', { nodeId: shadow.nodeId });
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: 'function () { return { text: [...this.children].filter((e) => e.localName !== "style").map((e) => e.textContent).join(" "), inputValue: this.querySelector("input")?.value ?? null }; }',
      returnByValue: true,
    });
    return result.value as { text: string; inputValue: string | null };
  } finally {
    await cdp.detach();
  }
}

export function tabIdOf(env: Environment, page: Page): Promise<number | null> {
  return tabIdOfPage(env.context, env.extensionId, page);
}

/** As if the user had clicked "Read this page's record" on these consoles (`connector:host`). */
export async function confirmPageHosts(env: Environment, entries: string[]): Promise<void> {
  await (await env.worker()).evaluate((pageModeHosts) => chrome.storage.local.set({ pageModeHosts }), entries);
}

export const contactUrl = (id: string, host = 'app.hubspot.com') => `https://${host}/contacts/${PORTAL}/record/0-1/${id}`;

/** Caches a HubSpot contact the way a user does: by opening its page with the panel open until its name shows. */
export async function cacheContact(env: Environment, id: string): Promise<void> {
  const page = await env.context.newPage();
  await page.goto(contactUrl(id));
  const panel = await env.openPanel(page);
  await panel.getByTestId('profile-name').waitFor({ timeout: 15_000 });
  await Promise.all([page.close(), panel.close()]);
}

/** A browser with HubSpot connected and Ann (contact 101) cached by visiting her page. */
export async function startWithAnnCached(): Promise<Environment> {
  const env = await startEnvironment();
  await (await env.connect()).close();
  await cacheContact(env, '101');
  return env;
}

/** A side panel's size: narrow and tall. */
export const SIDE_PANEL = { width: 400, height: 900 };

/**
 * How much the page moved under the user since it opened: the sum of Chromium's layout-shift
 * scores (the CLS of web-vitals without its session windows, so stricter), shifts right after
 * the user's own input excluded as the browser does. Below 0.1 is what web-vitals calls good.
 */
export function layoutShiftScore(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list, observer) => {
          observer.disconnect();
          resolve(list.getEntries().reduce((sum, entry) => sum + ((entry as unknown as { hadRecentInput: boolean }).hadRecentInput ? 0 : (entry as unknown as { value: number }).value), 0));
        }).observe({ type: 'layout-shift', buffered: true });
        // No entry at all is delivered as no callback: nothing moved.
        setTimeout(() => resolve(0), 1000);
      }),
  );
}

/**
 * Runs code in our content script's own isolated world on a page, through DevTools: it can read
 * and send exactly what our content script can (no test hook in the product).
 */
export async function inContentScriptWorld<T>(env: Environment, page: Page, expression: string): Promise<T> {
  const cdp = await env.context.newCDPSession(page);
  const worlds: Array<{ id: number; origin: string; auxData?: { type?: string } }> = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => worlds.push(context));
  await cdp.send('Runtime.enable');
  const ours = () => worlds.find((w) => w.auxData?.type === 'isolated' && w.origin.includes(env.extensionId));
  await expect.poll(() => !!ours(), { timeout: 10_000 }).toBe(true);
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, contextId: ours()!.id, awaitPromise: true, returnByValue: true });
  await cdp.detach();
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return result.value as T;
}

/** The tokens' own database (src/store/secrets.ts) as the worker sees it, name → value; {} when there is none yet. */
export async function storedSecrets(env: Environment): Promise<Record<string, unknown>> {
  return (await env.worker()).evaluate(
    () =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const open = indexedDB.open('customer-view-secrets');
        // Not created yet: leave it to the extension to create.
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => resolve({});
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('secrets', 'readonly').objectStore('secrets').getAll();
          request.onsuccess = () => {
            db.close();
            resolve(Object.fromEntries((request.result as Array<{ name: string; value: unknown }>).map((row) => [row.name, row.value])));
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}
