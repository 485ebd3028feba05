import { browser } from './browser';

/**
 * One cookie of a vendor's own site, for vendors whose console session may call their API
 * (Salesforce `sid`). Read on every use, so a fresh sign-in is picked up without reconnecting.
 */
export async function readCookie(url: string, name: string): Promise<string | null> {
  try {
    const cookie = await browser.cookies.get({ url, name });
    return cookie?.value || null;
  } catch {
    // No permission for that host (Firefox lets users revoke it): same as signed out.
    return null;
  }
}
