import type { CustomerRecord } from '../model/record';
import type { ResolvedProfile } from './resolve';
import { isOpenTicket } from './tickets';

type Money = { amountMinor: number; currency: string };

export interface KeyFacts {
  lifetimeValue?: Money;
  mrr?: Money;
  openTickets: number;
  lifecycleStage?: { value: string; connector: string };
  lastActivityAt?: number;
  memberships: string[];
}

function sumMoney(values: Array<Money | undefined>): Money | undefined {
  const present = values.filter((v): v is Money => !!v);
  if (present.length === 0) return undefined;
  const currency = present[0]!.currency;
  // Different currencies are not added up; the first tool's currency wins and says so by its code.
  return { currency, amountMinor: present.filter((v) => v.currency === currency).reduce((sum, v) => sum + v.amountMinor, 0) };
}

/** Lists are memberships, not events: they show in the person's fields, not as activity. */
function events(profile: ResolvedProfile): CustomerRecord[] {
  return profile.activity.filter((r) => r.type !== 'list');
}

/** Facts computed across every tool that knows the person, each from the tool that owns it. */
export function keyFacts(profile: ResolvedProfile): KeyFacts {
  const members = profile.members;
  const stage = members.find((m) => m.connector === 'hubspot' && m.fields.lifecycleStage) ?? members.find((m) => m.fields.lifecycleStage);
  const dates = [...members, ...events(profile)].flatMap((r) => [r.fields.lastActivityAt, r.fields.createdAt, r.type === 'person' ? undefined : r.updatedAt]).filter((d): d is number => typeof d === 'number');
  return {
    lifetimeValue: sumMoney(members.map((m) => m.fields.lifetimeValue)),
    mrr: sumMoney(members.map((m) => m.fields.mrr)),
    openTickets: profile.activity.filter(isOpenTicket).length,
    lifecycleStage: stage?.fields.lifecycleStage ? { value: stage.fields.lifecycleStage, connector: stage.connector } : undefined,
    lastActivityAt: dates.length ? Math.max(...dates) : undefined,
    memberships: [...new Set(members.flatMap((m) => m.fields.memberships ?? []))],
  };
}

/** Tickets, invoices, subscriptions, deals, conversations: newest first. */
export function timeline(profile: ResolvedProfile): CustomerRecord[] {
  const when = (r: CustomerRecord) => r.fields.createdAt ?? r.updatedAt;
  return events(profile).sort((a, b) => when(b) - when(a));
}
