import { z } from '../../model/zod-setup';
import type { CustomerRecord } from '../../model/record';
import type { PayloadReader } from '../contract';
import { ConnectorError, parseVendorPayload } from '../errors';
import { normalizeKlaviyoList, normalizeKlaviyoProfile } from './normalize';
import { klaviyoListSchema, klaviyoProfileSchema } from './schemas';

/**
 * Records from a saved Klaviyo JSON:API document (for `npm run normalize` and imports): one
 * resource or a page of them under `data`, each recognised by its `type` (profile or list).
 */
export function normalizeKlaviyoPayload(payload: unknown, account: string): CustomerRecord[] {
  const ctx = { account, fetchedAt: Date.now() };
  const document = parseVendorPayload('Klaviyo', z.object({ data: z.union([z.array(z.unknown()), z.record(z.string(), z.unknown())]) }), payload, 'document');
  const resources = Array.isArray(document.data) ? document.data : [document.data];
  return resources.map((resource, index) => {
    const path = Array.isArray(document.data) ? `data.${index}` : 'data';
    const type = resource && typeof resource === 'object' && 'type' in resource ? (resource as { type: unknown }).type : undefined;
    if (type === 'profile') return normalizeKlaviyoProfile(parseVendorPayload('Klaviyo', klaviyoProfileSchema, resource, path), ctx);
    if (type === 'list') return normalizeKlaviyoList(parseVendorPayload('Klaviyo', klaviyoListSchema, resource, path), ctx);
    throw new ConnectorError('schema', `Klaviyo resource of type “${String(type ?? 'unknown')}” is not one we read (profile, list).`, { path: `${path}.type` });
  });
}

/** The import reader src/import/normalize-payload.ts finds by this name. */
export const readPayload: PayloadReader = normalizeKlaviyoPayload;
