import { useState } from 'preact/hooks';
import type { CustomerRecord } from '../../model/record';
import { formatDate, formatMoney } from '../shared/format';
import { ExternalLink } from '../shared/ExternalLink';
import { connectorLabel } from '../shared/labels';

const TYPE_LABELS: Record<string, string> = { order: 'Invoice', subscription: 'Subscription', ticket: 'Ticket', deal: 'Deal', conversation: 'Conversation', campaign: 'Campaign' };
/** What a campaign event says happened (CAMPAIGN_ACTIVITIES), as the timeline reads it: "Opened · Spring sale". */
const ACTIVITY_LABELS: Record<string, string> = { sent: 'Sent', open: 'Opened', click: 'Clicked', bounce: 'Bounced', unsubscribe: 'Unsubscribed' };

/** What the row is, ready to stand before its title ("Opened · ", "Ticket "), or nothing when the title says it. */
function labelOf(event: CustomerRecord): string {
  const activity = event.fields.activity;
  if (activity) return `${ACTIVITY_LABELS[activity] ?? activity} · `;
  // A charge is money taken, not a bill: lifetime value adds these up, so they must read as payments.
  const label = event.type === 'order' && event.fields.orderKind === 'payment' ? 'Payment' : (TYPE_LABELS[event.type] ?? event.type);
  // "Invoice DEMO-1" says what it is already: no "Invoice Invoice DEMO-1".
  return event.title.toLowerCase().startsWith(label.toLowerCase()) ? '' : `${label} `;
}

/** Enough to see what happened lately without scrolling past it to the tools. */
const FIRST = 8;

/**
 * Everything that happened with the customer in any tool, newest first, each with its way back
 * into the console. While other tools are still being asked it holds its place with a skeleton:
 * an event from a late tool lands at the top and moved every row under it.
 */
export function Timeline({ events, pending, onOpen }: { events: CustomerRecord[]; pending: boolean; onOpen: (key: string) => void }) {
  const [all, setAll] = useState(false);
  const shown = all ? events : events.slice(0, FIRST);
  return (
    <section class="timeline" aria-labelledby="timeline-title" aria-busy={pending}>
      <h2 id="timeline-title">Timeline</h2>
      {pending ? (
        <div class="skeleton" data-testid="timeline-loading">
          <span class="visually-hidden">Asking your other tools…</span>
          {[1, 2, 3].map((i) => (
            <div key={i} class="bar line" />
          ))}
        </div>
      ) : events.length === 0 ? (
        <p class="empty" data-testid="timeline-empty">
          No tickets, invoices, payments, conversations, deals or campaign emails in your connected tools yet.
        </p>
      ) : (
        <ol data-testid="timeline">
          {shown.map((event) => (
            <li key={event.key}>
              <span class="muted">{formatDate(event.fields.createdAt ?? event.updatedAt)}</span>
              <span>
                {labelOf(event)}
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
      {!pending && events.length > FIRST && (
        <button type="button" class="link" aria-expanded={all} onClick={() => setAll(!all)} data-testid="timeline-all">
          {all ? 'Show the newest only' : `Show all ${events.length}`}
        </button>
      )}
    </section>
  );
}
