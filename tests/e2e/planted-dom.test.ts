import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closedShadowContent, confirmPageHosts, contactUrl, PORTAL, startEnvironment, tabIdOf, type Environment } from './environment';
import { SALESFORCE_ANN } from '../replica/salesforce.mjs';

/**
 * A script running in the page itself - the vendor's own page with injected script - plants DOM
 * for our readers and watches the DOM for anything they leave: the picker, the pin reader, the
 * scan for known customers and the page-mode reader. It must learn nothing (no pin, no name, no
 * cached customer) and make us call no vendor.
 */
let env: Environment;
const PICKER = 'customer-view-number-picker';
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

interface Spy {
  /** Every DOM change after the page planted its own: added/removed nodes, attributes, text. */
  mutations: string[];
  /** Whatever the page could read inside shadow roots added to its DOM. */
  shadowReads: string[];
}

/** Installs the page's spy (main world, before any page script) and plants `html` at load. */
async function spyingPage(url: string, html = ''): Promise<Page> {
  const page = await env.context.newPage();
  await page.addInitScript((planted) => {
    const spy: Spy = { mutations: [], shadowReads: [] };
    (window as unknown as { spy: Spy }).spy = spy;
    const hosts = new Set<Element>();
    const describe = (node: Node) => (node instanceof Element ? node.outerHTML : node.textContent);
    document.addEventListener('DOMContentLoaded', () => {
      document.body.insertAdjacentHTML('beforeend', planted);
      new MutationObserver((records) => {
        for (const record of records) {
          const target = record.target as Element;
          if (record.type === 'attributes') spy.mutations.push(`attribute ${record.attributeName}="${target.getAttribute(record.attributeName!)}" on <${target.localName}>`);
          if (record.type === 'characterData') spy.mutations.push(`text ${record.target.textContent}`);
          for (const node of record.addedNodes) {
            spy.mutations.push(`added ${describe(node)}`);
            if (node instanceof Element) hosts.add(node);
          }
          for (const node of record.removedNodes) spy.mutations.push(`removed ${describe(node)}`);
        }
      }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      setInterval(() => {
        for (const host of hosts) {
          const root = host.shadowRoot;
          if (root) spy.shadowReads.push(`${root.textContent} ${[...root.querySelectorAll('input')].map((input) => input.value).join(' ')}`);
        }
      }, 50);
    });
  }, html);
  await page.goto(url);
  return page;
}

const spyOf = (page: Page) => page.evaluate(() => (window as unknown as { spy: Spy }).spy);
/** Requests to any vendor API (the console pages a test opens are not counted). */
const apiTraffic = () => (env.replica.traffic as Array<{ host: string; url: string }>).filter((r) => !['app.hubspot.com', 'acme.lightning.force.com'].includes(r.host));

beforeAll(async () => {
  env = await startEnvironment();
  await (await env.connect()).close();
  // The user confirmed these consoles for page mode (tests/e2e/page-trust.test.ts clicks it).
  await confirmPageHosts(env, ['salesforce:acme.lightning.force.com', 'zendesk:acme.zendesk.com']);
  // A second tool, so that anything looking a found customer up elsewhere would show as traffic.
  await (await env.connect(env.replica.demoTokens.stripe, 'stripe')).close();
  // Ann is a known customer: cached by visiting her, as a user would.
  const page = await env.context.newPage();
  await page.goto(contactUrl('101'));
  const panel = await env.openPanel(page);
  await panel.getByTestId('profile-name').waitFor({ timeout: 15_000 });
  await Promise.all([page.close(), panel.close()]);
});
afterAll(async () => {
  await env?.close();
});

describe('DOM planted for the readers', () => {
  it('picker and pin reader: the page sees neither the number pinned, nor its name, nor the answer', async () => {
    // The page plants an element with the picker's id, hoping to keep it from starting.
    const page = await spyingPage(`https://app.hubspot.com/reports-dashboard/${PORTAL}/view/1`, `<div id="${PICKER}" hidden></div>`);
    const tabId = (await tabIdOf(env, page))!;
    await (await env.worker()).evaluate((id) => chrome.scripting.executeScript({ target: { tabId: id }, files: ['picker.js'] }), tabId);
    await expect.poll(() => closedShadowContent(env, page, PICKER)).not.toBeNull();
    const value = page.locator('[data-test-id="open-deal-value"] .value');
    const box = (await value.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(async () => (await closedShadowContent(env, page, PICKER))?.inputValue).toBe('Open deal value');
    await page.keyboard.type('Board pipeline secret');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await closedShadowContent(env, page, PICKER))?.text).toContain('Pinned.');
    await expect.poll(() => closedShadowContent(env, page, PICKER), { timeout: 10_000 }).toBeNull();

    const spy = await spyOf(page);
    expect(spy.shadowReads).toEqual([]);
    // All the page saw: an empty host element come and go; nothing marked on the number it showed.
    expect(new Set(spy.mutations)).toEqual(new Set([`added <div id="${PICKER}"></div>`, `removed <div id="${PICKER}"></div>`]));

    // Next visit: the pin reader reads the number again (the panel shows the new value), and the
    // page sees no change at all.
    const panel = await env.openPanel();
    await panel.getByTestId('view-metrics').click();
    const metric = panel.locator('[data-testid="metric"]', { hasText: 'Board pipeline secret' });
    await metric.getByTestId('metric-value').waitFor({ timeout: 10_000 });
    env.replica.hubspot.state.dashboard.openDealValue = '$13,000.00';
    await page.reload();
    await metric.getByTestId('metric-value').filter({ hasText: '$13,000' }).waitFor({ timeout: 15_000 });
    await expect(spyOf(page)).resolves.toEqual({ mutations: [], shadowReads: [] });
    await Promise.all([page.close(), panel.close()]);
  });

  it('picker: the page’s key and input listeners do not see the name as it is typed', async () => {
    const page = await env.context.newPage();
    await page.addInitScript(() => {
      const heard: string[] = [];
      (window as unknown as { heard: string[] }).heard = heard;
      for (const target of [window, document]) {
        for (const type of ['keydown', 'keypress', 'keyup', 'beforeinput', 'input', 'compositionend']) {
          target.addEventListener(type, (event) => heard.push(`${type} ${(event as KeyboardEvent).key ?? (event as InputEvent).data ?? ''}`));
        }
      }
    });
    await page.goto(`https://app.hubspot.com/reports-dashboard/${PORTAL}/view/1`);
    const tabId = (await tabIdOf(env, page))!;
    await (await env.worker()).evaluate((id) => chrome.scripting.executeScript({ target: { tabId: id }, files: ['picker.js'] }), tabId);
    await expect.poll(() => closedShadowContent(env, page, PICKER)).not.toBeNull();
    const box = (await page.locator('[data-test-id="open-deal-value"] .value').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(async () => (await closedShadowContent(env, page, PICKER))?.inputValue).toBe('Open deal value');
    await page.keyboard.type('Secret board');
    await expect.poll(async () => (await closedShadowContent(env, page, PICKER))?.inputValue).toBe('Secret board');
    await page.keyboard.press('Escape');
    await expect.poll(() => closedShadowContent(env, page, PICKER), { timeout: 10_000 }).toBeNull();
    const heard = await page.evaluate(() => (window as unknown as { heard: string[] }).heard);
    // Escape closes the picker and removes the input, so the page may hear that one key; no letter of the name.
    expect(heard.filter((entry) => !/ Escape$/.test(entry))).toEqual([]);
    await page.close();
  });

  it('scan for known customers: the page cannot tell which of its emails are known, and nothing is fetched', async () => {
    const known = 'ann.lee@acme-robotics.com';
    const unknown = 'nobody.at.all@unknown-company.test';
    const page = await spyingPage(
      `https://app.hubspot.com/contacts/${PORTAL}`,
      `<p>Planted: <a href="mailto:${known}">${known}</a> <a href="mailto:${unknown}">${unknown}</a> <a href="https://acme-robotics.com/">site</a></p>`,
    );
    const before = apiTraffic().length;
    const panel = await env.openPanel(page);
    await panel.getByTestId('scan-page').click();
    // One row for Ann, named as most of her tools name her (HubSpot and Stripe tie here: the fuller "Ann B. Lee").
    await panel.getByTestId('scan-results').getByRole('button', { name: /Ann (B\. )?Lee/ }).waitFor({ timeout: 15_000 });
    await sleep(1000);
    await expect(spyOf(page)).resolves.toEqual({ mutations: [], shadowReads: [] });
    expect(apiTraffic().slice(before)).toEqual([]);
    await Promise.all([page.close(), panel.close()]);
  });

  it('page mode: reading a planted Salesforce page writes nothing into it and calls no vendor', async () => {
    // Salesforce has no credential, so its record is read off the page; HubSpot, connected, knows Ann.
    const before = apiTraffic().length;
    const page = await spyingPage(SALESFORCE_ANN.consoleUrl, '<a href="mailto:ann.lee@acme-robotics.com">planted</a><a href="tel:+14155550100">planted</a>');
    const key = `salesforce:acme.lightning.force.com:person:${SALESFORCE_ANN.id}`;
    const options = await env.context.newPage();
    await options.goto(`chrome-extension://${env.extensionId}/options.html`);
    await expect
      .poll(
        () =>
          options.evaluate(
            (recordKey) =>
              new Promise<boolean>((resolve) => {
                const open = indexedDB.open('unified-customer-view');
                open.onsuccess = () => {
                  const get = open.result.transaction('records').objectStore('records').get(recordKey);
                  get.onsuccess = () => resolve(get.result !== undefined);
                };
              }),
            key,
          ),
        { timeout: 15_000 },
      )
      .toBe(true);
    await sleep(1500);
    await expect(spyOf(page)).resolves.toEqual({ mutations: [], shadowReads: [] });
    expect(apiTraffic().slice(before)).toEqual([]);
    await Promise.all([page.close(), options.close()]);
  });
});
