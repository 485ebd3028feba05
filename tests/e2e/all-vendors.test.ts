import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { contactUrl, layoutShiftScore, SIDE_PANEL, startEnvironment, storedSecrets, type Environment } from './environment';
import { expandCard } from '../../scripts/lib/browser.mjs';
import { contactIdsOfCompany, DVORAK_ID } from '../replica/seed.mjs';
import { SALESFORCE_ANN } from '../replica/salesforce.mjs';
import { INTERCOM_ANN } from '../replica/intercom.mjs';
import { MAILCHIMP_ANN } from '../replica/mailchimp.mjs';
import { KLAVIYO_ANN } from '../replica/klaviyo.mjs';
import { PIPEDRIVE_ANN } from '../replica/pipedrive.mjs';
import { MARKETO_ANN } from '../replica/marketo.mjs';
import { BREVO_ANN } from '../replica/brevo.mjs';
import { SHOPIFY_ANN } from '../replica/shopify.mjs';

/** Every person-holding vendor connected at once; Ann Lee opened from four of their consoles. */
let env: Environment;
const destinations = new Set<string>();
const PERSON_TOOLS = ['hubspot', 'salesforce', 'stripe', 'zendesk', 'intercom', 'mailchimp', 'klaviyo', 'pipedrive', 'marketo', 'brevo', 'shopify', 'activecampaign', 'mixpanel'] as const;

async function connectWithToken(connector: string, login: { site?: string; email?: string } = {}): Promise<void> {
  const options = await env.connect(env.replica.demoTokens[connector as keyof typeof env.replica.demoTokens], connector, login);
  await options.getByTestId(`connector-${connector}`).getByTestId('connected-account').waitFor({ timeout: 15_000 });
  await options.close();
}

beforeAll(async () => {
  env = await startEnvironment();
  env.context.on('request', (request) => destinations.add(new URL(request.url()).origin));
  await connectWithToken('hubspot');
  await connectWithToken('stripe');
  await connectWithToken('zendesk', env.replica.zendeskLogin);
  await connectWithToken('intercom');
  await connectWithToken('mailchimp');
  await connectWithToken('klaviyo');
  await connectWithToken('pipedrive', env.replica.pipedriveLogin);
  await connectWithToken('shopify', env.replica.shopifyLogin);
  await connectWithToken('ga4', env.replica.ga4Login);
  await connectWithToken('meta', env.replica.metaLogin);
  await connectWithToken('marketo', env.replica.marketoLogin);
  await connectWithToken('brevo');
  await connectWithToken('activecampaign', env.replica.activecampaignLogin);
  await connectWithToken('mixpanel', env.replica.mixpanelLogin);
  await connectWithToken('google-ads', env.replica.googleAdsLogin);
}, 240_000);
afterAll(async () => {
  await env?.close();
});

async function openPage(url: string): Promise<{ page: Page; panel: Page }> {
  const page = await env.context.newPage();
  await page.goto(url);
  const panel = await env.openPanel(page, { viewport: SIDE_PANEL });
  await panel.getByTestId('profile-name').waitFor({ timeout: 20_000 });
  return { page, panel };
}

