import { afterEach, describe, expect, it, vi } from 'vitest';
import { hubspot } from '../../../src/connectors/hubspot';
import { HubspotApi } from '../../../src/connectors/hubspot/api';

// The console host a connection keeps builds every "open in HubSpot" link and says which pages
// are the account's own: the account-info call's `uiDomain` is kept only when it is HubSpot's.
const accountInfo = (uiDomain: string) => vi.spyOn(HubspotApi.prototype, 'accountInfo').mockResolvedValue({ portalId: 4815162, accountType: 'STANDARD', uiDomain });
afterEach(() => vi.restoreAllMocks());

describe('HubSpot’s console host on connect', () => {
  it.each(['app.hubspot.com', 'app-eu1.hubspot.com', 'app-na2.hubspot.com', 'app-ap1.hubspot.com'])('keeps %s, a HubSpot console', async (host) => {
    accountInfo(host);
    await expect(hubspot.verify({ token: 'pat-na1-test' })).resolves.toMatchObject({ consoleHost: host });
  });

  it.each(['evil.example', 'app.hubspot.com.evil.example', 'acme.zendesk.com', 'app.hubspot.com/contacts', ''])('replaces %j with app.hubspot.com', async (host) => {
    accountInfo(host);
    await expect(hubspot.verify({ token: 'pat-na1-test' })).resolves.toMatchObject({ consoleHost: 'app.hubspot.com' });
  });
});
