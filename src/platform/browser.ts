import browser from 'webextension-polyfill';

/** The one import of the polyfill; everything else goes through src/platform. */
export { browser };
export type { Runtime, Tabs } from 'webextension-polyfill';
