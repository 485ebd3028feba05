// `npm start`: build, start the vendor replica, open Chromium with the extension connected to every
// vendor of the replica, and show a demo contact. Headless machines get screenshots instead of a window.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { connectThroughOptions, launchWithExtension, openPanel } from './lib/browser.mjs';
import { writeStoreScreenshots } from './lib/store-screenshots.mjs';
import { startReplica } from '../tests/replica/server.mjs';

const root = resolve(import.meta.dirname, '..');
const outDir = resolve(root, 'demo-output');
const hasDisplay = !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const keep = hasDisplay || process.argv.includes('--keep');
const log = (message) => console.log(`• ${message}`);

log('Building the extension (dist/chrome, dist/firefox)...');
execFileSync(process.execPath, [resolve(root, 'scripts/build.mjs')], { stdio: 'inherit' });

const replica = await startReplica();
const { portalId, contacts } = replica.hubspot.data;
log(`Vendor replica listening on https://127.0.0.1:${replica.port} as ${replica.hosts.join(', ')}`);

const { context, extensionId } = await launchWithExtension({ resolverRules: replica.resolverRules, headless: !hasDisplay });
log(`Chromium started ${hasDisplay ? 'with a window' : 'headless (no display found)'}; extension id ${extensionId}`);

/** Every vendor of the replica, with the extra fields its Options card asks for. */
const logins = {
  hubspot: {},
  salesforce: { site: replica.salesforceLogin.site },
  stripe: {},
  zendesk: replica.zendeskLogin,
  intercom: {},
  mailchimp: {},
  klaviyo: {},
  pipedrive: replica.pipedriveLogin,
  shopify: replica.shopifyLogin,
  ga4: replica.ga4Login,
  marketo: replica.marketoLogin,
  brevo: {},
  activecampaign: replica.activecampaignLogin,
  'google-ads': replica.googleAdsLogin,
  meta: replica.metaLogin,
  mixpanel: replica.mixpanelLogin,
};
for (const [connector, login] of Object.entries(logins)) {
  await connectThroughOptions(context, extensionId, connector, replica.demoTokens[connector], login).then((page) => page.close());
}
const options = await context.newPage();
await options.goto(`chrome-extension://${extensionId}/options.html`);
for (const connector of Object.keys(logins)) {
  const account = await options.getByTestId(`connector-${connector}`).getByTestId('connected-account').textContent({ timeout: 15_000 });
  log(`Connected ${connector} in Options with its demo token: ${account?.trim()}`);
}

const contact = contacts[0];
const contactUrl = `https://app.hubspot.com/contacts/${portalId}/record/0-1/${contact.id}`;
const page = await context.newPage();
await page.goto(contactUrl);
log(`Opened the demo contact ${contact.properties.firstname} ${contact.properties.lastname}: ${contactUrl}`);

const panel = await openPanel(context, extensionId, page);
await panel.setViewportSize({ width: 400, height: 760 });
await panel.getByTestId('profile-name').waitFor({ timeout: 20_000 });
await panel.getByTestId('tool-stripe').getByText('Ann B. Lee').waitFor({ timeout: 20_000 }).catch(() => undefined);
await panel.getByTestId('tool-zendesk').getByText('Annie Lee').waitFor({ timeout: 20_000 }).catch(() => undefined);
await panel.getByTestId('tool-pipedrive').getByText('Ann Lee').waitFor({ timeout: 20_000 }).catch(() => undefined);
await panel.getByTestId('tool-shopify').getByText('Anne Lee').waitFor({ timeout: 20_000 }).catch(() => undefined);
// The timeline holds its place until every tool's answer is on screen.
await panel.getByTestId('timeline').waitFor({ timeout: 20_000 }).catch(() => undefined);
log('The side panel shows the unified profile: HubSpot, with what the other connected tools know about the same person.');

if (!hasDisplay) {
  mkdirSync(outDir, { recursive: true });
  await page.screenshot({ path: resolve(outDir, '1-hubspot-contact-page.png') });
  await panel.screenshot({ path: resolve(outDir, '2-side-panel-profile.png'), fullPage: true });
  await options.screenshot({ path: resolve(outDir, '3-options.png'), fullPage: true });
  const search = await openPanel(context, extensionId);
  await search.setViewportSize({ width: 400, height: 760 });
  await search.getByTestId('search-input').fill('ann');
  await search.getByTestId('search-results').waitFor();
  await search.screenshot({ path: resolve(outDir, '4-side-panel-search.png') });
  log(`Screenshots written to ${outDir}`);
}

// `--store-screenshots`: the store listings' 1280x800 screenshots, into store/screenshots/.
if (process.argv.includes('--store-screenshots')) {
  const storeDir = resolve(root, 'store/screenshots');
  await writeStoreScreenshots({ context, extensionId, page, outDir: storeDir });
  log(`Store screenshots (1280x800) written to ${storeDir}`);
}

if (keep) {
  log(`Running. In the browser, open any contact of https://app.hubspot.com/contacts/${portalId} and click the toolbar icon for the side panel.`);
  log('Press Ctrl-C to stop the browser and the replica.');
  const stop = async () => {
    await context.close().catch(() => undefined);
    await replica.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  context.on('close', stop);
} else {
  await context.close();
  await replica.close();
  log('Done; the browser and the replica have stopped. Run `npm start -- --keep` to leave them running (Ctrl-C stops).');
}
