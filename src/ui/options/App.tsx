import { connectors } from '../../connectors/registry';
import { useConnections } from '../shared/use-connections';
import { ConnectorCard } from './ConnectorCard';
import { BackupCard } from './BackupCard';
import { StorageCard } from './StorageCard';
import { RetentionCard } from './RetentionCard';
import { PassphraseCard } from './PassphraseCard';
import { ImportCard } from './ImportCard';
import { extensionVersion } from '../../platform/manifest';

export function App() {
  const connections = useConnections();
  return (
    <main class="options">
      <h1>Customer view · Options</h1>
      <p class="muted">
        Tokens stay in this browser and are sent only to their own vendor's API. Nothing is sent anywhere else.
      </p>
      {connections === undefined ? (
        <p role="status">Loading…</p>
      ) : (
        connectors.map((connector) => (
          <ConnectorCard key={connector.id} connector={connector} connection={connections.find((c) => c.connector === connector.id)} />
        ))
      )}
      <ImportCard />
      <PassphraseCard />
      <RetentionCard />
      <BackupCard />
      <StorageCard />
      <footer class="muted" data-testid="extension-version">
        Customer View {extensionVersion()}
      </footer>
    </main>
  );
}
