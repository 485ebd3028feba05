import type { CustomerRecord } from '../../model/record';
import { formatDate, formatMoney } from '../shared/format';
import { ExternalLink } from '../shared/ExternalLink';
import { connectorLabel } from '../shared/labels';

const TYPE_LABELS: Record<string, string> = { order: 'Invoice', subscription: 'Subscription', ticket: 'Ticket', deal: 'Deal', conversation: 'Conversation', campaign: 'Campaign' };
/** What a campaign event says happened (CAMPAIGN_ACTIVITIES), as the timeline reads it: "Opened · Spring sale". */
const ACTIVITY_LABELS: Record<string, string> = { sent: 'Sent', open: 'Opened', click: 'Clicked', bounce: 'Bounced', unsubscribe: 'Unsubscribed' };

function labelOf(event: CustomerRecord): string {
  const activity = event.fields.activity;
  return activity ? `${ACTIVITY_LABELS[activity] ?? activity} ·` : (TYPE_LABELS[event.type] ?? event.type);
}

/** Everything that happened with the customer in any tool, newest first, each with its way back into the console. */
export function Timeline({ events, onOpen }: { events: CustomerRecord[]; onOpen: (key: string) => void }) {
  return (
    <section class="timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Timeline</h2>
      {events.length === 0 ? (
        <p class="empty" data-testid="timeline-empty">
          No tickets, invoices, conversations, deals or campaign emails in your connected tools yet.
        </p>
      ) : (
        <ol data-testid="timeline">
          {events.map((event) => (
            <li key={event.key}>
              <span class="muted">{formatDate(event.fields.createdAt ?? event.updatedAt)}</span>
              <span>
                {labelOf(event)}{' '}
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
      )}
    </section>
  );
}
