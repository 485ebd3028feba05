import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closedShadowContent, PORTAL, startEnvironment, tabIdOf, type Environment } from './environment';

let env: Environment;
const dashboardUrl = `https://app.hubspot.com/reports-dashboard/${PORTAL}/view/1`;

beforeAll(async () => {
  env = await startEnvironment();
});
afterAll(async () => {
  await env?.close();
});

/** What the context-menu item and Alt+Shift+P do: inject the picker into the tab. */
async function startPicker(page: Page): Promise<void> {
  const tabId = (await tabIdOf(env, page))!;
  await (await env.worker()).evaluate((id) => chrome.scripting.executeScript({ target: { tabId: id }, files: ['picker.js'] }), tabId);
  await page.locator('#customer-view-number-picker').waitFor({ state: 'attached' });
}

describe('pinned numbers', () => {
  it('pins a number on a dashboard, re-reads it on the next visit, and refuses to guess when the page changes', async () => {
    const page = await env.context.newPage();
    await page.goto(dashboardUrl);
    await startPicker(page);
    const value = page.locator('[data-test-id="open-deal-value"] .value');
    const box = (await value.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    // The picker's UI is in a closed shadow root: typed into as a user does, read through DevTools.
    const picker = () => closedShadowContent(env, page, 'customer-view-number-picker');
    await expect.poll(async () => (await picker())?.inputValue).toBe('Open deal value');
    await page.keyboard.type('Open pipeline'); // the suggested name is selected: typing replaces it
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await picker())?.text).toContain('Pinned.');

    const panel = await env.openPanel();
    await panel.getByTestId('view-metrics').click();
    const metric = panel.locator('[data-testid="metric"]', { hasText: 'Open pipeline' });
    await expect(metric.getByTestId('metric-value').textContent({ timeout: 10_000 })).resolves.toBe('$12,345.67');

    // The number changes in HubSpot; the user comes back to the dashboard.
    env.replica.hubspot.state.dashboard.openDealValue = '$13,000.00';
    await page.reload();
    await metric.getByTestId('metric-value').filter({ hasText: '$13,000' }).waitFor({ timeout: 15_000 });
    await expect(metric.getByTestId('delta-previous').textContent()).resolves.toBe('since last +$654.33 (+5.3%)');
    await expect(metric.textContent()).resolves.toContain('2 points');

    // The dashboard is redesigned: the pinned tile is gone. Say so; record nothing.
    env.replica.hubspot.state.dashboard.layout = 'v2';
    await page.reload();
    await metric.getByTestId('pin-missing').waitFor({ timeout: 15_000 });
    await expect(metric.textContent()).resolves.toContain('2 points');
    await Promise.all([page.close(), panel.close()]);
  });

  it('re-reads pins only on the origin where the user pinned one', async () => {
    const worker = await env.worker();
    const registered = await worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.matches));
    expect(registered).toEqual([['https://app.hubspot.com/*']]);
  });
});
