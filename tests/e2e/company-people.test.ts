import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { contactUrl, PORTAL, SIDE_PANEL, startEnvironment, type Environment } from './environment';
import { contactIdsOfCompany } from '../replica/seed.mjs';

let env: Environment;

beforeAll(async () => {
  env = await startEnvironment();
  await (await env.connect()).close();
});
afterAll(async () => {
  await env?.close();
});

const companyUrl = (id: string) => `https://app.hubspot.com/contacts/${PORTAL}/record/0-2/${id}`;
const nameOf = (id: string) => {
  const p = env.replica.hubspot.data.contacts.find((c: { id: string }) => c.id === id).properties;
  return `${p.firstname} ${p.lastname}`;
};

async function open(url: string): Promise<{ page: Page; panel: Page }> {
  const page = await env.context.newPage();
  await page.goto(url);
  const panel = await env.openPanel(page, { viewport: SIDE_PANEL });
  return { page, panel };
}

/** Every text the People count showed, from the panel's first paint, however briefly. */
async function recordPeopleCount(panel: Page): Promise<void> {
  await panel.evaluate(() => {
    const seen: string[] = ((window as unknown as { peopleCounts: string[] }).peopleCounts = []);
    const note = () => {
      const tile = document.querySelector('[data-testid="fact-people"]');
      const value = tile?.querySelector('strong, .fact-value')?.textContent;
      if (value != null && seen.at(-1) !== value) seen.push(value);
    };
    note();
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}
const peopleCounts = (panel: Page) => panel.evaluate(() => (window as unknown as { peopleCounts: string[] }).peopleCounts);

describe('a company’s people come from the tools', () => {
  it('lists Acme Robotics’ people from HubSpot’s associations on the first open, never showing a false 0 meanwhile', async () => {
    const ids = contactIdsOfCompany(env.replica.hubspot.data, '5001');
    expect(ids.length).toBeGreaterThan(1);
    // A slow associations answer, so the loading state is there to be seen.
    env.replica.hubspot.state.faults.push({ pathIncludes: '/crm/v4/objects/companies/5001/associations/contacts', delayMs: 1_500, times: 1 });
    const { page, panel } = await open(companyUrl('5001'));
    await recordPeopleCount(panel);
    await expect(panel.getByTestId('profile-name').textContent({ timeout: 15_000 })).resolves.toBe('Acme Robotics');
    const loading = panel.getByTestId('company-people-count-loading');
    await loading.waitFor({ timeout: 10_000 });
    await expect(loading.getAttribute('aria-busy')).resolves.toBe('true');
    await expect(loading.textContent()).resolves.toBe('Loading from HubSpot…');
    await panel.getByTestId('fact-people').locator('strong').filter({ hasText: String(ids.length) }).waitFor({ timeout: 15_000 });
    const people = panel.getByTestId('company-people');
    await expect(people.locator('li').count()).resolves.toBe(ids.length);
    for (const id of ids) await expect(people.textContent()).resolves.toContain(nameOf(id));
    await expect(panel.getByTestId('company-people-loading').count()).resolves.toBe(0);
    const counts = await peopleCounts(panel);
    expect(counts).not.toContain('0');
    expect(counts.at(-1)).toBe(String(ids.length));
    // Read through HubSpot's v4 associations, then one batch read of the contacts.
    const calls = env.apiRequests().map((r) => r.path);
    expect(calls.some((p) => p.startsWith('/crm/v4/objects/companies/5001/associations/contacts'))).toBe(true);
    expect(calls).toContain('/crm/v3/objects/contacts/batch/read');
    // A person of the company, never opened, is one click away and found by search.
    await people.getByRole('button', { name: nameOf(ids.at(-1)!) }).click();
    await panel.getByTestId('profile-name').filter({ hasText: nameOf(ids.at(-1)!) }).waitFor({ timeout: 10_000 });
    await Promise.all([page.close(), panel.close()]);
    const home = await env.openPanel(undefined, { viewport: SIDE_PANEL });
    await home.getByTestId('search-input').fill(nameOf(ids[1]!).split(' ')[1]!);
    await home.getByTestId('search-results').getByText(nameOf(ids[1]!)).first().waitFor({ timeout: 10_000 });
    await home.close();
  });

  it('a tool that cannot list them says so in its own words, and the people already known stay listed', async () => {
    const [known] = contactIdsOfCompany(env.replica.hubspot.data, '5002');
    const contact = await open(contactUrl(known!));
    await contact.panel.getByTestId('profile-name').waitFor({ timeout: 15_000 });
    await Promise.all([contact.page.close(), contact.panel.close()]);
    env.replica.hubspot.state.faults.push({
      pathIncludes: '/crm/v4/objects/companies/5002/associations/contacts',
      status: 403,
      body: { status: 'error', message: 'This app hasn’t been granted all required scopes to make this call.', category: 'MISSING_SCOPES', correlationId: 'c0ffee' },
      times: 1,
    });
    const { page, panel } = await open(companyUrl('5002'));
    const error = panel.getByTestId('company-people-error');
    await error.waitFor({ timeout: 15_000 });
    await expect(error.textContent()).resolves.toMatch(/^HubSpot: .*required scopes/);
    await expect(panel.getByTestId('company-people').textContent()).resolves.toContain(nameOf(known!));
    await panel.getByTestId('fact-people').locator('strong').filter({ hasText: '1' }).waitFor({ timeout: 5_000 });
    await Promise.all([page.close(), panel.close()]);
  });
});
