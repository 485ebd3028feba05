// Screenshots for the store listings, at the Chrome Web Store's 1280x800: the page the user is on
// with the side panel beside it (a real side panel cannot be captured headless, so the two are
// taken apart and set side by side in a page of exactly that size).
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { openPanel } from './browser.mjs';

const SIZE = { width: 1280, height: 800 };
const PANEL = { width: 400, height: SIZE.height };

/** One 1280x800 PNG of the page on the left and the panel on the right. */
async function besideEachOther(context, page, panel, path) {
  await page.setViewportSize({ width: SIZE.width - PANEL.width, height: SIZE.height });
  const shots = await Promise.all([page.screenshot(), panel.screenshot()]);
  const [left, right] = shots.map((png) => `data:image/png;base64,${png.toString('base64')}`);
  const canvas = await context.newPage();
  await canvas.setViewportSize(SIZE);
  await canvas.setContent(
    `<body style="margin:0;display:flex;background:#fff"><img src="${left}" style="display:block"><img src="${right}" style="display:block;border-left:1px solid #ccd"></body>`,
  );
  await canvas.evaluate(() => Promise.all([...document.images].map((image) => image.decode())));
  await canvas.screenshot({ path });
  await canvas.close();
}

/**
 * Writes 1-profile.png, 2-search.png and 3-options.png into `outDir`.
 * @param {{ context: import('playwright-core').BrowserContext, extensionId: string, page: import('playwright-core').Page, outDir: string }} options
 * `page`: an open contact page whose profile is already cached.
 */
export async function writeStoreScreenshots({ context, extensionId, page, outDir }) {
  mkdirSync(outDir, { recursive: true });
  const profile = await openPanel(context, extensionId, page, { viewport: PANEL });
  await profile.getByTestId('profile-name').waitFor({ timeout: 20_000 });
  await profile.getByTestId('timeline').waitFor({ timeout: 20_000 }).catch(() => undefined);
  await besideEachOther(context, page, profile, resolve(outDir, '1-profile.png'));
  await profile.close();

  const search = await openPanel(context, extensionId, undefined, { viewport: PANEL });
  await search.getByTestId('search-input').fill('ann');
  await search.getByTestId('search-results').waitFor();
  await besideEachOther(context, page, search, resolve(outDir, '2-search.png'));
  await search.close();

  const options = await context.newPage();
  await options.setViewportSize(SIZE);
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByTestId('connector-hubspot').getByTestId('connected-account').waitFor({ timeout: 15_000 });
  await options.screenshot({ path: resolve(outDir, '3-options.png') });
  await options.close();
}
