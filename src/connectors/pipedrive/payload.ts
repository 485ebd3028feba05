import type { CustomerRecord } from '../../model/record';
import type { PayloadReader } from '../contract';
import { ConnectorError, parseVendorPayload } from '../errors';
import { normalizePipedriveDeal, normalizePipedriveOrganization, normalizePipedrivePerson, type PipedriveNormalizeContext } from './normalize';
import { pipedriveDealSchema, pipedriveErrorSchema, pipedriveOrganizationSchema, pipedrivePersonSchema } from './schemas';

const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

/** Which object a bare item is: persons have email(s)/phone(s), deals a title, organisations only a name. */
function one(item: unknown, ctx: PipedriveNormalizeContext, path: string): CustomerRecord {
  if (!isObject(item)) throw new ConnectorError('schema', `Pipedrive payload: ${path} is not an object.`, { path });
  if ('emails' in item || 'email' in item || 'phones' in item || 'first_name' in item) return normalizePipedrivePerson(parseVendorPayload('Pipedrive', pipedrivePersonSchema, item, `person at ${path}`), ctx);
  if ('title' in item) return normalizePipedriveDeal(parseVendorPayload('Pipedrive', pipedriveDealSchema, item, `deal at ${path}`), ctx);
  if ('name' in item) return normalizePipedriveOrganization(parseVendorPayload('Pipedrive', pipedriveOrganizationSchema, item, `organization at ${path}`), ctx);
  throw new ConnectorError('schema', `Pipedrive payload: ${path} is not a person, organization or deal.`, { path });
}

/**
 * A search hit (`/v1/itemSearch`, `/v1/persons/search`, `/api/v2/…/search`) in the shape of the
 * object it found: emails and phones are plain strings there, and related objects are nested
 * (`owner: {id}`, `organization: {id, name}`, `person`, `stage`) instead of `*_id` references.
 */
function fromSearchItem(item: unknown): unknown {
  if (!isObject(item)) return item;
  // `custom_fields` and `notes` of a hit are the matched strings, not the object's fields.
  const { emails, phones, owner, organization, person, stage, type, custom_fields: _matched, notes: _notes, ...rest } = item;
  const points = (list: unknown) => (Array.isArray(list) ? list.map((value) => (typeof value === 'string' ? { value } : value)) : list);
  const ref = (related: unknown) => (isObject(related) && typeof related.id === 'number' ? { value: related.id, name: typeof related.name === 'string' ? related.name : undefined } : undefined);
  const shaped: Record<string, unknown> = { ...rest, owner_id: ref(owner), org_id: ref(organization) };
  if (type === 'person' || emails !== undefined || phones !== undefined) Object.assign(shaped, { emails: points(emails ?? []), phones: points(phones ?? []) });
  if (person !== undefined) shaped.person_id = ref(person);
  if (isObject(stage) && typeof stage.id === 'number') shaped.stage_id = stage.id;
  // An organisation hit names itself, not an organisation it belongs to.
  if (type === 'organization') delete shaped.org_id;
  return shaped;
}

/**
 * Canonical records from a Pipedrive payload file: a v1 or v2 envelope (`{success, data}`, one
 * object or a list), a search answer (`data.items[].item`, v1 and v2, read by fromSearchItem)
 * or a bare person, organization or deal; an object is told apart by its fields (one()). v1
 * deals keep their owner from `user_id`. Error answers and anything else are schema errors
 * naming the path.
 */
export function normalizePipedrivePayload(payload: unknown, account: string): CustomerRecord[] {
  // Imported records have no company host; app.pipedrive.com forwards to the signed-in company.
  const ctx: PipedriveNormalizeContext = { account, consoleHost: 'app.pipedrive.com', fetchedAt: Date.now() };
  if (Array.isArray(payload)) return payload.map((item, i) => one(item, ctx, `[${i}]`));
  if (!isObject(payload)) throw new ConnectorError('schema', 'Pipedrive payload is not a JSON object.', { path: '(root)' });
  if (payload.success === false) {
    const error = pipedriveErrorSchema.safeParse(payload);
    throw new ConnectorError('schema', `Pipedrive payload is an error answer${error.success ? `: ${error.data.error}` : ''}.`, { path: 'success' });
  }
  if ('success' in payload && 'data' in payload) {
    const data = payload.data;
    if (Array.isArray(data)) return data.map((item, i) => one(item, ctx, `data[${i}]`));
    if (data === null) return [];
    if (isObject(data) && Array.isArray(data.items)) {
      return data.items.map((hit, i) => one(fromSearchItem(isObject(hit) ? hit.item : hit), ctx, `data.items[${i}].item`));
    }
    return [one(data, ctx, 'data')];
  }
  return [one(payload, ctx, '(root)')];
}

/** The import reader src/import/normalize-payload.ts finds by this name. */
export const readPayload: PayloadReader = normalizePipedrivePayload;
