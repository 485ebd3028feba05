import { customerDb, type CustomerDb } from './db';
import { withReopen } from './reopen';
import { readTogether } from './read-together';
import { getRecord, getRecords, recordKeysByIdentity, recordsByIdentity, recordsLinkingTo } from './records';
import { resolveProfile, type IdentityOverrides, type ResolvedProfile } from '../identity/resolve';
import type { CustomerRecord } from '../model/record';
import { billedTotal, type Money } from '../identity/billing';
import { distinctPeople } from '../identity/company-people';
import { provenanceOf, type Sourced } from '../identity/provenance';
import { openTicketsOf } from '../identity/tickets';

export async function identityOverrides(db: CustomerDb = customerDb()): Promise<IdentityOverrides> {
  const all = await db.overrides.toArray();
  return {
    splits: all.filter((o) => o.kind === 'split').map((o) => [o.a, o.b]),
    merges: all.filter((o) => o.kind === 'merge').map((o) => [o.a, o.b]),
  };
}

/**
 * The profile around a cached record, from the store, honouring the user's splits and merges.
 * Its dozen small reads are read together (see readTogether).
 */
export function profileOf(root: CustomerRecord, db: CustomerDb = customerDb()): Promise<ResolvedProfile> {
  return readTogether(db, [db.records, db.overrides], () => profileFromStore(root, db));
}

/** A cached record and the profile around it, read together (what the panel shows first). */
export function recordWithProfile(key: string, db: CustomerDb = customerDb()): Promise<{ record?: CustomerRecord; profile?: ResolvedProfile }> {
  return readTogether(db, [db.records, db.overrides], async () => {
    const record = await getRecord(key, db);
    return { record, profile: record ? await profileFromStore(record, db) : undefined };
  });
}

async function profileFromStore(root: CustomerRecord, db: CustomerDb): Promise<ResolvedProfile> {
  return resolveProfile(
    root,
    {
      keysByIdentity: (identity, limit) => recordKeysByIdentity(identity, limit, db),
      byKeys: (keys) => getRecords(keys, db),
      linking: (key) => recordsLinkingTo(key, 50, db),
    },
    await identityOverrides(db),
  );
}

export async function setOverride(first: string, second: string, kind: 'split' | 'merge', db: CustomerDb = customerDb()): Promise<void> {
  const [a, b] = first < second ? [first, second] : [second, first];
  await withReopen(db, () => db.overrides.put({ id: `${a}|${b}`, a, b, kind, at: Date.now() }));
}

export interface CompanyFacts {
  /** Distinct people: one person in five tools counts once. */
  people: Sourced<number>;
  lifetimeValue?: Sourced<Money>;
  mrr?: Sourced<Money>;
  openTickets: Sourced<number>;
}

/**
 * What a company is worth across tools: its people's billing (found through their own
 * identities, up to 50 people) and open tickets from any tool, of the company or its people.
 */
export async function companyFacts(profile: ResolvedProfile, db: CustomerDb = customerDb()): Promise<CompanyFacts> {
  const people = profile.associated.filter((r) => r.type === 'person').slice(0, 50);
  const twins = (await Promise.all(people.flatMap((p) => p.identities.filter((i) => i.startsWith('email:')).map((i) => recordsByIdentity(i, db))))).flat();
  const billing = [...new Map([...people, ...twins].filter((r) => r.type === 'person').map((r) => [r.key, r])).values()];
  const owners = [...profile.members, ...billing].map((r) => r.key);
  const linked = (await Promise.all(owners.map(async (key) => (await recordsLinkingTo(key, Infinity, db)).filter((r) => r.type === 'ticket')))).flat();
  const tickets = [...new Map(linked.map((t) => [t.key, t])).values()];
  return {
    people: { value: distinctPeople(people, profile.overrides).length, from: provenanceOf(people) },
    lifetimeValue: billedTotal(billing, (r) => r.fields.lifetimeValue),
    mrr: billedTotal(billing, (r) => r.fields.mrr),
    openTickets: openTicketsOf(tickets),
  };
}
