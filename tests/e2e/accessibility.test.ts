import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { contactUrl, PORTAL, startEnvironment, type Environment } from './environment';

let env: Environment;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core in the page (evaluated over the DevTools protocol, so the page's CSP does not block it). */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const results = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

beforeAll(async () => {
  env = await startEnvironment();
  await (await env.connect()).close();
  // Mailchimp adds list memberships to the profile's key facts.
  await (await env.connect(env.replica.demoTokens.mailchimp, 'mailchimp')).close();
});
afterAll(async () => {
  await env?.close();
});

describe('accessibility (axe-core, no serious or critical violations)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`Options, the profile, a company, search and metrics in ${scheme} mode`, async () => {
      const options = await env.context.newPage();
      await options.emulateMedia({ colorScheme: scheme });
      await options.goto(`chrome-extension://${env.extensionId}/options.html`);
      await options.getByTestId('connected-account').first().waitFor();
      expect(await seriousViolations(options)).toEqual([]);

      const page = await env.context.newPage();
      await page.goto(contactUrl('101'));
      const panel = await env.openPanel(page);
      await panel.emulateMedia({ colorScheme: scheme });
      await panel.getByTestId('profile-name').waitFor({ timeout: 15_000 });
      await panel.getByTestId('memberships').waitFor({ timeout: 15_000 });
      await panel.getByTestId('fact-last-conversation').getByRole('button').waitFor({ timeout: 15_000 });
      await panel.getByTestId('timeline').waitFor({ timeout: 15_000 });
      expect(await seriousViolations(panel)).toEqual([]);

      const companyPage = await env.context.newPage();
      await companyPage.goto(`https://app.hubspot.com/contacts/${PORTAL}/record/0-2/5001`);
      const company = await env.openPanel(companyPage);
      await company.emulateMedia({ colorScheme: scheme });
      await company.getByTestId('company-deals').waitFor({ timeout: 15_000 });
      await company.getByTestId('company-people').waitFor({ timeout: 15_000 });
      expect(await seriousViolations(company)).toEqual([]);
      await Promise.all([companyPage.close(), company.close()]);

      const home = await env.openPanel();
      await home.emulateMedia({ colorScheme: scheme });
      await home.getByTestId('search-input').fill('ann');
      await home.getByTestId('search-results').waitFor();
      expect(await seriousViolations(home)).toEqual([]);
      await home.getByTestId('view-metrics').click();
      await home.getByTestId('metrics-empty').or(home.getByTestId('metric').first()).waitFor();
      expect(await seriousViolations(home)).toEqual([]);
      await Promise.all([options.close(), page.close(), panel.close(), home.close()]);
    });
  }
});
