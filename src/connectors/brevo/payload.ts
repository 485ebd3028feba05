import type { z } from '../../model/zod-setup';
import type { CustomerRecord } from '../../model/record';
import type { PayloadReader } from '../contract';
import { ConnectorError, parseVendorPayload } from '../errors';
import { normalizeBrevoCampaignEvents, normalizeBrevoContact, normalizeBrevoDeal, normalizeBrevoList, type BrevoNormalizeContext } from './normalize';
import { brevoAccountSchema, brevoCampaignStatsSchema, brevoContactSchema, brevoContactsPage, brevoDealSchema, brevoDealsPage, brevoEmailCampaignSchema, brevoEmailCampaignsPage, brevoErrorSchema, brevoListSchema, brevoListsPage } from './schemas';

/**
 * Records from a saved Brevo API response (for `npm run normalize` and imports): contacts (one,
 * a page, a list's contacts; a contact's statistics become its campaign events), lists, CRM
 * deals. The account, email campaigns and a contact's bare campaign statistics (which do not say
 * whose they are) are read and hold no customer record; an error body is refused with Brevo's words.
 */
export function normalizeBrevoPayload(payload: unknown, account: string): CustomerRecord[] {
  const body = payload && typeof payload === 'object' && !Array.isArray(payload) ? (payload as Record<string, unknown>) : {};
  const read = <T extends z.ZodMiniType>(schema: T, object: string): z.infer<T> => parseVendorPayload('Brevo', schema, payload, object);
  const ctx: BrevoNormalizeContext = { account, fetchedAt: Date.now() };
  /** Checked against its schema, so a wrong shape is still named, but holding no customer record. */
  const recordless = <T extends z.ZodMiniType>(schema: T, object: string): CustomerRecord[] => (read(schema, object), []);
  if ('code' in body && 'message' in body && !('id' in body)) {
    const error = read(brevoErrorSchema, 'error');
    throw new ConnectorError('vendor', `Brevo answered with an error, not records: ${error.code}: ${error.message}`, { path: 'code', vendorMessage: `${error.code}: ${error.message}` });
  }
  if ('contacts' in body) return read(brevoContactsPage, 'contacts page').contacts.map((c) => normalizeBrevoContact(c, ctx));
  if ('lists' in body) return (read(brevoListsPage, 'lists page').lists ?? []).map((l) => normalizeBrevoList(l, ctx));
  if ('items' in body) return (read(brevoDealsPage, 'deals page').items ?? []).map((d) => normalizeBrevoDeal(d, ctx));
  if ('campaigns' in body) return recordless(brevoEmailCampaignsPage, 'email campaigns');
  if ('email' in body && 'listIds' in body) {
    const contact = read(brevoContactSchema, 'contact');
    return [normalizeBrevoContact(contact, ctx), ...normalizeBrevoCampaignEvents(contact.id, contact.statistics, ctx)];
  }
  if ('totalSubscribers' in body || 'uniqueSubscribers' in body) return [normalizeBrevoList(read(brevoListSchema, 'list'), ctx)];
  if ('linkedContactsIds' in body || ('attributes' in body && typeof body.id === 'string')) return [normalizeBrevoDeal(read(brevoDealSchema, 'deal'), ctx)];
  if ('statistics' in body && 'subject' in body) return recordless(brevoEmailCampaignSchema, 'email campaign');
  if ('organization_id' in body || 'companyName' in body) return recordless(brevoAccountSchema, 'account');
  if ('messagesSent' in body || 'opened' in body || 'clicked' in body) return recordless(brevoCampaignStatsSchema, 'contact campaign statistics');
  throw new ConnectorError('schema', 'Brevo payload is not a contact, contacts page, list, lists page, deal, deals page, email campaign, account or campaign statistics.', { path: '(root)' });
}

/** The import reader src/import/normalize-payload.ts finds by this name. */
export const readPayload: PayloadReader = normalizeBrevoPayload;
