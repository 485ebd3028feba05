import type { Connector } from './contract';
import type { ConnectorId } from '../model/record';
import { VENDOR_METAS } from './vendors';

/**
 * The worker's connectors, one per vendor of vendors.ts: each `<vendor>/index.ts` exports its
 * Connector (built on its meta) as `connector`, found here by folder so that registering a vendor
 * stays one line. Only that export is imported, so the rest of index.ts still tree-shakes. Only
 * the worker imports this (it holds every vendor's API client). A vendor without its connector
 * fails the import of this module, and so every test that uses it, by name.
 */
const found = import.meta.glob<Connector>('./*/index.ts', { eager: true, import: 'connector' });

function connectorIn(id: ConnectorId): Connector {
  const connector = found[`./${id}/index.ts`];
  if (connector?.id !== id) throw new Error(`src/connectors/${id}/index.ts exports no \`connector\` with id “${id}”.`);
  return connector;
}

export const connectors: Connector[] = VENDOR_METAS.map((meta) => connectorIn(meta.id));

export function connectorFor(id: ConnectorId): Connector {
  const connector = connectors.find((c) => c.id === id);
  if (!connector) throw new Error(`No connector ${id}`);
  return connector;
}
