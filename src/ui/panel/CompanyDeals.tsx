import type { CustomerRecord } from '../../model/record';
import { isOpenDeal } from '../../identity/company-deals';
import { formatDate, formatMoney } from '../shared/format';
import { ExternalLink } from '../shared/ExternalLink';
import { connectorLabel } from '../shared/labels';

/** HubSpot deals, Salesforce opportunities and Pipedrive deals of the company: stage, amount, tool and a link back. */
export function CompanyDeals({ deals, onOpen }: { deals: CustomerRecord[]; onOpen: (key: string) => void }) {
  return (
    <section class="timeline" aria-labelledby="company-deals-title">
      <h2 id="company-deals-title">Deals</h2>
      {deals.length === 0 ? (
        <p class="empty" data-testid="company-deals-empty">
          No deals of this company in your connected tools yet.
        </p>
      ) : (
        <ol data-testid="company-deals">
          {deals.slice(0, 30).map((deal) => (
            <li key={deal.key}>
              <span>
                <button type="button" class="link" onClick={() => onOpen(deal.key)}>
                  {deal.title}
                </button>
                {deal.fields.amount && ` · ${formatMoney(deal.fields.amount)}`}
              </span>
              <span>
                {deal.fields.status && <span class={isOpenDeal(deal) ? 'badge' : 'badge muted'}>{deal.fields.status}</span>}
                <span class="muted"> {formatDate(deal.fields.createdAt ?? deal.updatedAt)}</span>
              </span>
              <span class="muted">
                {connectorLabel(deal.connector)}
                <ExternalLink url={deal.url} />
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
