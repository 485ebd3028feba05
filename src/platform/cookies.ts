import { browser } from './browser';

/**
 * One cookie of a vendor's own site, for vendors whose console session may call their API
 * (Salesforce `sid`). Read on every use, so a fresh sign-in is picked up without reconnecting.
 * `cookies` is an optional permission: asked for when the user picks a signed-in session, since
 * it reads (and could write) the HttpOnly session cookies of every console the extension may reach.
 */
const COOKIES = { permissions: ['cookies' as const] };

export async function readCookie(url: string, name: string): Promise<string | null> {
  try {
    if (!(await browser.permissions.contains(COOKIES))) return null;
    const cookie = await browser.cookies.get({ url, name });
    return cookie?.value || null;
  } catch {
    // No permission for that host (Firefox lets users revoke it): same as signed out.
    return null;
  }
}

/**
 * Asks for `cookies`, and for the vendor site the session is read on (`https://…` only). Must be
 * called synchronously in a click handler of an extension page: browsers require the gesture.
 */
export function requestCookieAccess(site: string): Promise<boolean> {
  let origins: string[] = [];
  try {
    const url = new URL(site);
    if (url.protocol === 'https:') origins = [`${url.origin}/*`];
  } catch {
    // Not a URL: the connection will say so; ask for the permission alone.
  }
  return browser.permissions.request({ ...COOKIES, origins });
}

/** Gives `cookies` back when no connection uses a signed-in session any more. */
export async function releaseCookieAccess(): Promise<void> {
  await browser.permissions.remove(COOKIES);
}
