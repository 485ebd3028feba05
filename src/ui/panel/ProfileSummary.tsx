import type { ResolvedProfile } from '../../identity/resolve';
import { keyFacts, timeline } from '../../identity/key-facts';
import { formatDate, formatMoney, lifecycleLabel } from '../shared/format';
import { FactTiles } from '../shared/FactTiles';
import { ExternalLink } from '../shared/ExternalLink';
import { Memberships } from './Memberships';
import { Timeline } from './Timeline';
import { NotKnown } from '../shared/NotKnown';
import { useConnections } from '../shared/use-connections';
import { VENDOR_METAS } from '../../connectors/vendors';

/** Whether a connected tool counts orders, so the Orders tile is there from the start, not popping in when the shop answers. */
function useShopConnected(): boolean {
  const connections = useConnections() ?? [];
  return connections.some((c) => VENDOR_METAS.find((meta) => meta.id === c.connector)?.traits.ordersCount);
}

/** Key facts across tools, then everything that happened, newest first. */
export function ProfileSummary({ profile, pending, onOpen }: { profile: ResolvedProfile; pending: boolean; onOpen: (key: string) => void }) {
  const facts = keyFacts(profile);
  const conversation = facts.lastConversation;
  // Every tile is always there: one that appeared when a tool answered moved the others.
  const unknown = <NotKnown pending={pending} />;
  const shopConnected = useShopConnected();
  return (
    <>
      <FactTiles
        label="Key facts"
        tiles={[
          { id: 'ltv', label: 'Lifetime value', value: facts.lifetimeValue ? formatMoney(facts.lifetimeValue.value) : unknown, from: facts.lifetimeValue?.from },
          // Only with a shop connected: for everyone else it would be a tile that never fills.
          (shopConnected || facts.orderCount) && { id: 'orders', label: 'Orders', value: facts.orderCount ? facts.orderCount.value.toLocaleString() : unknown, from: facts.orderCount?.from },
          { id: 'mrr', label: 'MRR', value: facts.mrr ? formatMoney(facts.mrr.value) : unknown, from: facts.mrr?.from },
          { id: 'open-tickets', label: 'Open tickets', value: String(facts.openTickets.value), from: facts.openTickets.from },
          { id: 'lifecycle', label: 'Lifecycle', value: facts.lifecycleStage ? lifecycleLabel(facts.lifecycleStage.value) : unknown, from: facts.lifecycleStage?.from },
          { id: 'last-activity', label: 'Last activity', value: facts.lastActivityAt ? formatDate(facts.lastActivityAt.value, { dateOnly: facts.lastActivityAt.dateOnly }) : unknown, from: facts.lastActivityAt?.from },
          {
            id: 'last-conversation',
            label: 'Last conversation',
            wide: true,
            value: conversation ? (
              <button type="button" class="link" onClick={() => onOpen(conversation.key)}>
                {conversation.subject}
              </button>
            ) : (
              unknown
            ),
            detail: conversation ? (
              <>
                {[formatDate(conversation.at), conversation.status].filter(Boolean).join(' · ')}
                <ExternalLink url={conversation.url} />
              </>
            ) : (
              '\u00a0'
            ),
            from: conversation && [{ connector: conversation.connector, fetchedAt: conversation.fetchedAt }],
          },
          {
            id: 'memberships',
            label: 'Lists and campaigns',
            wide: true,
            value: facts.memberships.length > 0 ? <Memberships memberships={facts.memberships} /> : unknown,
          },
        ]}
      />
      <Timeline events={timeline(profile)} pending={pending} onOpen={onOpen} />
    </>
  );
}
