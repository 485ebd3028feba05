import type { CustomerRecord } from '../model/record';
import { isRoleEmailIdentity, pairKey, type IdentityOverrides } from './resolve';

const NO_OVERRIDES: IdentityOverrides = { splits: [], merges: [] };

/**
 * A company's people with each person once: the records its tools hold for the same address
 * are one person. Only personal emails join here; a shared switchboard phone or support@ would
 * make one person of the whole company. The user's choices win, as in the profile: a merge
 * joins two records with different addresses, and no address joins two records they split.
 * Groups keep the records' order, records within a group too.
 */
export function distinctPeople(people: CustomerRecord[], overrides: IdentityOverrides = NO_OVERRIDES): CustomerRecord[][] {
  const groupOf = new Map<CustomerRecord, Set<CustomerRecord>>(people.map((p) => [p, new Set([p])]));
  const split = new Set(overrides.splits.map(([a, b]) => pairKey(a, b)));
  const isSplit = (a: CustomerRecord, b: CustomerRecord) => split.has(pairKey(a.key, b.key));
  const join = (a: CustomerRecord, b: CustomerRecord) => {
    const [first, second] = [groupOf.get(a)!, groupOf.get(b)!];
    if (first === second) return;
    for (const x of first) for (const y of second) if (isSplit(x, y)) return;
    for (const record of second) {
      first.add(record);
      groupOf.set(record, first);
    }
  };

  const byKey = new Map(people.map((p) => [p.key, p]));
  for (const [a, b] of overrides.merges) if (byKey.has(a) && byKey.has(b)) join(byKey.get(a)!, byKey.get(b)!);
  const firstWithEmail = new Map<string, CustomerRecord>();
  for (const person of people) {
    for (const email of person.identities.filter((i) => i.startsWith('email:') && !isRoleEmailIdentity(i))) {
      const earlier = firstWithEmail.get(email);
      if (earlier) join(earlier, person);
      else firstWithEmail.set(email, person);
    }
  }

  // Sets keep insertion order, not the records' order: sort both by where each record came in.
  const order = new Map(people.map((p, i) => [p, i]));
  const byInput = (a: CustomerRecord, b: CustomerRecord) => order.get(a)! - order.get(b)!;
  return [...new Set(groupOf.values())].map((g) => [...g].sort(byInput)).sort((a, b) => byInput(a[0]!, b[0]!));
}
