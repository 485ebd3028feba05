import { holdsCustomers } from '../../model/keys';
import type { Connection } from '../../model/health';
import type { CustomerRecord } from '../../model/record';
import type { ResolvedProfile } from '../../identity/resolve';
import { send } from '../../protocol/client';
import { formatMoney, lifecycleLabel, timeAgo } from '../shared/format';
import { ExternalLink } from '../shared/ExternalLink';
import { connectorLabel } from '../shared/labels';
import type { CrossLookupState } from './use-cross-lookup';

interface OtherToolsProps {
  profile: ResolvedProfile;
  connections: Connection[];
  lookup: CrossLookupState;
  now: number;
  onOpen: (key: string) => void;
}

/**
 * One section per other connected tool: what it knows about this person or company. Cached
 * answers show at once; each tool's own failure stays in its own section.
 */
export function OtherTools({ profile, connections, lookup, now, onOpen }: OtherToolsProps) {
  const record = profile.root;
  const others = connections.filter((c) => c.connector !== record.connector && holdsCustomers(c.connector));
  const matches = profile.members.filter((m) => m.key !== record.key);
  const split = (key: string) => void send('panel→background:setIdentityOverride', { a: record.key, b: key, kind: 'split' });

  if (others.length === 0) return null;
  return (
    <section class="other-tools" aria-label="In your other tools">
      <h2>In your other tools</h2>
      {others.map((connection) => {
        const records = matches.filter((r) => r.connector === connection.connector);
        const status = lookup.state === 'done' ? lookup.tools.find((t) => t.connector === connection.connector) : undefined;
        const label = connectorLabel(connection.connector);
        return (
          <div class="tool-section" key={connection.connector} data-testid={`tool-${connection.connector}`}>
            <h3>
              {label} <span class="muted">{connection.accountLabel}</span>
              {connection.isSandbox && <span class="badge warn">Sandbox</span>}
            </h3>
            {records.map((r) => (
              <ToolRecord key={r.key} record={r} now={now} onOpen={onOpen} onSplit={() => split(r.key)} />
            ))}
            {status?.state === 'error' && (
              <p class="notice error compact" role="alert" data-testid="tool-error">
                {status.error?.kind === 'storage-full' ? `What ${label} knows could not be saved: this browser's storage is full.` : (status.error?.message ?? `${label} could not be reached.`)}
              </p>
            )}
            {records.length === 0 && status?.state !== 'error' && (
              <p class="muted" data-testid="tool-status">
                {lookup.state === 'error'
                  ? lookup.error.message
                  : lookup.state === 'done'
                    ? `${label} does not know this ${record.type === 'company' ? 'company' : 'person'}.`
                    : `Looking in ${label}…`}
              </p>
            )}
          </div>
        );
      })}
    </section>
  );
}

function ToolRecord({ record, now, onOpen, onSplit }: { record: CustomerRecord; now: number; onOpen: (key: string) => void; onSplit: () => void }) {
  const f = record.fields;
  const facts = [
    f.emails?.[0],
    lifecycleLabel(f.lifecycleStage),
    f.status,
    f.lifetimeValue && `LTV ${formatMoney(f.lifetimeValue)}`,
    f.mrr && `MRR ${formatMoney(f.mrr)}`,
    f.orderCount !== undefined && `${f.orderCount.toLocaleString()} ${f.orderCount === 1 ? 'order' : 'orders'}`,
    f.amount && formatMoney(f.amount),
  ].filter(Boolean);
  return (
    <div class="tool-record">
      <button type="button" class="link" onClick={() => onOpen(record.key)}>
        {record.title}
      </button>
      <span class="muted"> · {record.type}</span>
      {facts.length > 0 && <p class="facts">{facts.join(' · ')}</p>}
      <p class="muted provenance">
        fetched {timeAgo(record.fetchedAt, now)}
        <ExternalLink url={record.url} />
        {' · '}
        <button type="button" class="link" onClick={onSplit} data-testid="split" title="Stop treating this record as the same customer">
          not the same {record.type === 'company' ? 'company' : 'person'}
        </button>
      </p>
    </div>
  );
}