describe('one customer across every person-holding tool (and GA4 connected beside them)', () => {
  it('connects Salesforce with the signed-in console session, storing no token', async () => {
    // Signing in to the console sets its `sid` session cookie on the instance host. The tab stays
    // open: closing a browser's last window ends its session cookies, as a real browser does.
    const options = await env.context.newPage();
    await options.goto(`chrome-extension://${env.extensionId}/options.html`);
    const signIn = await env.context.newPage();
    await signIn.goto(env.replica.salesforceLogin.site);
    const card = options.getByTestId('connector-salesforce');
    // `cookies` is optional: not granted at install, asked for by this click.
    const hasCookies = () => options.evaluate(() => chrome.permissions.contains({ permissions: ['cookies'] }));
    await expect(hasCookies()).resolves.toBe(false);
    await expandCard(card);
    await card.getByTestId('site-input').fill(env.replica.salesforceLogin.site);
    await card.getByTestId('connect-session').click();
    await expect(card.getByTestId('connected-account').textContent({ timeout: 15_000 })).resolves.toContain('signed-in session');
    const stored = await (await env.worker()).evaluate(() => chrome.storage.local.get(null));
    expect(Object.keys(stored)).not.toContain('secret:salesforce');
    expect(JSON.stringify(stored)).not.toContain(env.replica.salesforceLogin.session);
    const secrets = await storedSecrets(env);
    expect(Object.keys(secrets)).not.toContain('token:salesforce');
    expect(JSON.stringify(secrets)).not.toContain(env.replica.salesforceLogin.session);
    await expect(hasCookies()).resolves.toBe(true);
    await options.close();
  });

  it('assembles Ann from a Salesforce contact page: every other tool has its section with her', async () => {
    const { page, panel } = await openPage(SALESFORCE_ANN.consoleUrl);
    await expect(panel.getByTestId('profile-name').textContent()).resolves.toBe('Ann Lee');
    for (const tool of PERSON_TOOLS.filter((t) => t !== 'salesforce')) {
      await panel.getByTestId(`tool-${tool}`).locator('button, a').filter({ hasText: /Ann|ann\.lee/i }).first().waitFor({ timeout: 20_000 });
    }
    // What the marketing tools add to the facts: the billing tools' money (Stripe's $940.50 with her one-off payment, Shopify's $209), Zendesk's tickets.
    await panel.getByTestId('fact-ltv').filter({ hasText: '$1,149.50' }).waitFor({ timeout: 20_000 });
    // Seven tools answered one after another, and what the user was reading did not move for it.
    await panel.getByTestId('timeline').waitFor({ timeout: 20_000 });
    expect(await layoutShiftScore(panel)).toBeLessThan(0.1);
    // Her lists and campaigns, each with its tool: Mailchimp's audience, Klaviyo's lists, Intercom's subscription and tags.
    const memberships = panel.getByTestId('fact-memberships');
    await memberships.getByTestId('memberships-more').click();
    for (const membership of ['Newsletter: subscribed · Mailchimp', 'VIP customers · Klaviyo', 'Product updates (email) · Intercom', '#VIP · Intercom']) {
      await memberships.filter({ hasText: membership }).waitFor({ timeout: 20_000 });
    }
    await expect(memberships.locator('a[href="https://www.klaviyo.com/list/VIPcst"]').count()).resolves.toBe(1);
    // Her newest thread in any tool: the Salesforce case touched last (Intercom's last reply came earlier).
    const conversation = panel.getByTestId('fact-last-conversation');
    await conversation.filter({ hasText: 'Robot arm calibration fails' }).waitFor({ timeout: 20_000 });
    await expect(conversation.getByTestId('fact-source').textContent()).resolves.toMatch(/^Salesforce · /);
    await expect(conversation.locator('a[href^="https://acme.lightning.force.com/lightning/r/Case/"]').count()).resolves.toBe(1);
    // Her campaign emails from both marketing tools, in the timeline with what happened, the tool and the date.
    const timeline = panel.getByTestId('timeline');
    // Eight tools make a long history: the newest eight show, the rest one click away.
    await expect(timeline.locator('li').count()).resolves.toBe(8);
    await panel.getByTestId('timeline-all').click();
    await timeline.locator('li').filter({ hasText: 'Opened · Autumn webinar invite' }).filter({ hasText: 'Mailchimp' }).waitFor({ timeout: 20_000 });
    await timeline.locator('li').filter({ hasText: 'Opened · September newsletter' }).filter({ hasText: 'Klaviyo' }).waitFor({ timeout: 20_000 });
    await expect(timeline.locator('li').filter({ hasText: 'Opened · Autumn webinar invite' }).locator(`a[href="${MAILCHIMP_ANN.consoleUrl}"]`).count()).resolves.toBe(1);
    // ActiveCampaign's tracking log adds her click on its own webinar invite.
    await timeline.locator('li').filter({ hasText: 'Clicked · Autumn webinar invite' }).filter({ hasText: 'ActiveCampaign' }).waitFor({ timeout: 20_000 });
    // Klaviyo's order event is not a campaign email.
    await expect(timeline.locator('li').filter({ hasText: 'Placed Order' }).count()).resolves.toBe(0);
    // The personal address only Pipedrive has sits in the header, named by its tool.
    const emails = panel.getByTestId('field-emails');
    await emails.getByTestId('show-more').click();
    await emails.filter({ hasText: 'annlee.home@gmail.com · Pipedrive' }).waitFor({ timeout: 20_000 });
    // Eight tools agree on her name (Brevo's and ActiveCampaign's ANN LEE only differ in case): one line for them, one for each other spelling.
    await expect(panel.getByTestId('conflicts').locator('li').filter({ hasText: /^Ann Lee \(/ }).textContent()).resolves.toBe('Ann Lee (Salesforce, ActiveCampaign, Brevo, HubSpot, Intercom, Klaviyo, Mailchimp, Pipedrive)');
    // GA4 holds numbers, not people: it is never asked about her.
    await expect(panel.getByTestId('tool-ga4').count()).resolves.toBe(0);
    expect(env.replica.ga4.state.requests.filter((r: { path: string }) => !r.path.includes('runReport'))).toEqual([]);
    // Nor is Google Ads: connecting read its account once, and nothing since.
    await expect(panel.getByTestId('tool-google-ads').count()).resolves.toBe(0);
    expect(env.replica['google-ads'].state.requests.map((r: { path: string }) => r.path)).toEqual(['/v22/customers/1234567890/googleAds:searchStream']);
    // Meta Ads likewise: only the ad account was read, on connect.
    await expect(panel.getByTestId('tool-meta').count()).resolves.toBe(0);
    expect(env.replica.meta.state.requests.map((r: { path: string }) => r.path.split('?')[0])).toEqual([`/v25.0/${env.replica.metaLogin.site}`]);
    const calls = env.replica.salesforce.state.requests.map((r: { path: string }) => r.path);
    expect(calls.some((path: string) => path.includes('/services/data/'))).toBe(true);
    await Promise.all([page.close(), panel.close()]);
  });

  it.each([
    ['Intercom', INTERCOM_ANN.consoleUrl, 'hubspot'],
    ['Mailchimp', MAILCHIMP_ANN.consoleUrl, 'salesforce'],
    ['Klaviyo', KLAVIYO_ANN.consoleUrl, 'pipedrive'],
    ['Pipedrive', PIPEDRIVE_ANN.consoleUrl, 'intercom'],
  ])('shows Ann from a %s page with the other tools beside her', async (_vendor, url, otherTool) => {
    const { page, panel } = await openPage(url);
    await expect(panel.getByTestId('profile-name').textContent()).resolves.toMatch(/Ann/);
    await panel.getByTestId(`tool-${otherTool}`).locator('button, a').filter({ hasText: /Ann|ann\.lee/i }).first().waitFor({ timeout: 20_000 });
    await panel.getByTestId('tool-stripe').getByText('Ann B. Lee').waitFor({ timeout: 20_000 });
    await Promise.all([page.close(), panel.close()]);
  });

  it('opens Ann from a Shopify customer page with her orders in the timeline', async () => {
    const { page, panel } = await openPage(SHOPIFY_ANN.consoleUrl);
    await expect(panel.getByTestId('profile-name').textContent()).resolves.toMatch(/Ann/);
    await panel.getByTestId('tool-stripe').getByText('Ann B. Lee').waitFor({ timeout: 20_000 });
    await panel.getByTestId('tool-hubspot').locator('button, a').filter({ hasText: /Ann/ }).first().waitFor({ timeout: 20_000 });
    const timeline = panel.getByTestId('timeline');
    await timeline.waitFor({ timeout: 20_000 });
    const allOrders = panel.getByTestId('timeline-all');
    if (await allOrders.count()) await allOrders.click();
    for (const name of SHOPIFY_ANN.orderNames) {
      await timeline.locator('li').filter({ hasText: `Order ${name}` }).filter({ hasText: 'Shopify' }).first().waitFor({ timeout: 20_000 });
    }
    const order = timeline.locator('li').filter({ hasText: 'Order #1002' });
    await expect(order.textContent()).resolves.toMatch(/\$89\b.*paid|paid.*\$89\b/);
    await expect(order.locator('a[href^="https://admin.shopify.com/store/acme/orders/"]').count()).resolves.toBe(1);
    // Her order count is a key fact, from the shop's own count.
    const orders = panel.getByTestId('fact-orders');
    await expect(orders.locator('strong').textContent()).resolves.toBe(String(SHOPIFY_ANN.orderNames.length));
    await expect(orders.getByTestId('fact-source').getAttribute('title')).resolves.toMatch(/^Shopify ·/);
    await Promise.all([page.close(), panel.close()]);
  });

  it('searches people, not tool records: "ann" is one Ann Lee naming every tool that knows her, "dvorak" finds Dvořák', async () => {
    const dvorak = await openPage(contactUrl(DVORAK_ID));
    await Promise.all([dvorak.page.close(), dvorak.panel.close()]);
    const home = await env.openPanel(undefined, { viewport: SIDE_PANEL });
    await home.getByTestId('search-input').fill('ann');
    const results = home.getByTestId('search-results');
    const ann = results.locator('li[data-kind="person"]').filter({ has: home.getByTestId('result-name').getByText('Ann Lee', { exact: true }) });
    await ann.first().waitFor({ timeout: 10_000 });
    await expect(ann.count()).resolves.toBe(1);
    // Three tools by name, the rest counted: every person-holding tool knows her.
    await expect(ann.getByTestId('result-tools').textContent()).resolves.toMatch(new RegExp(`^\\S.* · .* · .* \\+${PERSON_TOOLS.length - 3}$`));
    const spoken = (await ann.locator('.visually-hidden').textContent())!;
    for (const tool of ['HubSpot', 'Salesforce', 'Stripe', 'Zendesk', 'Intercom', 'Mailchimp', 'Klaviyo', 'Pipedrive', 'Marketo', 'Brevo', 'Shopify', 'ActiveCampaign', 'Mixpanel']) expect(spoken).toContain(tool);
    // People first; her deals, tickets and conversations after, each saying what it is and its tool.
    const kinds = await results.locator('li').evaluateAll((items) => items.map((item) => item.getAttribute('data-kind')));
    const firstOther = kinds.findIndex((kind) => kind !== 'person' && kind !== 'company');
    if (firstOther >= 0) expect(kinds.slice(firstOther).every((kind) => kind !== 'person' && kind !== 'company')).toBe(true);
    for (const kind of await results.getByTestId('result-kind').allTextContents()) expect(kind).toMatch(/^[A-Z][a-z]+ · \S/);
    await home.getByTestId('search-input').press('Enter');
    await expect(home.getByTestId('profile-name').textContent({ timeout: 10_000 })).resolves.toMatch(/Ann/);
    await home.getByTestId('back').click();
    await home.getByTestId('search-input').fill('dvorak');
    await results.getByTestId('result-name').getByText('Antonín Dvořák', { exact: true }).waitFor({ timeout: 10_000 });
    await home.close();
  });

  it('shows the Mailchimp page as the person it is, at once on the next visit', async () => {
    const before = env.replica.mailchimp.state.requests.length;
    const { page, panel } = await openPage(MAILCHIMP_ANN.consoleUrl);
    await expect(panel.getByTestId('profile-name').textContent()).resolves.toBe('Ann Lee');
    // Remembered: the web id is not searched again within the refresh interval.
    expect(env.replica.mailchimp.state.requests.slice(before).filter((r: { path: string }) => /\/members\?/.test(r.path))).toEqual([]);
    await Promise.all([page.close(), panel.close()]);
  });

  it('shows Ann from a Marketo lead page: her lead score, static lists and Marketo emails beside the other tools', async () => {
    const { page, panel } = await openPage(MARKETO_ANN.consoleUrl);
    await expect(panel.getByTestId('profile-name').textContent()).resolves.toMatch(/Ann/);
    await panel.getByTestId('tool-hubspot').locator('button, a').filter({ hasText: /Ann/ }).first().waitFor({ timeout: 20_000 });
    await panel.getByTestId('tool-stripe').getByText('Ann B. Lee').waitFor({ timeout: 20_000 });
    const memberships = panel.getByTestId('fact-memberships');
    await memberships.getByTestId('memberships-more').click();
    for (const membership of ['Webinar attendees · Marketo', 'Lead score 72 · Marketo']) await memberships.filter({ hasText: membership }).waitFor({ timeout: 20_000 });
    await expect(memberships.locator('a[href="https://app-ab12.marketo.com/#ST1021A1"]').count()).resolves.toBe(1);
    await panel.getByTestId('timeline-all').click();
    await panel.getByTestId('timeline').locator('li').filter({ hasText: 'Webinar Invite.Email' }).filter({ hasText: 'Marketo' }).first().waitFor({ timeout: 20_000 });
    await Promise.all([page.close(), panel.close()]);
  });

  it('shows Ann from a Brevo contact page: her lists, her campaign clicks and her Brevo deal beside the other tools', async () => {
    const { page, panel } = await openPage(BREVO_ANN.consoleUrl);
    await expect(panel.getByTestId('profile-name').textContent()).resolves.toMatch(/Ann/i);
    await panel.getByTestId('tool-hubspot').locator('button, a').filter({ hasText: /Ann/ }).first().waitFor({ timeout: 20_000 });
    await panel.getByTestId('tool-stripe').getByText('Ann B. Lee').waitFor({ timeout: 20_000 });
    // The timeline waits for every tool's answer: after it, the lists and events are all there.
    const timeline = panel.getByTestId('timeline');
    await timeline.waitFor({ timeout: 20_000 });
    const memberships = panel.getByTestId('fact-memberships');
    if (await memberships.getByTestId('memberships-more').count()) await memberships.getByTestId('memberships-more').click();
    await memberships.filter({ hasText: 'Webinar attendees · Brevo' }).waitFor({ timeout: 20_000 });
    await expect(memberships.locator('a[href="https://app.brevo.com/contact/list/id/7"]').count()).resolves.toBe(1);
    if (await panel.getByTestId('timeline-all').count()) await panel.getByTestId('timeline-all').click();
    await timeline.locator('li').filter({ hasText: 'Clicked · Webinar follow-up' }).filter({ hasText: 'Brevo' }).waitFor({ timeout: 20_000 });
    await timeline.locator('li').filter({ hasText: BREVO_ANN.deal }).waitFor({ timeout: 20_000 });
    // The key went in Brevo's own header, to Brevo's API only.
    expect(env.replica.brevo.state.requests.filter((r: { host: string; auth: boolean }) => r.host === 'api.brevo.com' && !r.auth)).toEqual([]);
    await Promise.all([page.close(), panel.close()]);
  });

  it('lists the company’s deals from HubSpot, Salesforce and Pipedrive beside its people, revenue and open tickets', async () => {
    // Pipedrive finds people by email, not organisations by domain: Ann's page brings her organisation and its deal.
    const ann = await openPage(PIPEDRIVE_ANN.consoleUrl);
    await Promise.all([ann.page.close(), ann.panel.close()]);
    const { page, panel } = await openPage(`https://app.hubspot.com/contacts/${env.replica.hubspot.data.portalId}/record/0-2/5001`);
    await expect(panel.getByTestId('profile-name').textContent()).resolves.toBe('Acme Robotics');
    const deals = panel.getByTestId('company-deals');
    for (const deal of [/Acme Robotics – Growth plan · \$12,000.*open.*Pipedrive/, /Acme Robotics – Renewal · \$24,000.*Prospecting.*Salesforce/, /Acme Robotics – Expansion · \$500.*Appointment Scheduled.*HubSpot/]) {
      await deals.locator('li').filter({ hasText: deal }).waitFor({ timeout: 20_000 });
    }
    await expect(deals.locator('a[href^="https://acme.pipedrive.com/deal/"]').count()).resolves.toBe(1);
    await expect(deals.locator('a[href^="https://acme.lightning.force.com/lightning/r/Opportunity/"]').count()).resolves.toBe(2);
    // Open: Pipedrive $12,000, Salesforce $24,000 and $8,500, HubSpot $500; HubSpot's two won deals are listed but not counted.
    await panel.getByTestId('fact-company-open-deals').filter({ hasText: '4 · $45,000' }).waitFor({ timeout: 20_000 });
    await expect(panel.getByTestId('fact-company-open-deals').getByTestId('fact-source').textContent()).resolves.toMatch(/HubSpot/);
    // Every contact HubSpot associates with Acme Robotics, read on open: Ann (in every tool) once among them.
    const acmePeople = contactIdsOfCompany(env.replica.hubspot.data, '5001').length;
    expect(acmePeople).toBeGreaterThan(1);
    await panel.getByTestId('fact-people').locator('strong').filter({ hasText: String(acmePeople) }).waitFor({ timeout: 20_000 });
    await expect(panel.getByTestId('company-people').locator('li').count()).resolves.toBe(acmePeople);
    await panel.getByTestId('fact-company-ltv').filter({ hasText: '$1,149.50' }).waitFor({ timeout: 20_000 });
    await Promise.all([page.close(), panel.close()]);
  });

  it('a signed-out Salesforce session says so, keeps the cached record, and the other tools keep working', async () => {
    await env.context.clearCookies({ name: 'sid' });
    const { page, panel } = await openPage(SALESFORCE_ANN.consoleUrl);
    await panel.getByTestId('refresh').click();
    await expect(panel.getByRole('alert').first().textContent({ timeout: 15_000 })).resolves.toMatch(/signed out of Salesforce/);
    await expect(panel.getByTestId('profile-name').textContent()).resolves.toBe('Ann Lee');
    await panel.getByTestId('tool-hubspot').locator('button, a').filter({ hasText: /Ann/ }).first().waitFor({ timeout: 20_000 });
    await Promise.all([page.close(), panel.close()]);
  });

  it('sent requests only to the connected vendors’ APIs and the console pages the user opened', () => {
    const allowed = new Set([
      ...['api.hubapi.com', 'api.stripe.com', 'acme.zendesk.com', 'acme.my.salesforce.com', 'api.intercom.io', 'us6.api.mailchimp.com', 'a.klaviyo.com', 'acme.pipedrive.com', 'analyticsdata.googleapis.com', '123-abc-456.mktorest.com', 'api.brevo.com', 'acme.myshopify.com', 'acme.api-us1.com', 'googleads.googleapis.com', 'graph.facebook.com'],
      ...['acme.lightning.force.com', 'app.intercom.com', 'us6.admin.mailchimp.com', 'www.klaviyo.com', 'app.hubspot.com', 'app-ab12.marketo.com', 'app.brevo.com', 'admin.shopify.com', 'eu.mixpanel.com'],
    ].map((host) => `https://${host}`));
    allowed.add(`chrome-extension://${env.extensionId}`);
    // 'null' is the origin of about:blank, where every new tab starts.
    expect([...destinations].filter((origin) => !allowed.has(origin) && origin !== 'null')).toEqual([]);
  });
});
