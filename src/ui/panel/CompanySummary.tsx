import { companyFacts } from '../../store/profiles';
import { companyDeals } from '../../identity/company-deals';
import type { ResolvedProfile } from '../../identity/resolve';
import { useLiveQuery } from '../shared/use-live-query';
import { formatMoney } from '../shared/format';
import { FactTiles, FactTilesSkeleton } from '../shared/FactTiles';
import { CompanyPeople } from './CompanyPeople';
import { NotKnown } from '../shared/NotKnown';
import { CompanyDeals } from './CompanyDeals';

/** The company view: its people, deals, what they pay and their open tickets, across tools. */
export function CompanySummary({ profile, onOpen }: { profile: ResolvedProfile; onOpen: (key: string) => void }) {
  const facts = useLiveQuery(() => companyFacts(profile), [profile.root.key, profile.members.length, profile.associated.length, profile.activity.length]);
  const deals = companyDeals(profile);
  const open = deals.open;
  return (
    <>
      {facts ? (
        <FactTiles
          label="Company facts"
          tiles={[
            { id: 'people', label: 'People', value: String(facts.people.value), from: facts.people.from },
            { id: 'company-ltv', label: 'Revenue to date', value: facts.lifetimeValue ? formatMoney(facts.lifetimeValue.value) : <NotKnown />, from: facts.lifetimeValue?.from },
            { id: 'company-mrr', label: 'MRR', value: facts.mrr ? formatMoney(facts.mrr.value) : <NotKnown />, from: facts.mrr?.from },
            { id: 'company-open-tickets', label: 'Open tickets', value: String(facts.openTickets.value), from: facts.openTickets.from },
            { id: 'company-open-deals', label: 'Open deals', value: [String(open.value), formatMoney(open.amount)].filter(Boolean).join(' · '), from: open.from },
          ]}
        />
      ) : (
        <FactTilesSkeleton count={5} label="Company facts" />
      )}
      <CompanyPeople people={profile.associated.filter((r) => r.type === 'person')} overrides={profile.overrides} rootConnector={profile.root.connector} onOpen={onOpen} />
      <CompanyDeals deals={deals.deals} onOpen={onOpen} />
    </>
  );
}
