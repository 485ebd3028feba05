import { openOptionsPage } from '../../platform/tabs';
import { connectorLabel } from '../shared/labels';

/** A tool without a credential; in page mode the record read off the page shows below it. */
export function NotConnected({ connector, pageMode = false }: { connector: string; pageMode?: boolean }) {
  const label = connectorLabel(connector);
  return (
    <div class={`notice ${pageMode ? 'compact' : ''}`} data-testid="not-connected">
      <strong>{label} is not connected</strong>
      <p>
        {pageMode
          ? `Shown as read from this page. Connect ${label} for the full record, its related records and background sync.`
          : `Connect ${label} with a private-app token to see this record and everything else the extension knows about this person.`}
      </p>
      <div class="actions">
        <button type="button" onClick={() => void openOptionsPage()}>
          Connect {label} in Options
        </button>
      </div>
    </div>
  );
}
