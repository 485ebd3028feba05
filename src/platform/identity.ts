import { browser } from './browser';

/** Where Google sends the sign-in back: the redirect URI the user registers on their OAuth client (Options shows it). */
export const googleRedirectUri = () => browser.identity.getRedirectURL('google');

/**
 * The browser's own sign-in window (identity.launchWebAuthFlow): it opens the provider's page,
 * and hands back the address the provider redirected to once it reaches the redirect URI, which
 * the browser keeps for this extension (https://<id>.chromiumapp.org/… in Chrome,
 * https://<id>.extensions.allizom.org/… in Firefox) and never loads.
 */
export async function openSignInWindow(url: string): Promise<string> {
  return browser.identity.launchWebAuthFlow({ url, interactive: true });
}
