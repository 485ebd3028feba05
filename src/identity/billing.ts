import type { ConnectorId, CustomerRecord } from '../model/record';
import { provenanceOf, type Sourced } from './provenance';
import { vendorsWith } from '../connectors/vendors';

export type Money = { amountMinor: number; currency: string };

/**
 * Tools whose money is what the customer was billed. Others' figures (Klaviyo's lifetime value
 * from shop orders) are often the same payments seen again, so they count only when no billing
 * tool knows the customer; adding both would count the revenue twice.
 */
const BILLING_TOOLS: readonly ConnectorId[] = vendorsWith('billing');

/** Sums one currency: the first record's wins, and says so by its code; other currencies are not converted. */
export function sumInOneCurrency(records: CustomerRecord[], pick: (r: CustomerRecord) => Money | undefined): Sourced<Money> | undefined {
  const priced = records.filter((r) => pick(r));
  if (priced.length === 0) return undefined;
  const currency = pick(priced[0]!)!.currency;
  const counted = priced.filter((r) => pick(r)!.currency === currency);
  return { value: { currency, amountMinor: counted.reduce((total, r) => total + pick(r)!.amountMinor, 0) }, from: provenanceOf(counted) };
}

/** Lifetime value or MRR across records: billing tools' figures, or else the others'. */
export function billedTotal(records: CustomerRecord[], pick: (r: CustomerRecord) => Money | undefined): Sourced<Money> | undefined {
  return sumInOneCurrency(records.filter((r) => BILLING_TOOLS.includes(r.connector)), pick) ?? sumInOneCurrency(records.filter((r) => !BILLING_TOOLS.includes(r.connector)), pick);
}
