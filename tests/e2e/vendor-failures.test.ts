import { afterEach, describe, expect, it } from 'vitest';
import { contactUrl, startEnvironment, type Environment } from './environment';

const STRIPE_KEY = 'sk_test_51DemoAcmeReplica0000000000000000000000000000000000000000';
let env: Environment | undefined;

/**
 * A fresh browser for each failure: Stripe's 429 pauses our Stripe requests for its Retry-After,
 * and Chrome itself holds back an extension's requests to URLs that keep failing with 5xx.
 */
async function connectedEnvironment(): Promise<Environment> {
  env = await startEnvironment();
  await (await env.connect()).close();
  await (await env.connect(STRIPE_KEY, 'stripe')).close();
  return env;
}

async function panelFor(current: Environment, id: string) {
  const page = await current.context.newPage();
  await page.goto(contactUrl(id));
  const panel = await current.openPanel(page);
  await panel.getByTestId('profile-name').waitFor({ timeout: 15_000 });
  return panel;
}

afterEach(async () => {
  await env?.close();
  env = undefined;
});

describe('one vendor failing never blanks the others', () => {
  it('a vendor answering 500s: its own section says so, the profile stays', async () => {
    const current = await connectedEnvironment();
    current.replica.stripe.state.faults.push({ pathIncludes: '/v1/customers/search', status: 500, body: { error: { type: 'api_error', message: 'Internal error' } }, times: 20 });
    const panel = await panelFor(current, '103');
    await expect(panel.getByTestId('tool-stripe').getByTestId('tool-error').textContent({ timeout: 20_000 })).resolves.toContain('Stripe answered 500');
    expect(await panel.getByTestId('field-emails').textContent()).toContain('@');
  });

  it('a vendor rate-limiting for longer than a lookup may wait: said at once, and not asked again meanwhile', async () => {
    const current = await connectedEnvironment();
    current.replica.stripe.state.faults.push({ pathIncludes: '/v1/customers/search', status: 429, headers: { 'retry-after': '60' }, body: { error: { type: 'rate_limit_error', message: 'Too many requests' } }, times: 20 });
    const first = await panelFor(current, '105');
    await expect(first.getByTestId('tool-stripe').getByTestId('tool-error').textContent({ timeout: 20_000 })).resolves.toContain('rate limiting');
    const asked = current.replica.stripe.state.requests.length;
    const second = await panelFor(current, '107');
    await expect(second.getByTestId('tool-stripe').getByTestId('tool-error').textContent({ timeout: 20_000 })).resolves.toMatch(/rate limiting requests; try again in \d+ s/);
    expect(current.replica.stripe.state.requests.length).toBe(asked);
    expect(await second.getByTestId('field-emails').textContent()).toContain('@');
  });
});
