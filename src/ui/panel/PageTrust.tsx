import { useEffect, useState } from 'preact/hooks';
import type { CustomerRecord } from '../../model/record';
import type { RecordPageContext } from '../../model/page-context';
import { send } from '../../protocol/client';
import { isPageHostConfirmed, onPageHostsChanged } from '../../platform/page-hosts';
import { connectorLabel, RECORD_TYPE_WORDS } from '../shared/labels';

/** Whether the user confirmed this console host for page mode (undefined while loading). */
export function usePageHostConfirmed(context: RecordPageContext): boolean | undefined {
  const [confirmed, setConfirmed] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const check = () => void isPageHostConfirmed(context.connector, context.host).then((value) => live && setConfirmed(value));
    check();
    const stop = onPageHostsChanged(check);
    return () => {
      live = false;
      stop();
    };
  }, [context.connector, context.host]);
  return confirmed;
}

/**
 * Any page can pose as a console record (its own URL and DOM are the page's to write), so a
 * console is read only once the user says it is theirs.
 */
export function ConfirmPageHost({ context, tabId }: { context: RecordPageContext; tabId: number | null }) {
  const [error, setError] = useState<string | null>(null);
  const label = connectorLabel(context.connector);
  const what = RECORD_TYPE_WORDS[context.type] ?? context.type;
  return (
    <div class="notice" data-testid="confirm-page-host">
      <strong>Read this page’s {what}?</strong>
      <p>
        Pages are read only on {label} consoles you confirm: any site can make a page that looks like a {label} record. Read records from <code>{context.host}</code> only if
        it is your {label}.
      </p>
      {error && <p role="alert">{error}</p>}
      <div class="actions">
        <button
          type="button"
          disabled={tabId === null}
          onClick={() =>
            void send('panel→background:confirmPageHost', { tabId: tabId! }).then((reply) => setError(reply.ok ? null : reply.error.message))
          }
        >
          Read this page’s record
        </button>
      </div>
    </div>
  );
}

/** A page-read record joins no one's profile until the user accepts it. */
export function AcceptPageRecord({ record }: { record: CustomerRecord }) {
  if (record.pageRead !== 'pending') return null;
  return (
    <div class="notice compact" data-testid="page-record-pending">
      <p>
        Read from this page, so not yet joined with other tools’ records by email or phone, and not counted when deciding whether an address is shared. Accept it if this page is
        the {connectorLabel(record.connector)} record it shows.
      </p>
      <div class="actions">
        <button type="button" onClick={() => void send('panel→background:acceptPageRecord', { key: record.key })} data-testid="accept-page-record">
          Accept as this person’s record
        </button>
      </div>
    </div>
  );
}
