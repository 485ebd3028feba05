import type { ConnectorId, CustomerRecord } from '../model/record';
import type { ResolvedProfile } from './resolve';
import { vendorsWith } from '../connectors/vendors';

export interface Membership {
  /** As the tool says it: `Newsletter: subscribed` (Mailchimp), `VIP customers` (Klaviyo). */
  name: string;
  kind: 'list' | 'tag';
  connector: ConnectorId;
  /** The list's page when we have it, else the person's page in that tool. */
  url: string;
  fetchedAt: number;
}

/**
 * Marketing tools, whose lists, subscription types and tags say which campaigns reach the person.
 * Stripe's memberships are billing plans (shown as subscriptions and MRR) and Zendesk's tags are
 * support triage, so neither is listed here.
 */
const MARKETING_TOOLS: readonly ConnectorId[] = vendorsWith('marketingLists');

/** The list record a membership names: Klaviyo names it exactly, Mailchimp adds `: status`. */
function listOf(name: string, lists: CustomerRecord[]): CustomerRecord | undefined {
  return lists.find((list) => name === list.title || name.startsWith(`${list.title}: `));
}

/** Lists and campaigns the person is in, across tools, each with the tool that says so. */
export function membershipsOf(profile: ResolvedProfile): Membership[] {
  const seen = new Set<string>();
  const result: Membership[] = [];
  const add = (member: CustomerRecord, name: string, kind: Membership['kind'], url: string) => {
    const id = `${member.connector}|${kind}|${name.toLowerCase()}`;
    if (seen.has(id)) return;
    seen.add(id);
    result.push({ name, kind, connector: member.connector, url, fetchedAt: member.fetchedAt });
  };
  const members = profile.members.filter((m) => MARKETING_TOOLS.includes(m.connector));
  for (const member of members) {
    const lists = profile.activity.filter((r) => r.type === 'list' && member.links.includes(r.key));
    for (const name of member.fields.memberships ?? []) add(member, name, 'list', listOf(name, lists)?.url ?? member.url);
  }
  for (const member of members) for (const tag of member.fields.tags ?? []) add(member, tag, 'tag', member.url);
  return result;
}
