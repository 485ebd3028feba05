import type { CustomerRecord } from '../model/record';
import { isRoleEmailIdentity } from './resolve';

/**
 * A company's people with each person once: the records its tools hold for the same address
 * are one person. Only personal emails join here; a shared switchboard phone or support@ would
 * make one person of the whole company. Groups keep the records' order, records within a group too.
 */
export function distinctPeople(people: CustomerRecord[]): CustomerRecord[][] {
  const groupOf = new Map<string, CustomerRecord[]>();
  const groups: CustomerRecord[][] = [];
  for (const person of people) {
    const emails = person.identities.filter((i) => i.startsWith('email:') && !isRoleEmailIdentity(i));
    const found = [...new Set(emails.map((e) => groupOf.get(e)).filter((g): g is CustomerRecord[] => !!g))];
    const group = found[0] ?? [];
    if (!found.length) groups.push(group);
    group.push(person);
    // A second address can show that two groups were one person all along.
    for (const other of found.slice(1)) {
      group.push(...other);
      groups.splice(groups.indexOf(other), 1);
      for (const [email, g] of groupOf) if (g === other) groupOf.set(email, group);
    }
    for (const email of emails) groupOf.set(email, group);
  }
  const order = new Map(people.map((p, i) => [p, i]));
  const byInput = (a: CustomerRecord, b: CustomerRecord) => order.get(a)! - order.get(b)!;
  return groups.map((g) => g.sort(byInput)).sort((a, b) => byInput(a[0]!, b[0]!));
}
