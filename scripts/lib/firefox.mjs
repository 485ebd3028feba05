// Launches firefox-esr with dist/firefox installed as a temporary add-on, over WebDriver BiDi
// (puppeteer-core). See DESIGN.md section 7. Firefox 153+ refuses WebDriver navigation to
// moz-extension:// pages unless it runs with --remote-allow-system-access.
import puppeteer from 'puppeteer-core';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { GECKO_ID } from './build-extension.mjs';

export const DIST_FIREFOX = resolve(import.meta.dirname, '../../dist/firefox');
/** Fixed so tests can open moz-extension://<uuid>/panel.html (Firefox picks a random one otherwise). */
export const FIREFOX_EXTENSION_UUID = '0b7e5c55-3f2a-4c39-9d0a-6b3c1c1e0001';

/** FIREFOX_PATH, then firefox-esr, then firefox on PATH. */
export function findFirefox() {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  for (const name of ['firefox-esr', 'firefox']) {
    try {
      const path = execFileSync('which', [name], { encoding: 'utf8' }).trim();
      if (path) return path;
    } catch {
      // not on PATH; try the next name
    }
  }
  throw new Error('No Firefox found. Install it with `sudo apt-get install -y firefox-esr` (Debian/Ubuntu) or set FIREFOX_PATH.');
}

/**
 * Every vendor host resolves to 127.0.0.1 (Firefox maps names, not ports, so the replica must
 * listen on 443). Returns the browser and the extension's base URL.
 */
export async function launchFirefoxWithExtension({ extensionDir = DIST_FIREFOX } = {}) {
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`${extensionDir} has no manifest.json: run \`npm run build\` first.`);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    acceptInsecureCerts: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'network.dns.forceResolve': '127.0.0.1',
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
      // No first-run pages, updates or telemetry pings from the browser itself.
      'browser.shell.checkDefaultBrowser': false,
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
    },
  });
  await browser.installExtension(extensionDir);
  return { browser, baseUrl: `moz-extension://${FIREFOX_EXTENSION_UUID}` };
}
