import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactUrl, startEnvironment, type Environment } from './environment';

let env: Environment;

beforeAll(async () => {
  env = await startEnvironment();
  await (await env.connect()).close();
});
afterAll(async () => {
  await env?.close();
});

describe('hostile vendor data', () => {
  it('renders markup and script URLs from a vendor as inert text', async () => {
    const contact = env.replica.hubspot.data.contacts.find((c: { id: string }) => c.id === '102');
    Object.assign(contact.properties, {
      firstname: '<img src=x onerror="document.title=\'pwned\'">',
      lastname: '<script>document.title="pwned"</script>',
      jobtitle: 'javascript:alert(1)',
      phone: '"><svg onload=alert(1)>',
    });
    const page = await env.context.newPage();
    await page.goto(contactUrl('102'));
    const panel = await env.openPanel(page);
    const name = await panel.getByTestId('profile-name').textContent({ timeout: 15_000 });
    expect(name).toBe('<img src=x onerror="document.title=\'pwned\'"> <script>document.title="pwned"</script>');
    await expect(panel.locator('.subtitle').textContent()).resolves.toContain('javascript:alert(1)');
    expect(await panel.locator('main img, main script, main svg').count()).toBe(0);
    expect(await panel.title()).toBe('Customer view');
    // Links out of the panel are only the vendor's https console and mailto/tel.
    const hrefs = await panel.locator('main a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).getAttribute('href') ?? ''));
    expect(hrefs.every((href) => /^(https:\/\/app\.hubspot\.com\/|mailto:|tel:)/.test(href))).toBe(true);
    await Promise.all([page.close(), panel.close()]);
  });

});
