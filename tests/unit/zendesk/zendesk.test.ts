import { describe, expect, it, vi } from 'vitest';
import { z } from '../../../src/model/zod-setup';
import { readSample, sampleFiles } from '../samples';
import { parseVendorPayload } from '../../../src/connectors/errors';
import {
  zendeskOrganizationEnvelope,
  zendeskTicketEnvelope,
  zendeskTicketMetricEnvelope,
  zendeskTicketsPage,
  zendeskUserEnvelope,
} from '../../../src/connectors/zendesk/schemas';
import { normalizeZendeskOrganization, normalizeZendeskTicket, normalizeZendeskUser } from '../../../src/connectors/zendesk/normalize';
import { ZendeskApi, zendeskOrigin } from '../../../src/connectors/zendesk/api';
import { customerRecordSchema } from '../../../src/model/record';
import { makeHubspotData } from '../../replica/seed.mjs';
import { makeZendeskData } from '../../replica/zendesk.mjs';

const ctx = { subdomain: 'zendeskapi', fetchedAt: 1_700_000_000_000 };

const expectations: Record<string, z.ZodMiniType> = {
  'ticket.json': zendeskTicketEnvelope,
  'user.json': zendeskUserEnvelope,
  'organization.json': zendeskOrganizationEnvelope,
  'ticket_metrics.json': zendeskTicketMetricEnvelope,
  'tickets_recent_list.json': zendeskTicketsPage,
};

describe('Zendesk schemas on the recorded responses', () => {
  it('has an expectation for every sample file', () => {
    expect(sampleFiles('zendesk').sort()).toEqual(Object.keys(expectations).sort());
  });

  it.each(Object.entries(expectations))('parses %s', (file, schema) => {
    expect(() => parseVendorPayload('Zendesk', schema, readSample('zendesk', file), file)).not.toThrow();
  });

  it('normalises users, tickets and organisations with typed fields and links', () => {
    const { ticket } = zendeskTicketEnvelope.parse(readSample('zendesk', 'ticket.json'));
    const record = normalizeZendeskTicket(ticket, ctx);
    expect(customerRecordSchema.parse(record)).toEqual(record);
    expect(record).toMatchObject({ key: 'zendesk:zendeskapi:ticket:1', type: 'ticket', url: 'https://zendeskapi.zendesk.com/agent/tickets/1' });
    expect(record.fields).toMatchObject({ status: 'pending', createdAt: Date.parse('2012-09-06T20:15:09Z') });
    expect(record.links).toEqual(['zendesk:zendeskapi:person:20014182', 'zendesk:zendeskapi:company:20012227']);

    const { user } = zendeskUserEnvelope.parse(readSample('zendesk', 'user.json'));
    const person = normalizeZendeskUser(user, ctx);
    expect(person.title).toBe('Test Valid with role end-user');
    expect(person.identities[0]).toMatch(/^email:zendesk-api-client-ruby-end-user/);

    const { organization } = zendeskOrganizationEnvelope.parse(readSample('zendesk', 'organization.json'));
    expect(normalizeZendeskOrganization(organization, ctx)).toMatchObject({ type: 'company', title: 'Awesome-O', identities: [] });

    const page = zendeskTicketsPage.parse(readSample('zendesk', 'tickets_recent_list.json'));
    expect(page.tickets.map((t) => normalizeZendeskTicket(t, ctx).type)).toEqual(['ticket', 'ticket', 'ticket', 'ticket']);
  });
});

describe('Zendesk API', () => {
  it('only ever talks to <subdomain>.zendesk.com', () => {
    expect(zendeskOrigin('acme')).toBe('https://acme.zendesk.com');
    expect(zendeskOrigin('https://Acme.zendesk.com')).toBe('https://acme.zendesk.com');
    for (const bad of ['evil.com/x', 'acme.evil', 'a b', '', 'acme.zendesk.com@evil.com', '../x']) expect(() => zendeskOrigin(bad)).toThrow(/not a Zendesk subdomain/);
  });

  it('signs in with the agent email and API token as Basic auth, to the subdomain', async () => {
    const fetchImpl = vi.fn(async () => new Response(JSON.stringify(readSample('zendesk', 'user.json')), { status: 200 })) as unknown as typeof fetch;
    await new ZendeskApi({ subdomain: 'acme', email: 'agent@acme.com', token: 'T0K' }, fetchImpl).user('20014192');
    const [url, init] = (fetchImpl as unknown as { mock: { calls: [string, RequestInit][] } }).mock.calls[0]!;
    expect(url).toBe('https://acme.zendesk.com/api/v2/users/20014192.json');
    expect((init.headers as Record<string, string>).authorization).toBe(`Basic ${btoa('agent@acme.com/token:T0K')}`);
  });
});

describe('Zendesk replica', () => {
  const data = makeZendeskData(makeHubspotData());
  it('speaks Zendesk: users, tickets and organisations parse with the connector’s schemas', () => {
    for (const user of data.users) zendeskUserEnvelope.parse({ user });
    for (const ticket of data.tickets) zendeskTicketEnvelope.parse({ ticket });
    for (const organization of data.organizations) zendeskOrganizationEnvelope.parse({ organization });
  });
  it('has Ann Lee as “Annie Lee” with another email case and open tickets', () => {
    const ann = data.users.find((u: { email: string }) => u.email === 'ann.lee@ACME-robotics.com');
    expect(ann?.name).toBe('Annie Lee');
    expect(data.tickets.filter((t: { requester_id: number; status: string }) => t.requester_id === ann.id && t.status !== 'solved')).toHaveLength(2);
  });
});
