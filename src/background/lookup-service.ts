import { holdsCustomers } from '../model/keys';
import { connectorFor } from '../connectors/registry';
import { ConnectorError, isConnectorError } from '../connectors/errors';
import type { Connection } from '../model/health';
import type { CustomerRecord } from '../model/record';
import { normalizeEmail, emailIdentity } from '../identity/normalize';
import { customerDb } from '../store/db';
import { getRecord, saveRecords } from '../store/records';
import { getConnections } from '../platform/storage';
import { credentialsFor, missingCredentialsMessage } from './credentials';
import type { Reply, ToolLookup } from '../protocol/messages';
import { noteIfStorageFull, recordConnectorFailure, toErrorReply } from './errors';
import { clearStorageFull } from '../platform/storage-alerts';

/** One slow or broken tool must not hold up the others. */
const TOOL_TIMEOUT_MS = 8_000;
/** A tool's answer for an identity is reused for this long unless the user refreshes. */
const LOOKUP_FRESH_MS = 15 * 60_000;
const MAX_EMAILS = 3;

function withTimeout<T>(work: Promise<T>, label: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ConnectorError('network', `${label} did not answer within ${TOOL_TIMEOUT_MS / 1000} s.`)), TOOL_TIMEOUT_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Looks the person (or company) up in every other connected tool, in parallel. */
export async function lookupAcrossTools(key: string, force: boolean): Promise<Reply<'panel→background:crossLookup'>> {
  const db = customerDb();
  const record = await getRecord(db, key);
  if (!record) return { ok: false, error: { kind: 'not-found', message: 'That record is not cached yet.' } };
  const others = (await getConnections()).filter((c) => c.connector !== record.connector && holdsCustomers(c.connector));
  const tools = await Promise.all(others.map((connection) => lookupInTool(record, connection, force)));
  return { ok: true, data: { tools } };
}

async function lookupInTool(record: CustomerRecord, connection: Connection, force: boolean): Promise<ToolLookup> {
  const db = customerDb();
  const connector = connectorFor(connection.connector);
  const credentials = await credentialsFor(connection);
  if (!credentials) return { connector: connection.connector, state: 'error', keys: [], error: { kind: 'not-connected', message: missingCredentialsMessage(connection) } };
  // Vendors match emails as typed; the raw address goes out, the normalised one keys the cache.
  const emails = (record.fields.emails ?? []).filter((email) => normalizeEmail(email)).slice(0, MAX_EMAILS);
  const queries = emails.map((email) => ({ identity: emailIdentity(normalizeEmail(email)!), run: () => connector.findByEmail(email, credentials, connection) }));
  const domain = record.type === 'company' ? record.fields.domain : undefined;
  if (domain && connector.findByDomain) {
    const findByDomain = connector.findByDomain.bind(connector);
    queries.push({ identity: `domain:${domain}`, run: () => findByDomain(domain, credentials, connection) });
  }

  try {
    const keys = new Set<string>();
    let wrote = false;
    await Promise.all(
      queries.map(async ({ identity, run }) => {
        const id = `${connection.connector}|${connection.account}|${identity}`;
        const cached = await db.lookups.get(id);
        if (!force && cached && Date.now() - cached.checkedAt < LOOKUP_FRESH_MS) {
          cached.keys.forEach((k) => keys.add(k));
          return;
        }
        const { records, warnings = [] } = await withTimeout(run(), connector.label);
        await saveRecords(db, records);
        for (const warning of warnings) await recordConnectorFailure(db, connection.connector, warning);
        const found = records.map((r) => r.key);
        await db.lookups.put({ id, connector: connection.connector, identity, checkedAt: Date.now(), keys: found });
        wrote = true;
        found.forEach((k) => keys.add(k));
      }),
    );
    if (wrote) await clearStorageFull(connection.connector);
    return { connector: connection.connector, state: 'ok', keys: [...keys] };
  } catch (error) {
    await noteIfStorageFull(error, connection.connector);
    if (isConnectorError(error) && error.kind !== 'not-found') {
      await recordConnectorFailure(db, connection.connector, error);
    }
    if (isConnectorError(error) && error.kind === 'not-found') return { connector: connection.connector, state: 'ok', keys: [] };
    return { connector: connection.connector, state: 'error', keys: [], error: toErrorReply(error) };
  }
}
