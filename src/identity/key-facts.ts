import type { ConnectorId, CustomerRecord } from '../model/record';
import { vendorsWith } from '../connectors/vendors';
import type { ResolvedProfile } from './resolve';
import { billedTotal, type Money } from './billing';
import { lastConversation, type LastConversation } from './last-conversation';
import { membershipsOf, type Membership } from './memberships';
import { provenanceOf, type Sourced } from './provenance';
import { openTicketsOf } from './tickets';

export interface KeyFacts {
  lifetimeValue?: Sourced<Money>;
  mrr?: Sourced<Money>;
  /** Orders placed, as the shop tools count them; absent when no such tool knows the person. */
  orderCount?: Sourced<number>;
  /** The count, from the tools with open tickets (or, with none open, every tool whose tickets were read). */
  openTickets: Sourced<number>;
  lifecycleStage?: Sourced<string>;
  /** `dateOnly` when the tool gave the day without a time. */
  lastActivityAt?: Sourced<number> & { dateOnly?: boolean };
  lastConversation?: LastConversation;
  memberships: Membership[];
}

/** Lists are memberships, not events: they show among the memberships, not as activity. */
function events(profile: ResolvedProfile): CustomerRecord[] {
  return profile.activity.filter((r) => r.type !== 'list');
}

/** An email the tool sent, or that bounced: something done to the person, not by them. */
const isDeliveryEvent = (record: CustomerRecord) => record.fields.activity === 'sent' || record.fields.activity === 'bounce';

/** The newest date a record carries; a person's own `updatedAt` is a profile edit, not activity. */
function latestDate(record: CustomerRecord): number | undefined {
  const dates = [record.fields.lastActivityAt, record.fields.createdAt, record.type === 'person' ? undefined : record.updatedAt].filter((d): d is number => typeof d === 'number');
  return dates.length ? Math.max(...dates) : undefined;
}

/** The record's newest date is its last activity and its tool gave that as a day, not a moment. */
function isCalendarDate(record: CustomerRecord, at: number): boolean {
  return record.fields.lastActivityAt === at && !!record.fields.dateOnly?.includes('lastActivityAt');
}

/** Each shop counts its own orders, so counts from two shops (or two tools) add up. */
function orderCountOf(members: CustomerRecord[]): Sourced<number> | undefined {
  const counting = members.filter((m) => typeof m.fields.orderCount === 'number');
  if (counting.length === 0) return undefined;
  return { value: counting.reduce((total, m) => total + m.fields.orderCount!, 0), from: provenanceOf(counting) };
}

/** Tools whose lifecycle stage wins over others' (see the vendor trait). */
const LIFECYCLE_OWNERS: readonly ConnectorId[] = vendorsWith('lifecycleOwner');

/** Facts computed across every tool that knows the person, each from the tool that owns it. */
export function keyFacts(profile: ResolvedProfile): KeyFacts {
  const members = profile.members;
  const stage = members.find((m) => LIFECYCLE_OWNERS.includes(m.connector) && m.fields.lifecycleStage) ?? members.find((m) => m.fields.lifecycleStage);
  const newest = [...members, ...events(profile).filter((r) => !isDeliveryEvent(r))].reduce<{ record: CustomerRecord; at: number } | undefined>((best, record) => {
    const at = latestDate(record);
    return at !== undefined && (!best || at > best.at) ? { record, at } : best;
  }, undefined);
  const tickets = profile.activity.filter((r) => r.type === 'ticket');
  return {
    lifetimeValue: billedTotal(members, (m) => m.fields.lifetimeValue),
    mrr: billedTotal(members, (m) => m.fields.mrr),
    orderCount: orderCountOf(members),
    openTickets: openTicketsOf(tickets),
    lifecycleStage: stage?.fields.lifecycleStage ? { value: stage.fields.lifecycleStage, from: provenanceOf([stage]) } : undefined,
    lastActivityAt: newest ? { value: newest.at, from: provenanceOf([newest.record]), ...(isCalendarDate(newest.record, newest.at) ? { dateOnly: true } : {}) } : undefined,
    lastConversation: lastConversation(profile),
    memberships: membershipsOf(profile),
  };
}

/** Tickets, invoices, subscriptions, deals, conversations, campaign emails: newest first. */
export function timeline(profile: ResolvedProfile): CustomerRecord[] {
  const when = (r: CustomerRecord) => r.fields.createdAt ?? r.updatedAt;
  return events(profile).sort((a, b) => when(b) - when(a));
}
