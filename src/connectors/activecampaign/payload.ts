import type { z } from '../../model/zod-setup';
import type { CustomerRecord } from '../../model/record';
import type { PayloadReader } from '../contract';
import { ConnectorError, parseVendorPayload } from '../errors';
import { normalizeAcContact, normalizeAcDeal, normalizeAcList, type AcNormalizeContext } from './normalize';
import { acCampaignsPage, acContactListsPage, acContactsPage, acContactSync, acContactWithRelations, acDealsPage, acErrorMessage, acListsPage } from './schemas';

/**
 * Canonical records from a saved ActiveCampaign v3 response (contacts page, one contact with its
 * side-loads, contact sync, lists, deals), for `npm run normalize` and imports. An error body is
 * refused with ActiveCampaign's own words.
 */
export function normalizeActiveCampaignPayload(payload: unknown, account: string): CustomerRecord[] {
  const body = payload && typeof payload === 'object' ? (payload as Record<string, unknown>) : {};
  const read = <T extends z.ZodMiniType>(schema: T, object: string) => parseVendorPayload('ActiveCampaign', schema, payload, object);
  const ctx: AcNormalizeContext = { account, fetchedAt: Date.now() };
  if ('contacts' in body) return read(acContactsPage, 'contacts page').contacts.map((c) => normalizeAcContact(c, ctx));
  if ('contact' in body && 'contactLists' in body) {
    const found = read(acContactWithRelations, 'contact');
    const deals = found.deals ?? [];
    return [normalizeAcContact(found.contact, ctx, found.contactLists ?? [], deals), ...deals.map((d) => normalizeAcDeal(d, ctx))];
  }
  if ('contact' in body) return [normalizeAcContact(read(acContactSync, 'contact').contact, ctx)];
  if ('lists' in body) return read(acListsPage, 'lists page').lists.map((l) => normalizeAcList(l, ctx));
  if ('deals' in body) return read(acDealsPage, 'deals page').deals.map((d) => normalizeAcDeal(d, ctx));
  if ('contactLists' in body) {
    read(acContactListsPage, 'list memberships');
    // Memberships alone name no person we could show; nothing to import.
    return [];
  }
  if ('campaigns' in body) {
    read(acCampaignsPage, 'campaigns page');
    // Campaigns are metrics (open and click rates), not records of a person.
    return [];
  }
  const said = acErrorMessage(payload);
  if (said) throw new ConnectorError('schema', `ActiveCampaign answered with an error: ${said}`, { path: '(root)' });
  throw new ConnectorError('schema', 'ActiveCampaign payload is not a contact, contacts page, contact sync, lists page or deals page.', { path: '(root)' });
}

/** The import reader src/import/normalize-payload.ts finds by this name. */
export const readPayload: PayloadReader = normalizeActiveCampaignPayload;
