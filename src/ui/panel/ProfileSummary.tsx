import type { ResolvedProfile } from '../../identity/resolve';
import { keyFacts, timeline } from '../../identity/key-facts';
import { formatDate, formatMoney, lifecycleLabel } from '../shared/format';
import { FactTiles } from '../shared/FactTiles';
import { ExternalLink } from '../shared/ExternalLink';
import { connectorLabel } from '../shared/labels';
import { Memberships } from './Memberships';

const TYPE_LABELS: Record<string, string> = { order: 'Invoice', subscription: 'Subscription', ticket: 'Ticket', deal: 'Deal', conversation: 'Conversation', campaign: 'Campaign' };

/** Key facts across tools, then everything that happened, newest first. */
export function ProfileSummary({ profile, onOpen }: { profile: ResolvedProfile; onOpen: (key: string) => void }) {
  const facts = keyFacts(profile);
  const events = timeline(profile).slice(0, 30);
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
      {events.length > 0 && (
        <section class="timeline" aria-labelledby="timeline-title">
          <h2 id="timeline-title">Timeline</h2>
          <ol data-testid="timeline">
            {events.map((event) => (
                <li key={event.key}>
                  <span class="muted">{formatDate(event.fields.createdAt ?? event.updatedAt)}</span>
                  <span>
                    {TYPE_LABELS[event.type] ?? event.type}{' '}
                    <button type="button" class="link" onClick={() => onOpen(event.key)}>
                      {event.title}
                    </button>
                    {event.fields.amount && ` · ${formatMoney(event.fields.amount)}`}
                    {event.fields.status && ` · ${event.fields.status}`}
                  </span>
                  <span class="muted">
                    {connectorLabel(event.connector)}
                    <ExternalLink url={event.url} />
                  </span>
                </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
