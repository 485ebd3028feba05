import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactUrl, SIDE_PANEL, startEnvironment, type Environment } from './environment';

/** A new user's first minutes: nothing connected, then a tool or three, in a 400 px side panel. */
let env: Environment;

beforeAll(async () => {
  env = await startEnvironment();
});
afterAll(async () => {
  await env?.close();
});

const LONG_EMAIL = 'ann.lee.marketing-operations@acme-robotics-international.example.com';

describe('first run', () => {
  it('the empty panel opens Options, which lists the tools one line each and says what to do first', async () => {
    const panel = await env.openPanel(undefined, { viewport: SIDE_PANEL });
    const [options] = await Promise.all([env.context.waitForEvent('page'), panel.getByTestId('recent-empty').getByTestId('open-options').click()]);
    await options.waitForURL(/options\.html/);
    await expect(options.getByTestId('first-step').textContent()).resolves.toMatch(/^Start here/);
    const toggles = options.getByTestId('tools').getByTestId('connector-toggle');
    await expect(toggles.count()).resolves.toBeGreaterThanOrEqual(9);
    // Not a wall of forms: every tool is closed, no token field shows.
    expect(new Set(await toggles.evaluateAll((all) => all.map((t) => t.getAttribute('aria-expanded'))))).toEqual(new Set(['false']));
    await expect(options.getByTestId('token-input').filter({ visible: true }).count()).resolves.toBe(0);
    await Promise.all([options.close(), panel.close()]);
  });

  it('puts connected tools first with their account, and opens a closed one with one click', async () => {
    await (await env.connect()).close();
    await (await env.connect(env.replica.demoTokens.stripe, 'stripe')).close();
    const options = await env.context.newPage();
    await options.goto(`chrome-extension://${env.extensionId}/options.html`);
    const cards = options.getByTestId('tools').locator('[data-testid^="connector-"]:not([data-testid="connector-toggle"])');
    await cards.first().waitFor();
    const order = await cards.evaluateAll((all) => all.map((c) => c.getAttribute('data-testid')));
    expect(order.slice(0, 2).sort()).toEqual(['connector-hubspot', 'connector-stripe']);
    const hubspot = options.getByTestId('connector-hubspot').getByTestId('connector-toggle');
    await expect(hubspot.getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(hubspot.textContent()).resolves.toContain('Connected · Portal 4815162');

    const zendesk = options.getByTestId('connector-zendesk');
    await expect(zendesk.getByTestId('token-input').isVisible()).resolves.toBe(false);
    await zendesk.getByTestId('connector-toggle').click();
    await expect(zendesk.getByTestId('connector-toggle').getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(zendesk.getByTestId('token-input').isVisible()).resolves.toBe(true);
    await options.close();
  });

  it('shows a long first email whole in a 400 px panel', async () => {
    const contact = env.replica.hubspot.data.contacts.find((c: { id: string }) => c.id === '150');
    contact.properties.email = LONG_EMAIL;
    const page = await env.context.newPage();
    await page.goto(contactUrl('150'));
    const panel = await env.openPanel(page, { viewport: SIDE_PANEL });
    const first = panel.getByTestId('field-emails').locator('.first .value');
    await expect(first.textContent({ timeout: 15_000 })).resolves.toContain(LONG_EMAIL);
    const fits = (el: Element) => el.scrollWidth <= el.clientWidth;
    await expect(first.evaluate(fits)).resolves.toBe(true);
    // The key-fact values (dates among them) wrap rather than end in "…".
    await panel.getByTestId('fact-open-tickets').waitFor();
    expect(await panel.locator('.fact > strong').evaluateAll((all) => all.filter((el) => el.scrollWidth > el.clientWidth).map((el) => el.textContent))).toEqual([]);
    await Promise.all([page.close(), panel.close()]);
  });

  it('lists metrics under the name of the tool that reported them', async () => {
    const panel = await env.openPanel();
    await panel.getByTestId('view-metrics').click();
    await panel.getByTestId('capture-all').click();
    const groups = panel.getByTestId('metric-group');
    await expect.poll(() => groups.locator('h2').allTextContents(), { timeout: 20_000 }).toEqual(expect.arrayContaining(['HubSpot', 'Stripe']));
    for (const [tool, id] of [['HubSpot', 'hubspot'], ['Stripe', 'stripe']]) {
      const group = groups.filter({ has: panel.getByRole('heading', { name: tool, exact: true }) });
      const ids = await group.getByTestId('metric').evaluateAll((all) => all.map((m) => m.getAttribute('data-metric-id')));
      expect(ids.length).toBeGreaterThan(0);
      expect(ids.every((metric) => metric?.startsWith(`${id}:`))).toBe(true);
    }
    await panel.close();
  });
});
