import { customerDb } from '../../store/db';
import { companyFacts } from '../../store/profiles';
import type { ResolvedProfile } from '../../identity/resolve';
import { useLiveQuery } from '../shared/use-live-query';
import { formatMoney } from '../shared/format';

/** The company view's numbers: its people, what they pay, and their open tickets, across tools. */
export function CompanySummary({ profile }: { profile: ResolvedProfile }) {
  const db = customerDb();
  const facts = useLiveQuery(() => companyFacts(db, profile), [profile.root.key, profile.members.length, profile.associated.length]);
  if (!facts) return <section class="facts-grid" aria-busy="true" aria-label="Company facts" />;
  const tiles = [
    { id: 'people', label: 'People', value: String(facts.people) },
    facts.lifetimeValue && { id: 'company-ltv', label: 'Revenue to date', value: formatMoney(facts.lifetimeValue) },
    facts.mrr && { id: 'company-mrr', label: 'MRR', value: formatMoney(facts.mrr) },
    { id: 'company-open-tickets', label: 'Open tickets', value: String(facts.openTickets) },
  ].filter((t): t is { id: string; label: string; value: string | undefined } => !!t);
  return (
    <section class="facts-grid" aria-label="Company facts">
      {tiles.map((tile) => (
        <div class="fact" key={tile.id} data-testid={`fact-${tile.id}`}>
          <span class="muted">{tile.label}</span>
          <strong>{tile.value}</strong>
        </div>
      ))}
    </section>
  );
}
