import type { z } from '../../model/zod-setup';
import type { CustomerRecord } from '../../model/record';
import type { PayloadReader } from '../contract';
import { ConnectorError, parseVendorPayload } from '../errors';
import { consoleHostOfUrl } from './pages';
import { normalizeMarketoActivities, normalizeMarketoLead, normalizeMarketoList, type MarketoNormalizeContext } from './normalize';
import { marketoActivitiesPage, marketoActivityTypesPage, marketoEnvelope, marketoLeadsPage, marketoMembershipPage, marketoPagingToken, marketoRecordStatusPage, marketoStaticListsPage, marketoTokenSchema } from './schemas';

const first = (body: Record<string, unknown>): Record<string, unknown> => {
  const result = Array.isArray(body.result) ? (body.result[0] as unknown) : undefined;
  return result && typeof result === 'object' ? (result as Record<string, unknown>) : {};
};

/**
 * Canonical records from a saved Marketo REST answer (leads, a static list or lists,
 * activities), for `npm run normalize` and imports. Answers that hold no customer (token,
 * paging token, activity types, list memberships, write statuses) read as none; a refusal
 * (`success: false`) is an error in Marketo's words.
 */
export function normalizeMarketoPayload(payload: unknown, account: string): CustomerRecord[] {
  const body = payload && typeof payload === 'object' ? (payload as Record<string, unknown>) : {};
  const read = <T extends z.ZodMiniType>(schema: T, object: string) => parseVendorPayload('Marketo', schema, payload, object);
  if ('access_token' in body) return (read(marketoTokenSchema, 'access token'), []);
  const envelope = read(marketoEnvelope, 'answer');
  if (!envelope.success) {
    const error = envelope.errors?.[0];
    throw new ConnectorError('vendor', `Marketo refused the request: ${error ? `${error.code} ${error.message}` : 'no reason given'}`, { vendorMessage: error?.message ?? '' });
  }
  const item = first(body);
  const ctx = (consoleHost = 'app.marketo.com'): MarketoNormalizeContext => ({ account, consoleHost, fetchedAt: Date.now() });
  if (!('result' in body)) return (read(marketoPagingToken, 'paging token'), []);
  if ('activityTypeId' in item) return normalizeMarketoActivities(read(marketoActivitiesPage, 'activities').result ?? [], ctx());
  if ('computedUrl' in item || 'folder' in item) {
    const lists = read(marketoStaticListsPage, 'static lists').result ?? [];
    return lists.map((list) => normalizeMarketoList(list, ctx(consoleHostOfUrl(list.computedUrl ?? undefined) ?? undefined)));
  }
  if ('listId' in item) return (read(marketoMembershipPage, 'list membership'), []);
  if ('primaryAttribute' in item || ('name' in item && 'attributes' in item)) return (read(marketoActivityTypesPage, 'activity types'), []);
  if ('status' in item) return (read(marketoRecordStatusPage, 'write statuses'), []);
  return (read(marketoLeadsPage, 'leads').result ?? []).map((lead) => normalizeMarketoLead(lead, ctx()));
}

/** The import reader src/import/normalize-payload.ts finds by this name. */
export const readPayload: PayloadReader = normalizeMarketoPayload;
