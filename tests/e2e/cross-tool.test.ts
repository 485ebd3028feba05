import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { contactUrl, startEnvironment, type Environment } from './environment';
import { contactIdsOfCompany } from '../replica/seed.mjs';

let env: Environment;
const destinations = new Set<string>();
const STRIPE_KEY = 'sk_test_51DemoAcmeReplica0000000000000000000000000000000000000000';

beforeAll(async () => {
  env = await startEnvironment();
  env.context.on('request', (request) => destinations.add(new URL(request.url()).origin));
  await (await env.connect()).close();
  const options = await env.connect(STRIPE_KEY, 'stripe');
  await expect(options.getByTestId('connector-stripe').getByTestId('connected-account').textContent()).resolves.toContain('Acme Demo Shop (test mode)');
  await options.close();
  const zendesk = await env.connect(env.replica.demoTokens.zendesk, 'zendesk', env.replica.zendeskLogin);
  await expect(zendesk.getByTestId('connector-zendesk').getByTestId('connected-account').textContent()).resolves.toContain('acme.zendesk.com (Demo Agent)');
  await zendesk.close();
});
afterAll(async () => {
  await env?.close();
});

async function openContact(id: string): Promise<{ page: Page; panel: Page }> {
  const page = await env.context.newPage();
  await page.goto(contactUrl(id));
  const panel = await env.openPanel(page);
  await panel.getByTestId('profile-name').waitFor({ timeout: 15_000 });
  return { page, panel };
}

