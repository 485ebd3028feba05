import type { z } from '../../model/zod-setup';
import type { CustomerRecord } from '../../model/record';
import type { PayloadReader } from '../contract';
import { ConnectorError, parseVendorPayload } from '../errors';
import { consoleHostOfLinks, normalizeMailchimpList, normalizeMailchimpMembers, type MailchimpNormalizeContext } from './normalize';
import { mailchimpListSchema, mailchimpListsPage, mailchimpMemberSchema, mailchimpMembersPage, mailchimpSearchMembers } from './schemas';

/**
 * Canonical records from a saved Mailchimp response (members page, search-members, lists page,
 * one member, one audience), for `npm run normalize` and imports. Members sharing an email
 * become one person, as in the connector.
 */
export function normalizeMailchimpPayload(payload: unknown, account: string): CustomerRecord[] {
  const body = payload && typeof payload === 'object' ? (payload as Record<string, unknown>) : {};
  const read = <T extends z.ZodMiniType>(schema: T, object: string) => parseVendorPayload('Mailchimp', schema, payload, object);
  const ctx = (links: { _links?: Array<{ href: string }> } | undefined): MailchimpNormalizeContext => ({ account, consoleHost: consoleHostOfLinks(links ?? {}), fetchedAt: Date.now() });
  if ('members' in body) {
    const page = read(mailchimpMembersPage, 'members page');
    return normalizeMailchimpMembers(page.members, ctx(page.members[0] ?? page));
  }
  if ('exact_matches' in body) {
    const search = read(mailchimpSearchMembers, 'member search');
    return normalizeMailchimpMembers(search.exact_matches.members, ctx(search.exact_matches.members[0]));
  }
  if ('lists' in body) {
    const page = read(mailchimpListsPage, 'lists page');
    return page.lists.map((list) => normalizeMailchimpList(list, ctx(list)));
  }
  if ('email_address' in body) {
    const member = read(mailchimpMemberSchema, 'member');
    return normalizeMailchimpMembers([member], ctx(member));
  }
  if ('web_id' in body && 'name' in body) {
    const list = read(mailchimpListSchema, 'list');
    return [normalizeMailchimpList(list, ctx(list))];
  }
  throw new ConnectorError('schema', 'Mailchimp payload is not a member, members page, member search, audience or lists page.', { path: '(root)' });
}

/** The import reader src/import/normalize-payload.ts finds by this name. */
export const readPayload: PayloadReader = normalizeMailchimpPayload;
