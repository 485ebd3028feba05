import type { CustomerDb } from './db';
import { getRecords, recordsByIdentity } from './records';
import { resolveProfile, type IdentityOverrides, type ResolvedProfile } from '../identity/resolve';
import type { CustomerRecord } from '../model/record';

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
