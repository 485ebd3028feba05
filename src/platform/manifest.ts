import { browser } from './browser';

/** The installed version, as the store and the browser's extensions page show it (package.json's, set at build time). */
export function extensionVersion(): string {
  return browser.runtime.getManifest().version;
}
