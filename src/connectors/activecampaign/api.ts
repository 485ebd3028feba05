import type { z } from '../../model/zod-setup';
import { requestJson } from '../http';
import { RateLimiter } from '../rate-limiter';
import { ConnectorError, parseVendorPayload } from '../errors';
import { ACCOUNT_NAME } from './pages';
import { acCampaignsPage, acContactsPage, acContactWithRelations, acDealsPage, acErrorMessage, acListsPage, acTrackingLogsPage, acUserMe } from './schemas';

/** ActiveCampaign allows 5 requests a second per account; we pace at half (5 starts per 2 s). */
const limiter = new RateLimiter(5, 2000);

/**
 * The account name from what the user pasted: `acme`, `acme.api-us1.com`, the Developer page's
 * `https://acme.api-us1.com` or the console's `https://acme.activehosted.com/...`.
 */
export function activecampaignAccount(site: string | undefined): string {
  const raw = (site ?? '').trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '');
  const account = raw.replace(/\.(api-us1|activehosted)\.com$/, '');
  if (!ACCOUNT_NAME.test(account)) {
    throw new ConnectorError('auth', 'ActiveCampaign needs your account URL, like https://acme.api-us1.com (Settings → Developer).');
  }
  return account;
}

export class ActiveCampaignApi {
  readonly account: string;
  private readonly origin: string;
  constructor(
    site: string | undefined,
    private readonly token: string,
    private readonly fetchImpl?: typeof fetch,
  ) {
    this.account = activecampaignAccount(site);
    // Only ever the account's own API host: the token cannot be sent anywhere else.
    this.origin = `https://${this.account}.api-us1.com/api/3`;
  }

  private async get<T extends z.ZodMiniType>(path: string, schema: T, object: string): Promise<z.infer<T>> {
    const token = this.token.trim();
    const body = await requestJson({
      vendor: 'ActiveCampaign',
      object,
      url: `${this.origin}${path}`,
      token,
      authHeaders: { 'Api-Token': token },
      limiter,
      fetchImpl: this.fetchImpl,
      vendorMessage: acErrorMessage,
    });
    return parseVendorPayload('ActiveCampaign', schema, body, object);
  }

  /** The one call that proves the token: the user it belongs to, on the account's host. */
  me() {
    return this.get('/users/me', acUserMe, 'user');
  }
  contact(id: string) {
    return this.get(`/contacts/${encodeURIComponent(id)}`, acContactWithRelations, `contact ${id}`);
  }
  contactsByEmail(email: string) {
    return this.get(`/contacts?${new URLSearchParams({ email })}`, acContactsPage, `contacts with email ${email}`);
  }
  /** Oldest id first, so offset paging stays stable while contacts are added. */
  contacts(offset: number, limit: number) {
    return this.get(`/contacts?${new URLSearchParams({ limit: String(limit), offset: String(offset), 'orders[id]': 'ASC' })}`, acContactsPage, 'contacts');
  }
  /** How many contacts are active on a list: one contact read, its `meta.total`. */
  listSize(listId: string) {
    return this.get(`/contacts?${new URLSearchParams({ listid: listId, status: '1', limit: '1' })}`, acContactsPage, `contacts of list ${listId}`);
  }
  lists() {
    return this.get('/lists?limit=100', acListsPage, 'lists');
  }
  deals(offset: number, limit: number) {
    return this.get(`/deals?${new URLSearchParams({ limit: String(limit), offset: String(offset) })}`, acDealsPage, 'deals');
  }
  /** What a contact did with campaigns (opens, clicks, sends...): one page, the newest are kept. */
  trackingLogs(contactId: string, limit = 100) {
    return this.get(`/contacts/${encodeURIComponent(contactId)}/trackingLogs?${new URLSearchParams({ limit: String(limit) })}`, acTrackingLogsPage, `tracking logs of contact ${contactId}`);
  }
  /** The newest campaigns (by send date). */
  campaigns(limit = 20) {
    return this.get(`/campaigns?${new URLSearchParams({ limit: String(limit), 'orders[sdate]': 'DESC' })}`, acCampaignsPage, 'campaigns');
  }
}
