import type { z } from '../../model/zod-setup';
import { requestJson } from '../http';
import { RateLimiter } from '../rate-limiter';
import { ConnectorError, parseVendorPayload } from '../errors';
import { brevoAccountSchema, brevoContactSchema, brevoContactsPage, brevoDealsPage, brevoEmailCampaignsPage, brevoErrorWords, brevoListSchema, brevoListsPage } from './schemas';

/** Fixed: the key only ever goes here (no user input reaches the origin). */
export const BREVO_API_ORIGIN = 'https://api.brevo.com';

/**
 * Brevo's general limits (developers.brevo.com/docs/api-limits): everything under
 * /v3/contacts 10 requests a second and 36,000 an hour; every endpoint without its own line
 * (account, email campaigns, CRM deals) 100 an hour. We take half: 5 a second for contacts
 * (which is also half the hourly figure), 50 an hour for the rest.
 */
const contactsPace = new RateLimiter(5, 1_000);
/** For the other endpoints the hourly budget below is the limit; this holds the pause a 429 sets. */
const otherPace = new RateLimiter(5, 1_000);

/**
 * 50 calls an hour would make a waiting call wait up to an hour: past the budget a call is
 * refused at once as a rate limit (a secondary read then leaves its records out, with a warning).
 */
export class HourlyBudget {
  private readonly starts: number[] = [];
  constructor(
    private readonly max: number,
    private readonly now: () => number = Date.now,
  ) {}

  spend(object: string): void {
    const now = this.now();
    while (this.starts.length && this.starts[0]! <= now - 3_600_000) this.starts.shift();
    if (this.starts.length >= this.max) {
      const retryAfterMs = this.starts[0]! + 3_600_000 - now;
      throw new ConnectorError('rate-limit', `Brevo allows 100 calls an hour for the ${object}; we keep to half. Try again in ${Math.ceil(retryAfterMs / 60_000)} min.`, { retryAfterMs, object });
    }
    this.starts.push(now);
  }
}
const otherBudget = new HourlyBudget(50);

/** SMTP keys (xsmtpsib-) send mail over SMTP only; the API answers them 401. */
const SMTP_KEY = /^xsmtpsib-/;

export class BrevoApi {
  private readonly key: string;
  constructor(
    key: string,
    private readonly fetchImpl?: typeof fetch,
  ) {
    this.key = key.trim();
    if (!this.key) throw new ConnectorError('auth', 'Brevo needs an API key.');
    if (SMTP_KEY.test(this.key)) throw new ConnectorError('auth', 'That is a Brevo SMTP key: create an API key (it starts with xkeysib-) under SMTP & API → API keys.');
  }

  private async get<T extends z.ZodMiniType>(path: string, schema: T, object: string): Promise<z.infer<T>> {
    const contacts = path.startsWith('/v3/contacts');
    if (!contacts) otherBudget.spend(object);
    const body = await requestJson({
      vendor: 'Brevo',
      object,
      url: `${BREVO_API_ORIGIN}${path}`,
      token: this.key,
      authHeaders: { 'api-key': this.key },
      limiter: contacts ? contactsPace : otherPace,
      // Brevo's 429s carry no Retry-After: the reset header says when the window (a second or an hour) ends.
      resetHeader: 'x-sib-ratelimit-reset',
      vendorMessage: brevoErrorWords,
      fetchImpl: this.fetchImpl,
    });
    return parseVendorPayload('Brevo', schema, body, object);
  }

  account() {
    return this.get('/v3/account', brevoAccountSchema, 'account');
  }

  /** By id (digits) or by email: Brevo takes either as the identifier. */
  contact(identifier: string) {
    return this.get(`/v3/contacts/${encodeURIComponent(identifier)}`, brevoContactSchema, `contact ${identifier}`);
  }

  /** Offset paging; `count` in the answer is the account's total. */
  contactsPage(offset: number, limit: number) {
    const query = new URLSearchParams({ limit: String(limit), offset: String(offset), sort: 'asc' });
    return this.get(`/v3/contacts?${query}`, brevoContactsPage, 'contacts page');
  }

  list(id: string) {
    return this.get(`/v3/contacts/lists/${encodeURIComponent(id)}`, brevoListSchema, `list ${id}`);
  }

  /** Up to 50 lists a page (Brevo's maximum). */
  listsPage(offset: number) {
    const query = new URLSearchParams({ limit: '50', offset: String(offset) });
    return this.get(`/v3/contacts/lists?${query}`, brevoListsPage, 'lists page');
  }

  /** The newest sent email campaigns with their overall numbers, without their HTML. */
  sentCampaigns(limit: number) {
    const query = new URLSearchParams({ status: 'sent', statistics: 'globalStats', excludeHtmlContent: 'true', sort: 'desc', limit: String(limit), offset: '0' });
    return this.get(`/v3/emailCampaigns?${query}`, brevoEmailCampaignsPage, 'email campaigns');
  }

  /** The CRM deals linked to a contact. */
  dealsOfContact(id: number) {
    const query = new URLSearchParams({ 'filters[linkedContactsIds]': String(id), limit: '20', offset: '0' });
    return this.get(`/v3/crm/deals?${query}`, brevoDealsPage, `deals of contact ${id}`);
  }
}
