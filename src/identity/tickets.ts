import type { CustomerRecord } from '../model/record';
import { provenanceOf, type Sourced } from './provenance';

/**
 * Closed in any tool's words (Zendesk solved/closed, HubSpot closed, Salesforce Closed or
 * "Closed - Resolved"). Everything else with a status is open: Salesforce's Working and
 * Escalated, Zendesk's new/pending/hold, custom stages included.
 */
const CLOSED = /^(solved|closed|resolved|done|cancell?ed)\b/i;

/** A bare stage id (a HubSpot pipeline we could not read) says nothing about open or closed. */
const UNKNOWN = /^\d+$/;

export function isOpenTicket(record: CustomerRecord): boolean {
  const status = record.fields.status?.trim();
  return record.type === 'ticket' && !!status && !CLOSED.test(status) && !UNKNOWN.test(status);
}

/**
 * Open tickets across tools, credited to the tools that have open ones: a tool whose tickets are
 * all solved did not contribute to the count. With none open, every tool read vouches for the 0.
 */
export function openTicketsOf(tickets: CustomerRecord[]): Sourced<number> {
  const open = tickets.filter(isOpenTicket);
  return { value: open.length, from: provenanceOf(open.length ? open : tickets) };
}
