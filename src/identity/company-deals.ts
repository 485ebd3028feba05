import type { CustomerRecord } from '../model/record';
import type { ResolvedProfile } from './resolve';
import { sumInOneCurrency, type Money } from './billing';
import { provenanceOf, type Sourced } from './provenance';

/** Won, lost or closed in any tool's words: HubSpot `Closed Won` (or the `closedwon` id), Salesforce `Closed Lost`, Pipedrive `won`/`lost`. */
const CLOSED_DEAL = /^(closed|won|lost|deleted)/i;

export function isOpenDeal(deal: CustomerRecord): boolean {
  return !CLOSED_DEAL.test(deal.fields.status?.trim() ?? '');
}

export interface CompanyDeals {
  /** HubSpot deals, Salesforce opportunities, Pipedrive deals: open ones first, then newest first. */
  deals: CustomerRecord[];
  /** How many are open, and what they are worth in the first open deal's currency. */
  open: Sourced<number> & { amount?: Money };
}

/** The deals of the company in every tool, from the records linked to its members. */
export function companyDeals(profile: ResolvedProfile): CompanyDeals {
  const when = (r: CustomerRecord) => r.fields.createdAt ?? r.updatedAt;
  const deals = profile.activity.filter((r) => r.type === 'deal').sort((a, b) => Number(isOpenDeal(b)) - Number(isOpenDeal(a)) || when(b) - when(a));
  const open = deals.filter(isOpenDeal);
  const amount = sumInOneCurrency(open, (d) => d.fields.amount);
  return { deals, open: { value: open.length, from: provenanceOf(deals), ...(amount ? { amount: amount.value } : {}) } };
}
