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

const IDLE = { state: 'idle' } as const;

/**
 * Page mode: the vendor has no credential, so the content script reads the record off the page
 * and the worker stores it. Shown here with the other connected tools around it.
 */
export function PageModeView({ context, connections, onOpen }: { context: RecordPageContext; connections: Connection[]; onOpen: (key: string) => void }) {
  const key = recordKey(context.connector, context.account, context.type, context.id);
  const cached = useLiveQuery(() => getRecord(key).then((record) => record !== undefined), [key]);
  // The worker could not store what the page shows: say so rather than read forever.
  const storageFull = useStorageFullAlerts()[context.connector] !== undefined;
  const description = `${connectorLabel(context.connector)} ${RECORD_TYPE_WORDS[context.type] ?? context.type} ${context.id}`;
  return (
    <>
      <NotConnected connector={context.connector} pageMode />
      {cached === false && storageFull && <ErrorNotice error={{ kind: 'storage-full', message: STORAGE_FULL_MESSAGE }} description={description} />}
      {cached === false && !storageFull && (
        <p class="muted" role="status" data-testid="page-reading">
          Reading the {RECORD_TYPE_WORDS[context.type] ?? context.type} on this {connectorLabel(context.connector)} page…
        </p>
      )}
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
