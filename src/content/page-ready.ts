/**
 * Content scripts start at document_start: injected any later, Chromium held the host page's
 * load event back by about 100 ms for an empty script (measured by `npm run bench`). So they
 * wait here for the page they read.
 */

/** The document is parsed: its DOM can be read. */
export function whenParsed(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}

/** The page and its resources have loaded. */
export function whenLoaded(): Promise<void> {
  if (document.readyState === 'complete') return Promise.resolve();
  return new Promise((resolve) => addEventListener('load', () => resolve(), { once: true }));
}
