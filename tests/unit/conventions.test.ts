import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Connector } from '../../src/connectors/contract';
import type { ConnectorSetup, PageExamples } from '../../src/connectors/vendor-meta';
import { VENDOR_METAS } from '../../src/connectors/vendors';
import { SUPPORTED_CONNECTORS } from '../../src/import/normalize-payload';
import { createReplicas } from '../replica/server.mjs';
import { makeHubspotData } from '../replica/seed.mjs';
import { SAMPLES_DIR } from './samples';

/**
 * What a vendor is made of: a line in src/connectors/vendors.ts and, found by its folder, a meta
 * with its Options setup, a connector, an import reader, example pages, samples and a replica.
 * Anything a vendor lacks is named, rather than found by a user (no Options card, pages never
 * detected, an import that fails).
 */
const ROOT = resolve(import.meta.dirname, '../..');
const metaModules = import.meta.glob<Record<string, unknown>>('../../src/connectors/*/meta.ts', { eager: true });
const setups = import.meta.glob<ConnectorSetup>('../../src/connectors/*/meta.ts', { eager: true, import: 'setup' });
const connectors = import.meta.glob<Connector>('../../src/connectors/*/index.ts', { eager: true, import: 'connector' });
const examples = import.meta.glob<PageExamples>('../../src/connectors/*/pages.ts', { eager: true, import: 'pageExamples' });
const inFolder = (id: string, file: string) => `../../src/connectors/${id}/${file}`;
const replicas = Object.keys(createReplicas(makeHubspotData()));

function whatIsMissing(meta: (typeof VENDOR_METAS)[number]): string[] {
  const { id } = meta;
  const missing: string[] = [];
  if (!Object.values(metaModules[inFolder(id, 'meta.ts')] ?? {}).includes(meta)) missing.push(`its meta is not exported by src/connectors/${id}/meta.ts`);
  if (!setups[inFolder(id, 'meta.ts')]?.tokenHelp) missing.push(`an Options card: \`setup\` in src/connectors/${id}/meta.ts`);
  const connector = connectors[inFolder(id, 'index.ts')];
  if (connector?.id !== id) missing.push(`a connector: \`connector\` with id “${id}” exported by src/connectors/${id}/index.ts`);
  else if (meta.auth.modes.includes('session') && !connector.auth.session) missing.push('the session cookie its `session` mode needs (connector.auth.session)');
  // The worker picks the tools to ask by the trait, before it loads any API client.
  if (connector && Boolean(meta.traits.companyPeople) !== Boolean(connector.companyPeople)) missing.push('`traits.companyPeople` in its meta exactly when its connector has `companyPeople`');
  if (!SUPPORTED_CONNECTORS.includes(id)) missing.push(`an import reader: \`readPayload\` in src/connectors/${id}/payload.ts`);
  if (meta.pages.length === 0 && !meta.traits.metricsOnly) missing.push('page detectors (only metrics-only tools may have none)');
  if (meta.pages.length > 0 && !examples[inFolder(id, 'pages.ts')]?.positives.length) missing.push(`detector examples: \`pageExamples\` in src/connectors/${id}/pages.ts`);
  const samples = resolve(SAMPLES_DIR, id);
  if (!existsSync(samples) || !readdirSync(samples).some((file) => file.endsWith('.json'))) missing.push(`samples: JSON payloads in ../shared/vendor-samples/${id}`);
  if (!existsSync(resolve(ROOT, `tests/replica/${id}.mjs`))) missing.push(`a replica module: tests/replica/${id}.mjs`);
  if (!replicas.includes(id)) missing.push(`its replica in createReplicas (tests/replica/server.mjs)`);
  return missing;
}

describe('vendor conventions', () => {
  it.each(VENDOR_METAS.map((meta) => [meta.id, meta] as const))('%s has everything a vendor needs', (_id, meta) => {
    expect(whatIsMissing(meta)).toEqual([]);
  });

  it('registers every vendor folder that has a meta (one line in src/connectors/vendors.ts)', () => {
    const folders = Object.keys(metaModules).map((path) => path.split('/').at(-2)!);
    expect(folders.filter((folder) => !VENDOR_METAS.some((meta) => meta.id === folder))).toEqual([]);
  });
});
