import type { Connection } from '../../model/health';
import { recordKey } from '../../model/keys';
import type { RecordPageContext } from '../../model/page-context';
import { getRecord } from '../../store/records';
import { useLiveQuery } from '../shared/use-live-query';
import { connectorLabel, RECORD_TYPE_WORDS } from '../shared/labels';
import { NotConnected } from './NotConnected';
import { ErrorNotice } from './ErrorNotice';
import { useStorageFullAlerts } from '../shared/use-storage-alerts';
import { STORAGE_FULL_MESSAGE } from '../../store/quota';
import { RecordView } from './RecordView';
import { AcceptPageRecord, ConfirmPageHost, usePageHostConfirmed } from './PageTrust';

const IDLE = { state: 'idle' } as const;

/**
 * Page mode: the vendor has no credential, so the content script reads the record off the page
 * and the worker stores it, on console hosts the user confirmed. Shown here with the other
 * connected tools around it, joined to no other profile until the user accepts it.
 */
export function PageModeView({ context, connections, onOpen, tabId }: { context: RecordPageContext; connections: Connection[]; onOpen: (key: string) => void; tabId: number | null }) {
  const key = recordKey(context.connector, context.account, context.type, context.id);
  const record = useLiveQuery(() => getRecord(key).then((found) => found ?? null), [key]);
  const cached = record === undefined ? undefined : record !== null;
  const confirmed = usePageHostConfirmed(context);
  // The worker could not store what the page shows: say so rather than read forever.
  const storageFull = useStorageFullAlerts()[context.connector] !== undefined;
  const description = `${connectorLabel(context.connector)} ${RECORD_TYPE_WORDS[context.type] ?? context.type} ${context.id}`;
  return (
    <>
      <NotConnected connector={context.connector} pageMode />
      {confirmed === false && <ConfirmPageHost context={context} tabId={tabId} />}
      {cached === false && storageFull && <ErrorNotice error={{ kind: 'storage-full', message: STORAGE_FULL_MESSAGE }} description={description} />}
      {confirmed && cached === false && !storageFull && (
        <p class="muted" role="status" data-testid="page-reading">
          Reading the {RECORD_TYPE_WORDS[context.type] ?? context.type} on this {connectorLabel(context.connector)} page…
        </p>
      )}
      {record && <AcceptPageRecord record={record} />}
      {cached && (
        <RecordView
          recordKey={key}
          connections={connections}
          description={description}
          status={IDLE}
          connection={undefined}
          onRefresh={() => undefined}
          onOpen={onOpen}
        />
      )}
    </>
  );
}
