import type { Connection } from '../../model/health';
import { recordKey } from '../../model/keys';
import type { RecordPageContext } from '../../model/page-context';
import { customerDb } from '../../store/db';
import { getRecord } from '../../store/records';
import { useLiveQuery } from '../shared/use-live-query';
import { connectorLabel, RECORD_TYPE_WORDS } from '../shared/labels';
import { NotConnected } from './NotConnected';
import { RecordView } from './RecordView';

const IDLE = { state: 'idle' } as const;

/**
 * Page mode: the vendor has no credential, so the content script reads the record off the page
 * and the worker stores it. Shown here with the other connected tools around it.
 */
export function PageModeView({ context, connections, onOpen }: { context: RecordPageContext; connections: Connection[]; onOpen: (key: string) => void }) {
  const key = recordKey(context.connector, context.account, context.type, context.id);
  const cached = useLiveQuery(() => getRecord(customerDb(), key).then((record) => record !== undefined), [key]);
  return (
    <>
      <NotConnected connector={context.connector} pageMode />
      {cached === false && (
        <p class="muted" role="status" data-testid="page-reading">
          Reading the {RECORD_TYPE_WORDS[context.type] ?? context.type} on this {connectorLabel(context.connector)} page…
        </p>
      )}
      {cached && (
        <RecordView
          recordKey={key}
          connections={connections}
          description={`${connectorLabel(context.connector)} ${RECORD_TYPE_WORDS[context.type] ?? context.type} ${context.id}`}
          status={IDLE}
          connection={undefined}
          onRefresh={() => undefined}
          onOpen={onOpen}
        />
      )}
    </>
  );
}
