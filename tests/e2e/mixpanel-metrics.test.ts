import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIDE_PANEL, startEnvironment, type Environment } from './environment';
import { parseCsv } from '../../src/metrics/csv';
import { MIXPANEL_ANN, MIXPANEL_PROJECT } from '../replica/mixpanel.mjs';

/** Mixpanel connected through Options on its EU host beside HubSpot: its event counts and Ann's profile. */
let env: Environment;

beforeAll(async () => {
  env = await startEnvironment();
  await (await env.connect()).close();
  const options = await env.connect(env.replica.demoTokens.mixpanel, 'mixpanel', env.replica.mixpanelLogin);
  await expect(options.getByTestId('connector-mixpanel').getByTestId('connected-account').textContent({ timeout: 15_000 })).resolves.toContain(`Mixpanel project ${MIXPANEL_PROJECT} (EU`);
  await options.close();
}, 120_000);
afterAll(async () => {
  await env?.close();
});

const number = (text: string | null) => Number((text ?? '').replace(/[^\d.]/g, ''));

describe('Mixpanel event counts and profiles', () => {
  it('captures event counts, shows the change after new events and exports CSV that parses back', async () => {
    const panel = await env.openPanel();
    await panel.getByTestId('view-metrics').click();
    await panel.getByTestId('capture-all').click();
    const signups = panel.locator(`[data-testid="metric"][data-metric-id="mixpanel:${MIXPANEL_PROJECT}:event-count-7d:Signed up"]`);
    const total = panel.locator(`[data-testid="metric"][data-metric-id="mixpanel:${MIXPANEL_PROJECT}:events-30d"]`);
    const first = number(await signups.getByTestId('metric-value').textContent({ timeout: 20_000 }));
    expect(first).toBeGreaterThan(0);
    expect(number(await total.getByTestId('metric-value').textContent())).toBeGreaterThan(first);
    const queriesAfterFirst = env.replica.mixpanel.state.requests.length;

    // Five people sign up today; the second capture asks Mixpanel for today's counts only.
    env.replica.mixpanel.state.addEvents('Signed up', 5);
    await panel.getByTestId('capture-all').click();
    await signups.getByTestId('metric-value').filter({ hasText: (first + 5).toLocaleString('en-US') }).waitFor({ timeout: 20_000 });
    await expect(signups.getByTestId('delta-previous').textContent()).resolves.toBe(`since last +5 (+${((5 / first) * 100).toFixed(1)}%)`);
    const second = env.replica.mixpanel.state.requests.slice(queriesAfterFirst).map((r: { path: string }) => r.path);
    expect(second).toHaveLength(1);
    expect(second[0]).toMatch(/^\/api\/query\/events\?/);

    const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByTestId('export-csv').click()]);
    const rows = parseCsv(await readFile((await download.path())!, 'utf8'));
    expect(rows[0]).toEqual(['metric_id', 'metric', 'unit', 'captured_at', 'value']);
    const signupRows = rows.filter((r) => r[0] === `mixpanel:${MIXPANEL_PROJECT}:event-count-7d:Signed up`);
    expect(signupRows.map((r) => Number(r[4]))).toEqual([first, first + 5]);
    expect(signupRows.every((r) => r[2] === 'events' && r[3]!.endsWith('Z'))).toBe(true);
    await panel.close();
  });

  it('opens Ann from her HubSpot contact with her Mixpanel profile and events beside it', async () => {
    const page = await env.context.newPage();
    await page.goto(`https://app.hubspot.com/contacts/${env.replica.hubspot.data.portalId}/record/0-1/101`);
    const panel = await env.openPanel(page, { viewport: SIDE_PANEL });
    await expect(panel.getByTestId('profile-name').textContent({ timeout: 20_000 })).resolves.toBe('Ann Lee');
    const mixpanelTool = panel.getByTestId('tool-mixpanel');
    await mixpanelTool.getByText('Ann L.').waitFor({ timeout: 20_000 });
    await expect(mixpanelTool.locator(`a[href="https://eu.mixpanel.com/project/${MIXPANEL_PROJECT}/app/profile#distinct_id=${encodeURIComponent(MIXPANEL_ANN.id)}"]`).count()).resolves.toBeGreaterThan(0);
    // Her Mixpanel events are in the timeline with their tool; she was seen within a day.
    const timeline = panel.getByTestId('timeline');
    await timeline.locator('li').filter({ hasText: 'Exported Report' }).filter({ hasText: 'Mixpanel' }).first().waitFor({ timeout: 20_000 });
    await page.close();
    await panel.close();
  });

  it('reads Ann from her Mixpanel profile page', async () => {
    const page = await env.context.newPage();
    await page.goto(MIXPANEL_ANN.consoleUrl);
    const panel = await env.openPanel(page, { viewport: SIDE_PANEL });
    await expect(panel.getByTestId('profile-name').textContent()).resolves.toBe('Ann L.');
    await panel.getByTestId('tool-hubspot').getByText('Ann Lee').waitFor({ timeout: 20_000 });
    await page.close();
    await panel.close();
  });
});
