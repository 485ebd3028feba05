import { z } from '../../model/zod-setup';
import type { CustomerRecord } from '../../model/record';
import type { PayloadReader } from '../contract';
import { ConnectorError, parseVendorPayload } from '../errors';
import { intercomCompanySchema, intercomContactSchema, intercomConversationSchema } from './schemas';
import { normalizeIntercomCompany, normalizeIntercomContact, normalizeIntercomConversation } from './normalize';

/**
 * Canonical records from an Intercom API payload file (`npm run normalize`, Options import):
 * a contact, company or conversation, a `list` of contacts/companies, or a `conversation.list`.
 * The shape is told by Intercom's own `type` field.
 */
export function normalizeIntercomPayload(payload: unknown, account: string): CustomerRecord[] {
  const ctx = { appId: account, consoleHost: 'app.intercom.com', fetchedAt: Date.now() };
  const read = <T extends z.ZodMiniType>(schema: T, value: unknown, object: string): z.output<T> => parseVendorPayload('Intercom', schema, value, object);
  const kind = z.object({ type: z.string() }).safeParse(payload);
  const type = kind.success ? kind.data.type : undefined;
  if (type === 'contact') return [normalizeIntercomContact(read(intercomContactSchema, payload, 'contact'), ctx)];
  if (type === 'company') return [normalizeIntercomCompany(read(intercomCompanySchema, payload, 'company'), ctx)];
  if (type === 'conversation') return [normalizeIntercomConversation(read(intercomConversationSchema, payload, 'conversation'), ctx)];
  if (type === 'conversation.list') {
    return read(z.object({ conversations: z.array(z.unknown()) }), payload, 'conversation list').conversations.flatMap((item) => normalizeIntercomPayload(item, account));
  }
  if (type === 'list') {
    // Lists hold contacts or companies (GET /contacts/{id}/companies names its array `companies`).
    const list = read(z.object({ data: z.optional(z.array(z.unknown())), companies: z.optional(z.array(z.unknown())) }), payload, 'list');
    const items = list.data ?? list.companies ?? [];
    items.forEach((item, index) => {
      const itemType = z.object({ type: z.enum(['contact', 'company', 'conversation']) }).safeParse(item);
      if (!itemType.success) throw new ConnectorError('schema', `Intercom list item ${index} is not a contact, company or conversation.`, { path: `data.${index}.type` });
    });
    return items.flatMap((item) => normalizeIntercomPayload(item, account));
  }
  throw new ConnectorError('schema', `Intercom payload of type “${type ?? 'unknown'}” is not one we read (contact, company, conversation, list, conversation.list).`, { path: 'type' });
}

/** The import reader src/import/normalize-payload.ts finds by this name. */
export const readPayload: PayloadReader = normalizeIntercomPayload;
