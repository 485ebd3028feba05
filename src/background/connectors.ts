import type { Connector } from '../connectors/contract';
import type { ConnectorId } from '../model/record';

/**
 * A vendor's API client, loaded the first time the worker calls a vendor. A woken worker answers
 * from the store and the vault first; the sixteen API clients, their schemas and the identity
 * data they normalise with are most of its code (DESIGN.md section 9), so they load only when a
 * vendor is called. What only labels or gates a call comes from `metaOf` (vendors.ts).
 */
export async function loadConnector(id: ConnectorId): Promise<Connector> {
  const { connectorFor } = await import('../connectors/registry');
  return connectorFor(id);
}
