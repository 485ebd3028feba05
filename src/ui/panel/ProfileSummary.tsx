import type { ResolvedProfile } from '../../identity/resolve';
import { keyFacts, timeline } from '../../identity/key-facts';
import { formatDate, formatMoney, lifecycleLabel } from '../shared/format';
import { FactTiles } from '../shared/FactTiles';
import { ExternalLink } from '../shared/ExternalLink';
import { Memberships } from './Memberships';
import { Timeline } from './Timeline';

/** Key facts across tools, then everything that happened, newest first. */
export function ProfileSummary({ profile, onOpen }: { profile: ResolvedProfile; onOpen: (key: string) => void }) {
  const facts = keyFacts(profile);
  const conversation = facts.lastConversation;
  return (
    <>
      <FactTiles
        label="Key facts"
        tiles={[
          facts.lifetimeValue && { label: 'Lifetime value', value: formatMoney(facts.lifetimeValue.value), from: facts.lifetimeValue.from, id: 'ltv' },
          facts.mrr && { label: 'MRR', value: formatMoney(facts.mrr.value), from: facts.mrr.from, id: 'mrr' },
          { label: 'Open tickets', value: String(facts.openTickets.value), from: facts.openTickets.from, id: 'open-tickets' },
          facts.lifecycleStage && { label: 'Lifecycle', value: lifecycleLabel(facts.lifecycleStage.value), from: facts.lifecycleStage.from, id: 'lifecycle' },
          facts.lastActivityAt && { label: 'Last activity', value: formatDate(facts.lastActivityAt.value), from: facts.lastActivityAt.from, id: 'last-activity' },
          conversation && {
            id: 'last-conversation',
            label: 'Last conversation',
            wide: true,
            value: (
              <button type="button" class="link" onClick={() => onOpen(conversation.key)}>
                {conversation.subject}
              </button>
            ),
            detail: (
              <>
                {[formatDate(conversation.at), conversation.status].filter(Boolean).join(' · ')}
                <ExternalLink url={conversation.url} />
              </>
            ),
            from: [{ connector: conversation.connector, fetchedAt: conversation.fetchedAt }],
          },
          facts.memberships.length > 0 && {
            id: 'memberships',
            label: 'Lists and campaigns',
            wide: true,
            value: <Memberships memberships={facts.memberships} />,
          },
        ]}
      />
      <Timeline events={timeline(profile).slice(0, 30)} onOpen={onOpen} />
    </>
  );
}
