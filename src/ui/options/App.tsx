import { useRef } from 'preact/hooks';
import { metaOf } from '../../connectors/vendors';
import { CONNECTOR_IDS, type ConnectorId } from '../../model/keys';
import type { Connection } from '../../model/health';
import { useConnections } from '../shared/use-connections';
import { ConnectorCard } from './ConnectorCard';
import { toolOrder } from './tool-order';
import { BackupCard } from './BackupCard';
import { StorageCard } from './StorageCard';
import { RetentionCard } from './RetentionCard';
import { PassphraseCard } from './PassphraseCard';
import { ImportCard } from './ImportCard';
import { TeamSyncCard } from './TeamSyncCard';
import { useLiveTeamSync } from '../shared/use-team-sync';
import { extensionVersion } from '../../platform/manifest';
import { StoreErrorBoundary } from '../shared/StoreErrorBoundary';

function firstStep(connections: Connection[]): string {
  return connections.length === 0
    ? 'Start here: open the tool your customers live in (your CRM or help desk), paste its token, then open a contact in that tool.'
    : 'Connect the other tools your team uses: each one you add fills in more of the same customer.';
}

export function App() {
  const connections = useConnections();
  useLiveTeamSync();
  // The order is taken once, when the connections first load: a card that moved to the top when
  // its token was accepted would leave the user looking at a different card.
  const order = useRef<ConnectorId[] | null>(null);
  if (connections && !order.current) order.current = toolOrder(CONNECTOR_IDS, new Set(connections.map((c) => c.connector)));
  return (
    <main class="options">
      <h1>Customer view · Options</h1>
      <p class="muted">
        Tokens stay in this browser and are sent only to their own vendor's API. Nothing else leaves it, except what you choose to share with your team's own server (Team sync, below).
      </p>
      <StoreErrorBoundary>
        {connections === undefined ? (
          <p role="status">Loading…</p>
        ) : (
          <section aria-labelledby="tools-title" data-testid="tools">
            <h2 id="tools-title">Tools</h2>
            <p data-testid="first-step">{firstStep(connections)}</p>
            {(order.current ?? []).map((id) => (
              <ConnectorCard key={id} connector={metaOf(id)} connection={connections.find((c) => c.connector === id)} />
            ))}
          </section>
        )}
      </StoreErrorBoundary>
      <ImportCard />
      <PassphraseCard />
      <RetentionCard />
      <TeamSyncCard />
      <BackupCard />
      <StorageCard />
      <footer class="muted" data-testid="extension-version">
        Customer View {extensionVersion()}
      </footer>
    </main>
  );
}
