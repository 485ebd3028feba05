import { companyFacts } from '../../store/profiles';
import { companyDeals } from '../../identity/company-deals';
import type { ResolvedProfile } from '../../identity/resolve';
import { useLiveQuery } from '../shared/use-live-query';
import { formatMoney } from '../shared/format';
import { FactTiles, FactTilesSkeleton } from '../shared/FactTiles';
import { CompanyPeople } from './CompanyPeople';
import { NotKnown } from '../shared/NotKnown';
import { CompanyDeals } from './CompanyDeals';
import type { ConnectorId } from '../../model/record';
import type { ToolPeople } from '../../protocol/messages';
import { connectorLabel } from '../shared/labels';

/** The company view: its people, deals, what they pay and their open tickets, across tools. */
interface CompanySummaryProps {
  profile: ResolvedProfile;
  /** Tools still being asked for the company's people: the count waits for them. */
  peopleFrom: ConnectorId[];
  /** Tools that could not list them, with their own words. */
  peopleErrors: ToolPeople[];
  onOpen: (key: string) => void;
}

export function CompanySummary({ profile, peopleFrom, peopleErrors, onOpen }: CompanySummaryProps) {
  const facts = useLiveQuery(() => companyFacts(profile), [profile.root.key, profile.members.length, profile.associated.length, profile.activity.length]);
  const deals = companyDeals(profile);
  const open = deals.open;
  return (
    <>
      {facts ? (
        <FactTiles
          label="Company facts"
          tiles={[
            {
              id: 'people',
              label: 'People',
              value: peopleFrom.length ? <span aria-busy="true" data-testid="company-people-count-loading">{loadingText(peopleFrom)}</span> : String(facts.people.value),
              from: facts.people.from,
            },
            { id: 'company-ltv', label: 'Revenue to date', value: facts.lifetimeValue ? formatMoney(facts.lifetimeValue.value) : <NotKnown />, from: facts.lifetimeValue?.from },
            { id: 'company-mrr', label: 'MRR', value: facts.mrr ? formatMoney(facts.mrr.value) : <NotKnown />, from: facts.mrr?.from },
            { id: 'company-open-tickets', label: 'Open tickets', value: String(facts.openTickets.value), from: facts.openTickets.from },
            { id: 'company-open-deals', label: 'Open deals', value: [String(open.value), formatMoney(open.amount)].filter(Boolean).join(' · '), from: open.from },
          ]}
        />
      ) : (
        <FactTilesSkeleton count={5} label="Company facts" />
      )}
      <CompanyPeople
        people={profile.associated.filter((r) => r.type === 'person')}
        overrides={profile.overrides}
        rootConnector={profile.root.connector}
        loading={peopleFrom.length ? loadingText(peopleFrom) : null}
        errors={peopleErrors}
        onOpen={onOpen}
      />
      <CompanyDeals deals={deals.deals} onOpen={onOpen} />
    </>
  );
}

/** "Loading from HubSpot and Pipedrive…" */
function loadingText(tools: ConnectorId[]): string {
  const names = tools.map(connectorLabel);
  return `Loading from ${names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0]}…`;
}
