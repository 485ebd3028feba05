import type { Connector } from './contract';
import type { ConnectorId } from '../model/record';
import { VENDOR_METAS } from './vendors';

/**
 * The worker's connectors, one per vendor of vendors.ts: each `<vendor>/index.ts` exports its
 * Connector (built on its meta), found here by folder so that registering a vendor stays one line.
 * Only the worker imports this (it holds every vendor's API client). A vendor without its
 * connector fails the import of this module, and so every test that uses it, by name.
 */
const modules = import.meta.glob<Record<string, unknown>>('./*/index.ts', { eager: true });

function connectorIn(id: ConnectorId): Connector {
  const exported = Object.values(modules[`./${id}/index.ts`] ?? {});
  const connector = exported.find((value): value is Connector => !!value && typeof value === 'object' && (value as Connector).id === id && typeof (value as Connector).fetchRecord === 'function');
  if (!connector) throw new Error(`src/connectors/${id}/index.ts exports no Connector with id “${id}”.`);
  return connector;
}

export const connectors: Connector[] = VENDOR_METAS.map((meta) => connectorIn(meta.id));

export function connectorFor(id: ConnectorId): Connector {
  const connector = connectors.find((c) => c.id === id);
  if (!connector) throw new Error(`No connector ${id}`);
  return connector;
}
