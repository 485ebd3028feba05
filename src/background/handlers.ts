import { detectPage } from '../connectors/page-registry';
import { signInWithGoogle } from './google-sign-in';
import type { Handlers } from '../protocol/server';
import { connect, disconnect } from './connection-service';
import { acceptPageRecord, confirmPageHost, savePageRecord, shouldReadPage } from './page-record-service';
import { fetchRecord, openRecord } from './record-service';
import { lookupAcrossTools } from './lookup-service';
import { readCompanyPeople } from './company-people-service';
import { setOverride } from '../store/profiles';
import { startSync } from './sync-service';
import { captureAll } from './metrics-service';
import type { Backup } from '../store/backup';
import type { ImportSummary, Reply } from '../protocol/messages';
import { toErrorReply } from './errors';
import { prunePoints } from '../store/points';
import { deleteBoard, editBoard, saveBoard } from '../store/boards';
import { saveRecords } from '../store/records';
import { isConnectorError } from '../connectors/errors';
import { enablePassphrase, lockTokens, removePassphrase, unlockTokens, vaultStatus } from '../secrets/tokens';
import { updateSettings } from '../platform/settings';
import { createPin, enablePinRereads, pinsForPage, recordPinReadings } from './pin-service';
import { clearCachedRecords } from '../store/cache';
import { isQuotaExceeded } from '../store/quota';
import { clearAllStorageFull } from '../platform/storage-alerts';
import { forgetTeamSync, saveTeamSync, teamSyncTarget } from './team-sync-service';

/** Parses the file first: a damaged or newer backup is refused before anything is written. */
async function withBackup(text: string, run: (backup: Backup) => Promise<ImportSummary>): Promise<Reply<'options→background:importBackup'>> {
  // A backup's records are tokenised again on the way in (the tokenizer's data is not kept loaded).
  const { BackupError, parseBackup } = await import('../store/backup');
  try {
    return { ok: true, data: await run(parseBackup(text)) };
  } catch (error) {
    if (error instanceof BackupError) return { ok: false, error: { kind: 'rejected', message: error.message } };
    return { ok: false, error: toErrorReply(error) };
  }
}

export const handlers: Handlers = {
  'picker→background:pin': (request, sender) => createPin(sender, request),
  'pin-reader→background:pinsForPage': (_request, sender) => pinsForPage(sender),
  'pin-reader→background:pinReadings': ({ readings }, sender) => recordPinReadings(sender, readings),
  'panel→background:enablePinRereads': ({ origin }) => enablePinRereads(origin),
  'panel→background:fetchRecord': ({ context, force }) => fetchRecord(context, force),
  'panel→background:openRecord': ({ key }) => openRecord(key),
  'panel→background:crossLookup': ({ key, force }) => lookupAcrossTools(key, force),
  'panel→background:companyPeople': ({ key, force }) => readCompanyPeople(key, force),
  'panel→background:setIdentityOverride': async ({ a, b, kind }) => {
    if (a === b) return { ok: false, error: { kind: 'rejected', message: 'A record is always the same as itself.' } };
    await setOverride(a, b, kind);
    return { ok: true, data: {} };
  },
  'panel→background:confirmPageHost': ({ tabId }) => confirmPageHost(tabId),
  'panel→background:acceptPageRecord': ({ key }) => acceptPageRecord(key),
  'panel→background:captureMetrics': () => captureAll(`manual-${Date.now()}`),
  'panel→background:saveBoard': async ({ id, name, metricIds }) => {
    const boardId = id ?? `board-${crypto.randomUUID()}`;
    await saveBoard(boardId, name, metricIds);
    return { ok: true, data: { id: boardId } };
  },
  'panel→background:editBoard': async ({ id, op, metricId }) => {
    await editBoard(id, op, metricId);
    return { ok: true, data: {} };
  },
  'panel→background:deleteBoard': async ({ id }) => {
    await deleteBoard(id);
    return { ok: true, data: {} };
  },
  'options→background:setRetention': async ({ keepDays }) => {
    await updateSettings({ pointRetentionDays: keepDays });
    return { ok: true, data: { removedPoints: await prunePoints(keepDays) } };
  },
  'panel→background:scanPage': async ({ tabId }) => (await import('./page-scan-service')).scanPage(tabId),
  'options→background:vault': async ({ action, passphrase = '' }) => {
    if ((action === 'enable' || action === 'unlock') && passphrase.length < 8) {
      return { ok: false, error: { kind: 'rejected', message: 'Use a passphrase of at least 8 characters.' } };
    }
    try {
      if (action === 'enable') await enablePassphrase(passphrase);
      if (action === 'lock') await lockTokens();
      if (action === 'remove') await removePassphrase();
      if (action === 'unlock' && !(await unlockTokens(passphrase))) return { ok: false, error: { kind: 'rejected', message: 'That passphrase is not the one the tokens were locked with.' } };
    } catch (error) {
      return { ok: false, error: { kind: 'rejected', message: error instanceof Error ? error.message : 'The passphrase could not be changed.' } };
    }
    return { ok: true, data: { status: await vaultStatus() } };
  },
  'options→background:importVendorFile': async ({ connector, fileName, text, rows }) => {
    try {
      const notes: string[] = [];
      // The vendor readers load with the API clients (./connectors.ts), only when a file comes in.
      const records = rows
        ? (await import('../import/import-csv')).peopleFromRows(rows, connector)
        : (await import('../import/normalize-payload')).normalizePayload(connector, JSON.parse(text), notes);
      await saveRecords(records);
      return { ok: true, data: { imported: records.length, notes } };
    } catch (error) {
      if (isQuotaExceeded(error)) return { ok: false, error: toErrorReply(error) };
      const path = isConnectorError(error) && error.detail.path ? ` (at ${error.detail.path})` : '';
      return { ok: false, error: { kind: 'rejected', message: `${fileName} was not imported: ${error instanceof Error ? error.message : String(error)}${path}` } };
    }
  },
  'options→background:connect': ({ connector, authMode, token, site, email }) => connect(connector, authMode ?? 'token', { token: token ?? '', site, email }),
  'options→background:googleSignIn': ({ connector, ...request }) => signInWithGoogle(connector, request),
  'options→background:disconnect': ({ connector }) => disconnect(connector),
  'options→background:clearCache': async () => {
    const removedRecords = await clearCachedRecords();
    await clearAllStorageFull();
    return { ok: true, data: { removedRecords } };
  },
  'options→background:saveTeamSync': (request) => saveTeamSync(request),
  'options→background:forgetTeamSync': () => forgetTeamSync(),
  'page→background:teamSyncTarget': () => teamSyncTarget(),
  'options→background:previewImport': ({ text }) => withBackup(text, async (backup) => (await import('../store/backup')).planImport(backup)),
  'options→background:importBackup': ({ text }) => withBackup(text, async (backup) => (await import('../store/backup')).importBackup(backup)),
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
    if (!context) return { ok: true, data: { readPage: false } };
    if (await shouldReadPage(context)) return { ok: true, data: { readPage: true } };
    await fetchRecord(context, false);
    return { ok: true, data: { readPage: false } };
  },
  /** Page mode: values read off the page; which record they belong to comes from the tab's URL. */
  'content→background:pageRecord': (values, sender) => savePageRecord(sender.tab?.url ?? sender.url, values),
};
