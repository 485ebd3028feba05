import { describe, expect, it } from 'vitest';
import { isOpenTicket } from '../../src/identity/tickets';
import { normalizeSalesforceCase } from '../../src/connectors/salesforce/normalize';
import { salesforceCaseSchema } from '../../src/connectors/salesforce/schemas';
import { normalizeZendeskTicket } from '../../src/connectors/zendesk/normalize';
import { zendeskTicketSchema } from '../../src/connectors/zendesk/schemas';
import { makeHubspotData } from '../replica/seed.mjs';
import { makeSalesforceData } from '../replica/salesforce.mjs';
import { makeZendeskData } from '../replica/zendesk.mjs';

const hubspot = makeHubspotData();
const sfCtx = { org: '00D5g000004DEMOEA4', consoleHost: 'acme.lightning.force.com', currency: 'USD', fetchedAt: 1 };

describe('open tickets in every tool’s words', () => {
  it('counts Salesforce cases Working and Escalated as open, Closed ones not', () => {
    const cases = makeSalesforceData(hubspot).Case;
    const withStatus = (Status: string) => normalizeSalesforceCase(salesforceCaseSchema.parse({ ...cases[0], Status, IsClosed: Status.startsWith('Closed') }), sfCtx);
    expect(['New', 'Working', 'Escalated', 'Closed', 'Closed - Resolved'].map((s) => isOpenTicket(withStatus(s)))).toEqual([true, true, true, false, false]);
  });

  it('counts Zendesk new, open, pending and hold as open, solved and closed not', () => {
    const ticket = makeZendeskData(hubspot).tickets[0];
    const withStatus = (status: string) => normalizeZendeskTicket(zendeskTicketSchema.parse({ ...ticket, status }), { subdomain: 'acme', fetchedAt: 1 });
    expect(['new', 'open', 'pending', 'hold', 'solved', 'closed'].map((s) => isOpenTicket(withStatus(s)))).toEqual([true, true, true, true, false, false]);
  });

  it('does not count a bare HubSpot stage id it could not name, nor anything that is not a ticket', () => {
    const ticket = normalizeZendeskTicket(zendeskTicketSchema.parse(makeZendeskData(hubspot).tickets[0]), { subdomain: 'acme', fetchedAt: 1 });
    expect(isOpenTicket({ ...ticket, connector: 'hubspot', fields: { status: '98765' } })).toBe(false);
    expect(isOpenTicket({ ...ticket, fields: {} })).toBe(false);
    expect(isOpenTicket({ ...ticket, type: 'conversation', fields: { status: 'open' } })).toBe(false);
  });
});
