import type { Connector } from './contract';
import type { ConnectorId } from '../model/record';
import { hubspot } from './hubspot';

/** One line per vendor. */
export const connectors: Connector[] = [hubspot];

export function connectorFor(id: ConnectorId): Connector {
  const connector = connectors.find((c) => c.id === id);
  if (!connector) throw new Error(`No connector ${id}`);
  return connector;
}
