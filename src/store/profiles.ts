import type { CustomerDb } from './db';
import { getRecords, recordsByIdentity } from './records';
import { resolveProfile, type IdentityOverrides, type ResolvedProfile } from '../identity/resolve';
import type { CustomerRecord } from '../model/record';
import { isOpenTicket } from '../identity/tickets';

export async function identityOverrides(db: CustomerDb): Promise<IdentityOverrides> {
  const all = await db.overrides.toArray();
  return {
    splits: all.filter((o) => o.kind === 'split').map((o) => [o.a, o.b]),
    merges: all.filter((o) => o.kind === 'merge').map((o) => [o.a, o.b]),
  };
}

/** The profile around a cached record, from the store, honouring the user's splits and merges. */
export async function profileOf(db: CustomerDb, root: CustomerRecord): Promise<ResolvedProfile> {
  return resolveProfile(
    root,
    {
      byIdentity: (identity) => recordsByIdentity(db, identity),
      byKeys: (keys) => getRecords(db, keys),
      linking: (key) => db.records.where('links').equals(key).limit(50).toArray(),
    },
    await identityOverrides(db),
  );
}

export async function setOverride(db: CustomerDb, first: string, second: string, kind: 'split' | 'merge'): Promise<void> {
  const [a, b] = first < second ? [first, second] : [second, first];
  await db.overrides.put({ id: `${a}|${b}`, a, b, kind, at: Date.now() });
}

export interface CompanyFacts {
  people: number;
  lifetimeValue?: { amountMinor: number; currency: string };
  mrr?: { amountMinor: number; currency: string };
  openTickets: number;
}

/**
 * What a company is worth across tools: its people's billing (found through their own
 * identities, up to 50 people) and open tickets from any tool, of the company or its people.
 */
export async function companyFacts(db: CustomerDb, profile: ResolvedProfile): Promise<CompanyFacts> {
  const people = profile.associated.filter((r) => r.type === 'person').slice(0, 50);
  const twins = (await Promise.all(people.flatMap((p) => p.identities.filter((i) => i.startsWith('email:')).map((i) => recordsByIdentity(db, i))))).flat();
  const billing = new Map([...people, ...twins].map((r) => [r.key, r]));
  const sum = (pick: (r: CustomerRecord) => { amountMinor: number; currency: string } | undefined) => {
    const values = [...billing.values()].map(pick).filter((v): v is { amountMinor: number; currency: string } => !!v);
    if (!values.length) return undefined;
    const currency = values[0]!.currency;
    return { currency, amountMinor: values.filter((v) => v.currency === currency).reduce((total, v) => total + v.amountMinor, 0) };
  };
  const owners = [...profile.members, ...billing.values()].map((r) => r.key);
  const tickets = (await Promise.all(owners.map((key) => db.records.where('links').equals(key).filter((r) => r.type === 'ticket').toArray()))).flat();
  const openTickets = new Set(tickets.filter(isOpenTicket).map((t) => t.key)).size;
  return { people: people.length, lifetimeValue: sum((r) => r.fields.lifetimeValue), mrr: sum((r) => r.fields.mrr), openTickets };
}
