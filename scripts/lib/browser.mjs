// Launches system Chromium with the built extension loaded, for the demo, e2e tests and benchmarks.
// See DESIGN.md section 7: full Chromium with --headless=new (the headless shell cannot load extensions).
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const DIST_CHROME = resolve(import.meta.dirname, '../../dist/chrome');

/** CHROME_PATH, then chromium, then chromium-browser on PATH. */
export function findChromium() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      const path = execFileSync('which', [name], { encoding: 'utf8' }).trim();
      if (path) return path;
    } catch {
      // not on PATH; try the next name
    }
  }
  throw new Error(
    'No Chromium found. Install it with `sudo apt-get install -y chromium` (Debian/Ubuntu) or set CHROME_PATH. ' +
      'Branded Google Chrome 137+ ignores --load-extension, so Chromium is required.',
  );
}

function chromiumArgs(resolverRules, headless) {
  return [
    ...(headless ? ['--headless=new'] : []),
    `--host-resolver-rules=${resolverRules}`,
    '--ignore-certificate-errors',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-sync',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-quic',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ];
}

function launchOptions(resolverRules, headless, extraArgs) {
  return { executablePath: findChromium(), headless, viewport: { width: 1280, height: 800 }, args: [...chromiumArgs(resolverRules, headless), ...extraArgs] };
}

/**
 * @param {{ resolverRules: string, headless?: boolean, extensionDir?: string, userDataDir?: string, otherExtensionDirs?: string[] }} options
 * `otherExtensionDirs`: more unpacked extensions installed beside ours (tests: a hostile one).
 */
export async function launchWithExtension({ resolverRules, headless = true, extensionDir = DIST_CHROME, userDataDir, otherExtensionDirs = [] }) {
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`${extensionDir} has no manifest.json: run \`npm run build\` first.`);
  const dataDir = userDataDir ?? mkdtempSync(join(tmpdir(), 'customer-view-'));
  const extensions = [extensionDir, ...otherExtensionDirs].join(',');
  const context = await chromium.launchPersistentContext(
    dataDir,
    launchOptions(resolverRules, headless, [`--disable-extensions-except=${extensions}`, `--load-extension=${extensions}`]),
  );
  const worker = await serviceWorker(context);
  const extensionId = new URL(worker.url()).host;
  // Chromium treats an extension loaded from the command line as newly installed at each launch,
  // so it opens its first-run Options tab every time. Wait for it and close it, so it cannot take
  // over a page a script is navigating at the same moment.
  {
    const isOptions = (page) => page.url().startsWith(`chrome-extension://${extensionId}/options.html`);
    for (let waited = 0; waited < (userDataDir ? 3_000 : 5_000); waited += 100) {
      const firstRun = context.pages().find(isOptions);
      if (firstRun) {
        await firstRun.close();
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return { context, extensionId, userDataDir: dataDir, worker };
}

/** The extension's service worker; after a restart it is a new object, so always look it up again. */
export async function serviceWorker(context) {
  // Ours by its script: another extension may be loaded beside it.
  const isOurs = (w) => w.url().startsWith('chrome-extension://') && w.url().endsWith('/background.js');
  const existing = context.serviceWorkers().find(isOurs);
  if (existing) return existing;
  return context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 30_000 });
}

/** Opens the side panel page in a tab that follows `tabId` (tests cannot click the toolbar). */
export async function openPanel(context, extensionId, targetPage, { viewport } = {}) {
  const tabId = await tabIdOf(context, extensionId, targetPage);
  const panel = await context.newPage();
  // The size of a side panel, set before the first paint so the resize is not part of what is measured.
  if (viewport) await panel.setViewportSize(viewport);
  await panel.goto(`chrome-extension://${extensionId}/panel.html${tabId === null ? '' : `?tabId=${tabId}`}`);
  return panel;
}

/** Finds the browser tab id of a Playwright page by asking the extension for the tab with that URL. */
export async function tabIdOf(context, extensionId, page) {
  if (!page) return null;
  const worker = await serviceWorker(context);
  const url = page.url();
  return worker.evaluate(async (href) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((tab) => tab.url === href)?.id ?? null;
  }, url);
}

/** Connects a vendor through the real Options page, as a user would. */
/** Options lists tools not yet connected as one line each: open the card before typing into it. */
export async function expandCard(card) {
  const toggle = card.getByTestId('connector-toggle');
  if ((await toggle.getAttribute('aria-expanded', { timeout: 15_000 })) !== 'true') await toggle.click();
}

export async function connectThroughOptions(context, extensionId, connector, token, { site, email } = {}) {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const card = options.getByTestId(`connector-${connector}`);
  await expandCard(card);
  if (site) await card.getByTestId('site-input').fill(site);
  if (email) await card.getByTestId('email-input').fill(email);
  await card.getByTestId('token-input').fill(token);
  await card.getByTestId('connect').click();
  await card.getByTestId('connected-account').or(card.getByTestId('connect-error')).waitFor({ timeout: 15_000 });
  return options;
}

/**
 * Stops the extension's service worker as Chrome does when it idles out, through the DevTools
 * protocol of one of our own pages (same origin as the worker). Resolves once it has stopped.
 */
export async function stopServiceWorker(context, extensionPage) {
  const cdp = await context.newCDPSession(extensionPage);
  const status = new Map();
  // Stopped once is enough: a page's message may start the worker again within the 10 ms between
  // two looks at its status (a test waited 10 s for a stop it had missed).
  const seenStopped = new Set();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) {
      status.set(v.versionId, v.runningStatus);
      if (v.runningStatus === 'stopped') seenStopped.add(v.versionId);
    }
  });
  await cdp.send('ServiceWorker.enable');
  const until = async (done, what, timeoutMs) => {
    for (const start = Date.now(); !done(); ) {
      if (Date.now() - start > timeoutMs) throw new Error(`The service worker ${what} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  try {
    await until(() => [...status.values()].includes('running'), 'was not seen running', 5_000);
    const running = [...status].filter(([, s]) => s === 'running').map(([id]) => id);
    seenStopped.clear();
    for (const versionId of running) await cdp.send('ServiceWorker.stopWorker', { versionId });
    await until(() => running.every((id) => seenStopped.has(id)), 'did not stop', 10_000);
  } finally {
    await cdp.detach();
  }
}
