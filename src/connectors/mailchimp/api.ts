import type { z } from '../../model/zod-setup';
import { requestJson } from '../http';
import { RateLimiter } from '../rate-limiter';
import { ConnectorError, parseVendorPayload } from '../errors';
import { MAILCHIMP_DC } from './pages';
import { mailchimpActivityFeed, mailchimpListSchema, mailchimpListsPage, mailchimpMemberIdsPage, mailchimpMemberSchema, mailchimpMembersPage, mailchimpRoot, mailchimpSearchMembers } from './schemas';

/**
 * Mailchimp allows 10 simultaneous connections per user and publishes no per-second figure;
 * 5 starts a second keeps us well inside that with ordinary response times.
 */
const limiter = new RateLimiter(5, 1000);

/** The data centre after the key's last '-': `…-us6` → `us6`. */
export function mailchimpDc(apiKey: string): string {
  const key = apiKey.trim();
  const dc = key.slice(key.lastIndexOf('-') + 1);
  if (key.lastIndexOf('-') < 1 || !MAILCHIMP_DC.test(dc)) {
    throw new ConnectorError('auth', 'That is not a Mailchimp API key: it should end in the data centre, like “…-us6”.');
  }
  return dc;
}

/** Only ever `https://<dc>.api.mailchimp.com/3.0`: the data centre is checked, so the key cannot be sent elsewhere. */
export function mailchimpOrigin(apiKey: string): string {
  return `https://${mailchimpDc(apiKey)}.api.mailchimp.com/3.0`;
}

/** Mailchimp may throttle with a 403 instead of a 429; its problem-detail title gives it away. */
export function isMailchimpRateLimited(status: number, body: string): boolean {
  if (status === 429) return true;
  if (status !== 403) return false;
  try {
    const parsed: unknown = JSON.parse(body);
    return !!parsed && typeof parsed === 'object' && 'title' in parsed && parsed.title === 'Too Many Requests';
  } catch {
    return false;
  }
}

const MEMBER_FIELDS = 'members.id,members.web_id,members.list_id,total_items';

export class MailchimpApi {
  private readonly origin: string;
  constructor(
    private readonly apiKey: string,
    private readonly fetchImpl?: typeof fetch,
  ) {
    this.origin = mailchimpOrigin(apiKey);
  }

  private async get<T extends z.ZodMiniType>(path: string, schema: T, object: string): Promise<z.infer<T>> {
    const token = this.apiKey.trim();
    const body = await requestJson({
      vendor: 'Mailchimp',
      object,
      url: `${this.origin}${path}`,
      token,
      // HTTP Basic with any user name and the API key as the password.
      authHeaders: { authorization: `Basic ${btoa(`anystring:${token}`)}` },
      limiter,
      fetchImpl: this.fetchImpl,
      isRateLimited: isMailchimpRateLimited,
    });
    return parseVendorPayload('Mailchimp', schema, body, object);
  }

  root() {
    return this.get('/', mailchimpRoot, 'account');
  }
  lists(offset = 0) {
    return this.get(`/lists?${new URLSearchParams({ count: '100', offset: String(offset) })}`, mailchimpListsPage, 'audiences');
  }
  list(listId: string) {
    return this.get(`/lists/${encodeURIComponent(listId)}`, mailchimpListSchema, `audience ${listId}`);
  }
  member(listId: string, hash: string) {
    return this.get(`/lists/${encodeURIComponent(listId)}/members/${encodeURIComponent(hash)}`, mailchimpMemberSchema, `contact ${hash} in audience ${listId}`);
  }
  members(listId: string, offset: number, count = 500) {
    return this.get(`/lists/${encodeURIComponent(listId)}/members?${new URLSearchParams({ count: String(count), offset: String(offset) })}`, mailchimpMembersPage, `contacts of audience ${listId}`);
  }
  /** The member's newest activity in this audience (opens, clicks, sends...), `count` items. */
  activityFeed(listId: string, hash: string, count: number) {
    return this.get(`/lists/${encodeURIComponent(listId)}/members/${encodeURIComponent(hash)}/activity-feed?${new URLSearchParams({ count: String(count) })}`, mailchimpActivityFeed, `campaign activity of contact ${hash} in audience ${listId}`);
  }
  /** Ids only, 1000 at a time: for finding a member by the console's web id. */
  memberIds(listId: string, offset: number) {
    return this.get(`/lists/${encodeURIComponent(listId)}/members?${new URLSearchParams({ count: '1000', offset: String(offset), fields: MEMBER_FIELDS })}`, mailchimpMemberIdsPage, `contact ids of audience ${listId}`);
  }
  searchMembers(query: string) {
    return this.get(`/search-members?${new URLSearchParams({ query })}`, mailchimpSearchMembers, `contact search for ${query}`);
  }
}
