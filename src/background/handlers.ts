import { detectPage } from '../connectors/page-registry';
import type { Handlers } from '../protocol/server';
import { connect, disconnect } from './connection-service';
import { fetchRecord, openRecord } from './record-service';
import { lookupAcrossTools } from './lookup-service';
import { customerDb } from '../store/db';
import { setOverride } from '../store/profiles';
import { startSync } from './sync-service';
import { captureAll } from './metrics-service';

export const handlers: Handlers = {
  'panel→background:fetchRecord': ({ context, force }) => fetchRecord(context, force),
  'panel→background:openRecord': ({ key }) => openRecord(key),
  'panel→background:crossLookup': ({ key, force }) => lookupAcrossTools(key, force),
  'panel→background:setIdentityOverride': async ({ a, b, kind }) => {
    if (a === b) return { ok: false, error: { kind: 'rejected', message: 'A record is always the same as itself.' } };
    await setOverride(customerDb(), a, b, kind);
    return { ok: true, data: {} };
  },
  'panel→background:captureMetrics': () => captureAll(`manual-${Date.now()}`),
  'options→background:connect': ({ connector, token, site, email }) => connect(connector, { token, site, email }),
  'options→background:disconnect': ({ connector }) => disconnect(connector),
  'options→background:startSync': async ({ connector }) => {
    await startSync(connector);
    return { ok: true, data: {} };
  },

  /**
   * Warms the cache while the user reads the console page, so the panel opens on fresh data.
   * The record is derived from the tab's real URL as the browser reports it; nothing the
   * page could plant is trusted.
   */
  'content→background:pageVisited': async (_request, sender) => {
    const context = detectPage(sender.tab?.url ?? sender.url);
    if (context) await fetchRecord(context, false);
    return { ok: true, data: {} };
  },
};
