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
export function normalizeBrevoPayload(payload: unknown, account: string, notes: string[] = []): CustomerRecord[] {
  const body = payload && typeof payload === 'object' && !Array.isArray(payload) ? (payload as Record<string, unknown>) : {};
  const read = <T extends z.ZodMiniType>(schema: T, object: string): z.infer<T> => parseVendorPayload('Brevo', schema, payload, object);
  const ctx: BrevoNormalizeContext = { account, fetchedAt: Date.now() };
  /** Checked against its schema, so a wrong shape is still named; holding no customer record, it is said in `notes`. */
  const recordless = <T extends z.ZodMiniType>(schema: T, object: string, why: string): CustomerRecord[] => {
    read(schema, object);
    notes.push(why);
    return [];
  };
  if ('code' in body && 'message' in body && !('id' in body)) {
    const error = read(brevoErrorSchema, 'error');
    throw new ConnectorError('schema', `This is a Brevo error response, not records: ${error.code}: ${error.message}`, { path: 'code', vendorMessage: `${error.code}: ${error.message}` });
  }
  if ('contacts' in body) return read(brevoContactsPage, 'contacts page').contacts.map((c) => normalizeBrevoContact(c, ctx));
  if ('lists' in body) return (read(brevoListsPage, 'lists page').lists ?? []).map((l) => normalizeBrevoList(l, ctx));
  if ('items' in body) return (read(brevoDealsPage, 'deals page').items ?? []).map((d) => normalizeBrevoDeal(d, ctx));
  if ('campaigns' in body) return recordless(brevoEmailCampaignsPage, 'email campaigns', 'Checked a page of Brevo email campaigns: campaigns name no contact, so nothing was imported (a contact’s own statistics bring its campaign emails).');
  if ('email' in body && 'listIds' in body) {
    const contact = read(brevoContactSchema, 'contact');
    return [normalizeBrevoContact(contact, ctx), ...normalizeBrevoCampaignEvents(contact.id, contact.statistics, ctx)];
  }
  if ('totalSubscribers' in body || 'uniqueSubscribers' in body) return [normalizeBrevoList(read(brevoListSchema, 'list'), ctx)];
  if ('linkedContactsIds' in body || ('attributes' in body && typeof body.id === 'string')) return [normalizeBrevoDeal(read(brevoDealSchema, 'deal'), ctx)];
  if ('statistics' in body && 'subject' in body) return recordless(brevoEmailCampaignSchema, 'email campaign', 'Checked a Brevo email campaign: it names no contact, so nothing was imported.');
  if ('organization_id' in body || 'companyName' in body) return recordless(brevoAccountSchema, 'account', 'Checked a Brevo account: it is the account itself, not a customer, so nothing was imported.');
  if ('messagesSent' in body || 'opened' in body || 'clicked' in body) return recordless(brevoCampaignStatsSchema, 'contact campaign statistics', 'Checked a Brevo contact’s campaign statistics: they do not say whose they are, so nothing was imported (a saved contact carries the same statistics).');
  throw new ConnectorError('schema', 'Brevo payload is not a contact, contacts page, list, lists page, deal, deals page, email campaign, account or campaign statistics.', { path: '(root)' });
}

/** The import reader src/import/normalize-payload.ts finds by this name. */
export const readPayload: PayloadReader = normalizeBrevoPayload;
