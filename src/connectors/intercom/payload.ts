import { z } from '../../model/zod-setup';
import type { CustomerRecord } from '../../model/record';
import type { PayloadReader } from '../contract';
import { ConnectorError, parseVendorPayload } from '../errors';
import { intercomCompanySchema, intercomContactSchema, intercomConversationSchema, intercomSubscriptionList } from './schemas';
import { intercomMemberships, normalizeIntercomCompany, normalizeIntercomContact, normalizeIntercomConversation } from './normalize';

/**
 * Canonical records from an Intercom API payload file (`npm run normalize`, Options import):
 * a contact, company or conversation, a `list` of contacts/companies, or a `conversation.list`.
 * The shape is told by Intercom's own `type` field. A list of subscription types (the workspace's,
 * or a contact's from /contacts/{id}/subscriptions) says nothing of whose they are, so it gives
 * no records and a note naming them. Intercom HTML-escapes names ("Phone &amp; SMS"): the
 * normalisers decode them to text.
 */
export function normalizeIntercomPayload(payload: unknown, account: string, notes: string[] = []): CustomerRecord[] {
  const ctx = { appId: account, consoleHost: 'app.intercom.com', fetchedAt: Date.now() };
  const read = <T extends z.ZodMiniType>(schema: T, value: unknown, object: string): z.output<T> => parseVendorPayload('Intercom', schema, value, object);
  const kind = z.object({ type: z.string() }).safeParse(payload);
  const type = kind.success ? kind.data.type : undefined;
  if (type === 'contact') return [normalizeIntercomContact(read(intercomContactSchema, payload, 'contact'), ctx)];
  if (type === 'company') return [normalizeIntercomCompany(read(intercomCompanySchema, payload, 'company'), ctx)];
  if (type === 'conversation') return [normalizeIntercomConversation(read(intercomConversationSchema, payload, 'conversation'), ctx)];
  if (type === 'conversation.list') {
    return read(z.object({ conversations: z.array(z.unknown()) }), payload, 'conversation list').conversations.flatMap((item) => normalizeIntercomPayload(item, account, notes));
  }
  if (type === 'list') {
    // Lists hold contacts or companies (GET /contacts/{id}/companies names its array `companies`).
    const list = read(z.object({ data: z.optional(z.array(z.unknown())), companies: z.optional(z.array(z.unknown())) }), payload, 'list');
    const items = list.data ?? list.companies ?? [];
    if (items.length > 0 && items.every((item) => z.object({ type: z.literal('subscription') }).safeParse(item).success)) {
      const types = read(intercomSubscriptionList, payload, 'subscription type list').data;
      const names = [...new Set(types.map((t) => intercomMemberships([{ ...t, consent_type: 'opt_in', state: 'live' }])[0]).filter(Boolean))];
      notes.push(`Read ${types.length} Intercom subscription type${types.length === 1 ? '' : 's'} (${names.join('; ')}): they name no contact, so nothing was imported from them.`);
      return [];
    }
    items.forEach((item, index) => {
      const itemType = z.object({ type: z.enum(['contact', 'company', 'conversation']) }).safeParse(item);
      if (!itemType.success) throw new ConnectorError('schema', `Intercom list item ${index} is not a contact, company or conversation.`, { path: `data.${index}.type` });
    });
    return items.flatMap((item) => normalizeIntercomPayload(item, account, notes));
  }
  throw new ConnectorError('schema', `Intercom payload of type “${type ?? 'unknown'}” is not one we read (contact, company, conversation, list, conversation.list).`, { path: 'type' });
}

/** The import reader src/import/normalize-payload.ts finds by this name. */
export const readPayload: PayloadReader = normalizeIntercomPayload;
