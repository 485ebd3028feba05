import type { Connector } from './contract';
import type { ConnectorId } from '../model/record';
import { hubspot } from './hubspot';

/** One line per vendor. */
export const connectors: Record<ConnectorId, Connector> = { hubspot };

export function connectorFor(id: ConnectorId): Connector {
  return connectors[id];
}
