import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { z } from '../../src/model/zod-setup';
import { readSample } from './samples';
import { ConnectorError, parseVendorPayload } from '../../src/connectors/errors';
import { customerRecordSchema, type CustomerRecord } from '../../src/model/record';
import { hubspotObjectSchema } from '../../src/connectors/hubspot/schemas';
import { normalizeHubspotContact } from '../../src/connectors/hubspot/normalize';
import { stripeCustomerSchema, stripeInvoiceSchema, stripeSubscriptionSchema } from '../../src/connectors/stripe/schemas';
import { normalizeStripeCustomer, normalizeStripeInvoice, normalizeStripeSubscription } from '../../src/connectors/stripe/normalize';
import { zendeskTicketEnvelope, zendeskUserEnvelope } from '../../src/connectors/zendesk/schemas';
import { normalizeZendeskTicket, normalizeZendeskUser } from '../../src/connectors/zendesk/normalize';
import { mutate, pathsOf, type Json } from './mutate-sample';

/** Mutations a hostile or broken vendor could send: wrong types, nulls, huge and odd strings, extra nesting. */
const hostileValue = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constant('x'.repeat(100_000)),
  fc.constant('<img src=x onerror=alert(1)>'),
  fc.constant('javascript:alert(1)'),
  fc.constant({ nested: { deeper: [1, { id: 'x' }] } }),
  fc.constant([]),
  fc.constant('1e309'),
);

interface Case {
  name: string;
  sample: Json;
  run: (payload: unknown) => CustomerRecord;
}

function check<T extends z.ZodMiniType>(vendor: string, schema: T, normalize: (value: z.infer<T>) => CustomerRecord) {
  return (payload: unknown) => normalize(parseVendorPayload(vendor, schema, payload, 'object'));
}

const now = { fetchedAt: 1 };
const cases: Case[] = [
  { name: 'HubSpot contact', sample: readSample('hubspot', 'contact_get_docs_example_DERIVED_decoded.json') as Json, run: check('HubSpot', hubspotObjectSchema, (o) => normalizeHubspotContact(o, { portal: '1', consoleHost: 'app.hubspot.com', ...now })) },
  { name: 'Stripe customer', sample: readSample('stripe', 'customer.json') as Json, run: check('Stripe', stripeCustomerSchema, (c) => normalizeStripeCustomer(c, { account: 'a', testMode: true, ...now })) },
  { name: 'Stripe subscription', sample: readSample('stripe', 'subscription.json') as Json, run: check('Stripe', stripeSubscriptionSchema, (s) => normalizeStripeSubscription(s, { account: 'a', testMode: true, ...now })) },
  { name: 'Stripe invoice', sample: readSample('stripe', 'invoice.json') as Json, run: check('Stripe', stripeInvoiceSchema, (i) => normalizeStripeInvoice(i, { account: 'a', testMode: true, ...now })) },
  { name: 'Zendesk user', sample: readSample('zendesk', 'user.json') as Json, run: check('Zendesk', zendeskUserEnvelope, (u) => normalizeZendeskUser(u.user, { subdomain: 'acme', ...now })) },
  { name: 'Zendesk ticket', sample: readSample('zendesk', 'ticket.json') as Json, run: check('Zendesk', zendeskTicketEnvelope, (t) => normalizeZendeskTicket(t.ticket, { subdomain: 'acme', ...now })) },
];

describe('hostile payloads: a typed error or a valid canonical record, never anything else', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, { sample, run }) => {
    const paths = pathsOf(sample);
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.integer({ min: 0, max: 2 }), hostileValue, (path, action, value) => {
        const payload = mutate(sample, path, action, value);
        try {
          const record = run(payload);
          // Whatever got through must still be a record the store and the panel can rely on.
          expect(customerRecordSchema.parse(record)).toEqual(record);
        } catch (error) {
          expect(error).toBeInstanceOf(ConnectorError);
          expect((error as ConnectorError).kind).toBe('schema');
          expect((error as ConnectorError).detail.path).toBeTruthy();
        }
      }),
      { numRuns: 300 },
    );
  });
});
