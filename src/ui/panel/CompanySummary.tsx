import { customerDb } from '../../store/db';
import { companyFacts } from '../../store/profiles';
import type { ResolvedProfile } from '../../identity/resolve';
import { useLiveQuery } from '../shared/use-live-query';
import { formatMoney } from '../shared/format';
import { FactTiles } from '../shared/FactTiles';

/** The company view's numbers: its people, what they pay, and their open tickets, across tools. */
export function CompanySummary({ profile }: { profile: ResolvedProfile }) {
  const db = customerDb();
  const facts = useLiveQuery(() => companyFacts(db, profile), [profile.root.key, profile.members.length, profile.associated.length]);
  if (!facts) return <section class="facts-grid" aria-busy="true" aria-label="Company facts" />;
  return (
    <FactTiles
      label="Company facts"
      tiles={[
        { id: 'people', label: 'People', value: String(facts.people) },
        facts.lifetimeValue && { id: 'company-ltv', label: 'Revenue to date', value: formatMoney(facts.lifetimeValue.value), from: facts.lifetimeValue.from },
        facts.mrr && { id: 'company-mrr', label: 'MRR', value: formatMoney(facts.mrr.value), from: facts.mrr.from },
        { id: 'company-open-tickets', label: 'Open tickets', value: String(facts.openTickets.value), from: facts.openTickets.from },
      ]}
    />
  );
}
