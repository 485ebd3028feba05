import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startEnvironment, type Environment } from './environment';
import { expandCard } from '../../scripts/lib/browser.mjs';
import { GOOGLE_ADS_DEVELOPER_TOKEN } from '../replica/google-ads.mjs';

let env: Environment;
beforeAll(async () => {
  env = await startEnvironment();
}, 60_000);
afterAll(async () => {
  await env?.close();
});

async function signIn(options: Page, connector: string, site: string, prefix?: string) {
  const card = options.getByTestId(`connector-${connector}`);
  await expandCard(card);
  await card.getByTestId('site-input').fill(site);
  if (prefix) await card.getByTestId('google-prefix').fill(prefix);
  await card.getByTestId('google-client-id').fill(env.replica.googleClient.clientId);
  await card.getByTestId('google-client-secret').fill(env.replica.googleClient.clientSecret);
  await card.getByTestId('google-sign-in-button').click();
  await card.getByTestId('connected-account').or(card.getByTestId('google-sign-in-error')).waitFor({ timeout: 15_000 });
  return card;
}

const GA4_SESSIONS = 'ga4:312345678:sessions-7d';

describe('Sign in with Google', () => {
  it('signs Google Analytics in through the browser’s sign-in window, renews an expired token without the user, and says plainly when Google refuses', async () => {
    const options = await env.context.newPage();
    await options.goto(`chrome-extension://${env.extensionId}/options.html`);
    const ga4 = options.getByTestId('connector-ga4');
    await expandCard(ga4);
    // The redirect URI the user registers on their OAuth client is this extension's own.
    await expect(ga4.getByTestId('google-redirect-uri').textContent()).resolves.toBe(`https://${env.extensionId}.chromiumapp.org/google`);

    // Cancelling on Google's page is said in plain words, and nothing is connected.
    env.replica.googleOAuth.data.denyNext = true;
    await signIn(options, 'ga4', env.replica.ga4Login.site);
    await expect(ga4.getByTestId('google-sign-in-error').textContent()).resolves.toContain('The Google sign-in was cancelled');
    await expect(ga4.getByTestId('connected-account').count()).resolves.toBe(0);

    await signIn(options, 'ga4', env.replica.ga4Login.site);
    await expect(ga4.getByTestId('connected-account').textContent()).resolves.toContain('GA4 property 312345678');
    await expect(ga4.getByTestId('signed-in-google').count()).resolves.toBe(1);
    expect(env.replica.googleOAuth.data.grants).toEqual(['authorization_code']);

    const panel = await env.openPanel();
    await panel.getByTestId('view-metrics').click();
    await panel.getByTestId('capture-all').click();
    const sessions = panel.locator(`[data-testid="metric"][data-metric-id="${GA4_SESSIONS}"]`);
    await sessions.getByTestId('metric-value').waitFor({ timeout: 20_000 });

    // An hour later Google no longer accepts the access token: the next capture renews it by itself.
    env.replica.googleOAuth.data.expireAccessTokens();
    await panel.getByTestId('capture-all').click();
    await expect.poll(() => sessions.textContent(), { timeout: 20_000 }).toContain('2 points');
    expect(env.replica.googleOAuth.data.grants).toEqual(['authorization_code', 'refresh_token']);
    await options.reload();
    await expandCard(options.getByTestId('connector-ga4'));
    await expect(options.getByTestId('health-ga4').getByTestId('health-errors').count()).resolves.toBe(0);

    // The user removed the extension's access in their Google account: renewal is refused, the
    // user is told to sign in again, and what was captured stays.
    env.replica.googleOAuth.data.revokeSignIns();
    await panel.getByTestId('capture-all').click();
    await options.reload();
    await expandCard(options.getByTestId('connector-ga4'));
    await expect
      .poll(async () => ((await options.getByTestId('health-ga4').getByTestId('health-errors').count()) ? options.getByTestId('health-ga4').getByTestId('health-errors').textContent() : ''), { timeout: 20_000, interval: 500 })
      .toContain('Google refused to renew access to Google Analytics');
    await expect(sessions.textContent()).resolves.toContain('2 points');
    await panel.close();
    await options.close();
  });

  it('signs Google Ads in with the developer token before the access token', async () => {
    const options = await env.context.newPage();
    await options.goto(`chrome-extension://${env.extensionId}/options.html`);
    const card = await signIn(options, 'google-ads', env.replica.googleAdsLogin.site, GOOGLE_ADS_DEVELOPER_TOKEN);
    await expect(card.getByTestId('connected-account').textContent()).resolves.toContain('Demo Store – Search (123-456-7890');
    await expect(card.getByTestId('signed-in-google').count()).resolves.toBe(1);
    // The developer token went to Google Ads only, never to Google's sign-in service.
    const toGoogleSignIn = env.replica.traffic.filter((r) => r.host === 'oauth2.googleapis.com' || r.host === 'accounts.google.com');
    expect(toGoogleSignIn.length).toBeGreaterThan(0);
    expect(JSON.stringify(toGoogleSignIn)).not.toContain(GOOGLE_ADS_DEVELOPER_TOKEN);
    await options.close();
  });
});
