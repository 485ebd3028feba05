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
 * Canonical records from a Pipedrive payload file: a v1 or v2 envelope (`{success, data}`, one
 * object or a list) or a bare person, organization or deal. Error answers and anything else
 * are schema errors naming the path.
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
    return [one(data, ctx, 'data')];
  }
  return [one(payload, ctx, '(root)')];
}

/** The import reader src/import/normalize-payload.ts finds by this name. */
export const readPayload: PayloadReader = normalizePipedrivePayload;