describe('one customer across tools', () => {
  it('assembles the person from HubSpot, Stripe and Zendesk, with every name the tools use', async () => {
    const { page, panel } = await openContact('101');
    const stripe = panel.getByTestId('tool-stripe');
    await stripe.getByText('Ann B. Lee').waitFor({ timeout: 15_000 });
    // Four charges of $297 with one refunded, and a one-off $49.50; $99 × 3 seats monthly plus $990 yearly ($379.50 a month, cents kept).
    await expect(stripe.textContent()).resolves.toMatch(/LTV \$940\.50 · MRR \$379\.50/);
    await expect(stripe.locator('a[href^="https://dashboard.stripe.com/test/customers/cus_Demo101"]').count()).resolves.toBe(1);
    await expect(panel.getByTestId('fact-ltv').textContent()).resolves.toContain('$940.50');
    await expect(panel.getByTestId('fact-mrr').textContent()).resolves.toContain('$379.50');
    const zendesk = panel.getByTestId('tool-zendesk');
    await zendesk.getByText('Annie Lee').waitFor({ timeout: 15_000 });
    // Two open Zendesk tickets and one open HubSpot ticket.
    await panel.getByTestId('fact-open-tickets').filter({ hasText: '3' }).waitFor();
    // Her whole history, and in it the one-off charge as a payment: the payments shown add up to the lifetime value.
    const timeline = panel.getByTestId('timeline');
    await panel.getByTestId('timeline-all').click();
    await expect(timeline.textContent()).resolves.toContain('Refund please');
    const oneOff = timeline.locator('li').filter({ hasText: 'Payment ch_DemoAnnOneOff' });
    await expect(oneOff.textContent()).resolves.toMatch(/\$49\.50 · paid/);
    const payments = await timeline.locator('li').filter({ hasText: /Payment ch_/ }).allTextContents();
    expect(payments).toHaveLength(5);
    const cents = payments.map((row) => Math.round(Number(/· \$([\d,.]+) ·/.exec(row)![1]!.replace(/,/g, '')) * 100));
    expect(cents.reduce((sum, c) => sum + c, 0)).toBe(94_050);
    // Invoices stay invoices; no subscription repeats its status.
    await expect(timeline.locator('li').filter({ hasText: 'Invoice Invoice' }).count()).resolves.toBe(0);
    await expect(timeline.textContent()).resolves.not.toMatch(/\(active\) · active/);
    // Each fact says where it comes from.
    await expect(panel.getByTestId('fact-ltv').getByTestId('fact-source').textContent()).resolves.toMatch(/^Stripe · /);
    await expect(panel.getByTestId('fact-open-tickets').getByTestId('fact-source').textContent()).resolves.toMatch(/HubSpot.*Zendesk|Zendesk.*HubSpot/);
    // Her newest thread: the Zendesk ticket updated last, linked into the agent console.
    const conversation = panel.getByTestId('fact-last-conversation');
    await expect(conversation.getByRole('button').textContent()).resolves.toBe('Export to CSV fails');
    await expect(conversation.textContent()).resolves.toMatch(/pending.*Zendesk · /);
    await expect(conversation.locator('a[href="https://acme.zendesk.com/agent/tickets/2"]').count()).resolves.toBe(1);
    const conflicts = panel.getByTestId('conflicts');
    await expect(conflicts.textContent()).resolves.toMatch(/Ann Lee \(HubSpot\).*Ann B\. Lee \(Stripe\).*Annie Lee \(Zendesk\)/);
    await Promise.all([page.close(), panel.close()]);
  });

  it('shows the HubSpot side from a Stripe dashboard page', async () => {
    const page = await env.context.newPage();
    await page.goto('https://dashboard.stripe.com/test/customers/cus_Demo101');
    const panel = await env.openPanel(page);
    await expect(panel.getByTestId('profile-name').textContent({ timeout: 15_000 })).resolves.toBe('Ann B. Lee');
    await expect(panel.getByTestId('account').textContent()).resolves.toContain('test mode');
    await expect(panel.getByTestId('tool-hubspot').textContent({ timeout: 15_000 })).resolves.toContain('Ann Lee');
    await Promise.all([page.close(), panel.close()]);
  });

  it('shows the same person from a Zendesk agent page', async () => {
    const ann = env.replica.zendesk.data.users.find((u: { name: string }) => u.name === 'Annie Lee');
    const page = await env.context.newPage();
    await page.goto(`https://acme.zendesk.com/agent/users/${ann.id}/requested_tickets`);
    const panel = await env.openPanel(page);
    await expect(panel.getByTestId('profile-name').textContent({ timeout: 15_000 })).resolves.toBe('Annie Lee');
    await panel.getByTestId('tool-hubspot').getByText('Ann Lee').waitFor({ timeout: 15_000 });
    await panel.getByTestId('tool-stripe').getByText('Ann B. Lee').waitFor({ timeout: 15_000 });
    await Promise.all([page.close(), panel.close()]);
  });

  it('shows a company with its people, what they pay and their open tickets, across tools', async () => {
    const page = await env.context.newPage();
    await page.goto(`https://app.hubspot.com/contacts/4815162/record/0-2/5001`);
    const panel = await env.openPanel(page);
    await expect(panel.getByTestId('profile-name').textContent({ timeout: 15_000 })).resolves.toBe('Acme Robotics');
    await panel.locator('.related').getByText('Ann Lee').waitFor({ timeout: 15_000 });
    await panel.getByTestId('fact-company-ltv').filter({ hasText: '$940.50' }).waitFor({ timeout: 15_000 });
    await panel.getByTestId('fact-company-open-tickets').filter({ hasText: '3' }).waitFor({ timeout: 15_000 });
    await panel.getByTestId('tool-zendesk').getByText('Acme Robotics').waitFor({ timeout: 15_000 });
    // HubSpot and Zendesk both know Ann: one person, listed once with both tools.
    await panel.getByTestId('company-people').filter({ hasText: 'Ann Lee · HubSpot, Zendesk' }).waitFor({ timeout: 15_000 });
    // Every contact HubSpot associates with Acme Robotics, read on open, each listed once.
    const acmePeople = contactIdsOfCompany(env.replica.hubspot.data, '5001').length;
    await panel.getByTestId('fact-people').locator('strong').filter({ hasText: new RegExp(`^${acmePeople}$`) }).waitFor({ timeout: 15_000 });
    await expect(panel.getByTestId('company-people').locator('li').count()).resolves.toBe(acmePeople);
    // Its HubSpot deals with stage and amount, the open one first, each linked into HubSpot.
    const deals = panel.getByTestId('company-deals').locator('li');
    await deals.first().filter({ hasText: /Acme Robotics – Expansion · \$500.*Appointment Scheduled.*HubSpot/ }).waitFor({ timeout: 15_000 });
    await expect(deals.count()).resolves.toBe(3);
    await expect(deals.first().locator('a[href^="https://app.hubspot.com/"]').count()).resolves.toBe(1);
    await expect(panel.getByTestId('fact-company-open-deals').locator('strong').textContent()).resolves.toBe('1 · $500');
    // A company has no email: no empty Email row.
    await expect(panel.getByTestId('field-emails').count()).resolves.toBe(0);
    await Promise.all([page.close(), panel.close()]);
  });

  it('says so when a person or a company has nothing of a kind to show', async () => {
    // Contact 102 has no company, deals or tickets; Black Mesa Robotics (5014) has people but no deals.
    const { page, panel } = await openContact('102');
    await panel.getByTestId('timeline-empty').waitFor({ timeout: 15_000 });
    await expect(panel.getByTestId('fact-last-conversation').textContent()).resolves.toContain('Not in your connected tools');
    await page.goto('https://app.hubspot.com/contacts/4815162/record/0-2/5014');
    await expect(panel.getByTestId('profile-name').filter({ hasText: 'Black Mesa Robotics' }).textContent({ timeout: 15_000 })).resolves.toBe('Black Mesa Robotics');
    await panel.getByTestId('company-deals-empty').waitFor({ timeout: 15_000 });
    await panel.getByTestId('fact-company-open-deals').filter({ hasText: '0' }).waitFor({ timeout: 15_000 });
    await Promise.all([page.close(), panel.close()]);
  });

  it('merges two records the tools spell too differently, and keeps the merge', async () => {
    // A web-shop buyer Stripe knows only by a personal address.
    const shop = await env.context.newPage();
    await shop.goto('https://dashboard.stripe.com/test/customers/cus_Online0');
    const shopPanel = await env.openPanel(shop);
    await expect(shopPanel.getByTestId('profile-name').textContent({ timeout: 15_000 })).resolves.toBe('buyer0@shop-customer.net');
    await Promise.all([shop.close(), shopPanel.close()]);

    const { page, panel } = await openContact('102');
    await panel.getByTestId('merge-open').click();
    await panel.getByTestId('merge-search').fill('buyer0');
    // The candidate is a person, said with the tools that know them.
    await expect(panel.getByRole('listitem').filter({ has: panel.getByTestId('merge-confirm') }).textContent({ timeout: 10_000 })).resolves.toMatch(/buyer0@shop-customer\.net.*Stripe/);
    await panel.getByTestId('merge-confirm').click();
    await panel.getByTestId('tool-stripe').getByRole('button', { name: 'buyer0@shop-customer.net' }).waitFor({ timeout: 10_000 });
    await panel.reload();
    await panel.getByTestId('tool-stripe').getByRole('button', { name: 'buyer0@shop-customer.net' }).waitFor({ timeout: 15_000 });
    await Promise.all([page.close(), panel.close()]);
  });

  it('keeps a split the user made across a browser restart', async () => {
    const { page, panel } = await openContact('101');
    const stripe = panel.getByTestId('tool-stripe');
    await stripe.getByText('Ann B. Lee').waitFor({ timeout: 15_000 });
    await stripe.getByTestId('split').click();
    await stripe.getByTestId('tool-status').filter({ hasText: 'does not know this person' }).waitFor({ timeout: 10_000 });
    await env.restart();
    const again = await openContact('101');
    await again.panel.getByTestId('tool-stripe').getByTestId('tool-status').filter({ hasText: 'does not know this person' }).waitFor({ timeout: 15_000 });
    // Zendesk still calls her Annie; Stripe's name is no longer part of this person.
    await expect(again.panel.getByTestId('conflicts').textContent()).resolves.not.toContain('Ann B. Lee');
    await Promise.all([again.page.close(), again.panel.close()]);
  });

  it('sent every request only to the connected vendors or the pages the user opened', () => {
    const allowed = new Set(['https://api.hubapi.com', 'https://app.hubspot.com', 'https://api.stripe.com', 'https://dashboard.stripe.com', 'https://acme.zendesk.com', `chrome-extension://${env.extensionId}`]);
    // 'null' is the origin of about:blank, where every new tab starts.
    expect([...destinations].filter((origin) => !allowed.has(origin) && origin !== 'null')).toEqual([]);
  });
});
