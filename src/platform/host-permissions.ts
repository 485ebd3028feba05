import { browser } from './browser';

/** Optional host permissions by match pattern (`https://couch.example.com/*`: every port of that host). */
export function hasHostPermission(pattern: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [pattern] });
}

/** Must be called inside a click handler of an extension page: browsers require the gesture. */
export function requestHostPermission(pattern: string): Promise<boolean> {
  return browser.permissions.request({ origins: [pattern] });
}
