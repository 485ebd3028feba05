import type { ConnectorSetup } from '../../connectors/vendor-meta';
import type { ConnectorId } from '../../model/keys';

/**
 * Each vendor's `setup` (the Options card's fields and help) from its meta.ts, found by folder:
 * only Options holds this text, not the content script, panel or worker that import the metas.
 * tests/unit/conventions.test.ts checks that every registered vendor has one.
 */
const setups = import.meta.glob<ConnectorSetup>('../../connectors/*/meta.ts', { eager: true, import: 'setup' });

export function setupOf(id: ConnectorId): ConnectorSetup {
  const setup = setups[`../../connectors/${id}/meta.ts`];
  if (!setup) throw new Error(`src/connectors/${id}/meta.ts exports no setup for its Options card.`);
  return setup;
}
