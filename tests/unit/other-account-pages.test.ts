import { beforeEach, describe, expect, it, vi } from 'vitest';
import { customerDb } from '../../src/store/db';
import { connectorFor } from '../../src/connectors/registry';
import { detectPage } from '../../src/connectors/page-registry';
import { salesforce } from '../../src/connectors/salesforce';
import type { Connection } from '../../src/model/health';
import { makeHubspotData } from '../replica/seed.mjs';
import { createSalesforceReplica, SALESFORCE_ANN, SALESFORCE_DEMO_TOKEN, SALESFORCE_SITE } from '../replica/salesforce.mjs';
import { answerFromReplica } from './replica-fetch';

// A console page whose URL does not name its account (Salesforce, Pipedrive) is the connected
// account's only when its host is that account's console: a sandbox or another org's page with
// the same record id must not show production's record, nor make links point at its host.
vi.mock('../../src/platform/browser', async () => ({ browser: (await import('./memory-browser')).memoryBrowser() }));
const { browser } = await import('../../src/platform/browser');
const { fetchRecord } = await import('../../src/background/record-service');

const ORG = '00D5g0000012345EAA';
const salesforceConnection: Connection = { connector: 'salesforce', authMode: 'token', site: 'https://acme.my.salesforce.com', account: ORG, accountLabel: 'Acme Demo Inc.', consoleHost: 'acme.lightning.force.com', isSandbox: false, connectedAt: 1 };
const pipedriveConnection: Connection = { connector: 'pipedrive', authMode: 'token', site: 'acme', account: '77', accountLabel: 'Acme Ltd', consoleHost: 'acme.pipedrive.com', isSandbox: false, connectedAt: 1 };
const page = (href: string) => detectPage(href)!;
const ANN_ID = '0035g0000000101AAA';

beforeEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(customerDb().tables.map((table) => table.clear()));
  const local = browser.storage.local;
  await local.remove(Object.keys(await local.get(null)));
  await local.set({ 'connection:salesforce': salesforceConnection, 'secret:salesforce': 'tok', 'connection:pipedrive': pipedriveConnection, 'secret:pipedrive': 'tok' });
});

describe('pages of another org or company', () => {
  it.each([
    ['a Salesforce sandbox', `https://acme--uat.sandbox.lightning.force.com/lightning/r/Contact/${ANN_ID}/view`, /another Salesforce org \(acme--uat\.sandbox\.lightning\.force\.com\)/],
    ['another Salesforce org', `https://otherco.lightning.force.com/lightning/r/Contact/${ANN_ID}/view`, /another Salesforce org/],
    ['another org’s Classic page', `https://otherco.my.salesforce.com/${ANN_ID}`, /another Salesforce org/],
    ['another Pipedrive company', 'https://otherco.pipedrive.com/person/1', /another Pipedrive company \(otherco\.pipedrive\.com\)/],
  ])('refuses %s without calling the vendor', async (_what, href, message) => {
    const context = page(href);
    const called = vi.spyOn(connectorFor(context.connector), 'fetchRecord');
    await expect(fetchRecord(context, true)).resolves.toEqual({ ok: false, error: { kind: 'wrong-account', message: expect.stringMatching(message) } });
    expect(called).not.toHaveBeenCalled();
  });

  it.each([
    ['the connected org’s Lightning page', `https://acme.lightning.force.com/lightning/r/Contact/${ANN_ID}/view`],
    ['its Classic page', `https://acme.my.salesforce.com/${ANN_ID}`],
    ['the connected Pipedrive company', 'https://acme.pipedrive.com/person/1'],
    ['app.pipedrive.com, which redirects to the signed-in company', 'https://app.pipedrive.com/person/1'],
  ])('fetches %s as the connected account’s record', async (_what, href) => {
    const context = page(href);
    const called = vi.spyOn(connectorFor(context.connector), 'fetchRecord').mockResolvedValue({ records: [] });
    await fetchRecord(context, true);
    expect(called).toHaveBeenCalledWith(expect.objectContaining({ account: context.connector === 'salesforce' ? ORG : '77' }), expect.anything(), expect.anything());
  });

  it('links a Salesforce record to the connected org’s console, whatever host the page was on', async () => {
    const replica = createSalesforceReplica(makeHubspotData());
    vi.stubGlobal('fetch', vi.fn(answerFromReplica(replica)));
    try {
      const credentials = { site: SALESFORCE_SITE, token: SALESFORCE_DEMO_TOKEN };
      const connection = { ...(await salesforce.verify(credentials)), connectedAt: 1 };
      const classic = { ...page(`https://acme.my.salesforce.com/${SALESFORCE_ANN.id}`), account: connection.account, host: 'otherco.lightning.force.com' };
      const { records } = await salesforce.fetchRecord(classic, credentials, connection);
      expect(records.map((r) => new URL(r.url).hostname)).toEqual(records.map(() => 'acme.lightning.force.com'));
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
