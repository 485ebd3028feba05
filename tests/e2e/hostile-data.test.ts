import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactUrl, DEMO_TOKEN, startEnvironment, storedSecrets, type Environment } from './environment';

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


  it('encrypts tokens with a passphrase, locks them, and unlocks only with the right one', async () => {
    const options = await env.context.newPage();
    await options.goto(`chrome-extension://${env.extensionId}/options.html`);
    await options.getByTestId('passphrase-input').fill('correct horse battery');
    await options.getByTestId('vault-enable').click();
    await options.getByTestId('vault-lock').waitFor();
    const stored = await (await env.worker()).evaluate(() => chrome.storage.local.get(null));
    expect(JSON.stringify(stored)).not.toContain(DEMO_TOKEN);
    // Tokens live in their own database (out of content scripts' reach), sealed.
    const secrets = await storedSecrets(env);
    expect(JSON.stringify(secrets)).not.toContain(DEMO_TOKEN);
    expect(secrets['token:hubspot']).toMatchObject({ iv: expect.any(String), data: expect.any(String) });

    await options.getByTestId('vault-lock').click();
    const page = await env.context.newPage();
    await page.goto(contactUrl('104'));
    const panel = await env.openPanel(page);
    await expect(panel.getByTestId('error-auth').textContent({ timeout: 15_000 })).resolves.toContain('locked with your passphrase');

    await options.getByTestId('passphrase-input').fill('wrong passphrase!');
    await options.getByTestId('vault-unlock').click();
    await expect(options.getByTestId('vault-error').textContent()).resolves.toContain('not the one');
    await options.getByTestId('passphrase-input').fill('correct horse battery');
    await options.getByTestId('vault-unlock').click();
    await options.getByTestId('vault-lock').waitFor();
    await panel.getByRole('button', { name: 'Try again' }).click();
    await panel.getByTestId('profile-name').waitFor({ timeout: 15_000 });
    await Promise.all([options.close(), page.close(), panel.close()]);
  });
});
