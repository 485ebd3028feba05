import { holdsCustomers } from '../model/keys';
import { loadConnector } from './connectors';
import type { Connection } from '../model/health';
import type { CustomerRecord } from '../model/record';
import type { Connector, FetchResult } from '../connectors/contract';
import { normalizeEmail, emailIdentity } from '../identity/email';
import { getRecord, saveRecords } from '../store/records';
import { cachedLookup, saveLookup } from '../store/lookups';
import { getConnections } from '../platform/connections';
import type { Reply, ToolLookup } from '../protocol/messages';
import { callWithCredentials, usableCredentials } from './connector-call';

/** One slow or broken tool must not hold up the others. */
const TOOL_TIMEOUT_MS = 8_000;
/** A tool's answer for an identity is reused for this long unless the user refreshes. */
const LOOKUP_FRESH_MS = 15 * 60_000;
const MAX_EMAILS = 3;

/** Looks the person (or company) up in every other connected tool, in parallel. */
export async function lookupAcrossTools(key: string, force: boolean): Promise<Reply<'panel→background:crossLookup'>> {
  const record = await getRecord(key);
  if (!record) return { ok: false, error: { kind: 'not-found', message: 'That record is not cached yet.' } };
  const others = (await getConnections()).filter((c) => c.connector !== record.connector && holdsCustomers(c.connector));
  const tools = await Promise.all(others.map((connection) => lookupInTool(record, connection, force)));
  return { ok: true, data: { tools } };
}

async function lookupInTool(record: CustomerRecord, connection: Connection, force: boolean): Promise<ToolLookup> {
  const usable = await usableCredentials(connection);
  if ('error' in usable) return { connector: connection.connector, state: 'error', keys: [], error: usable.error };
  const { credentials } = usable;
  // Vendors match emails as typed; the raw address goes out, the normalised one keys the cache.
  const emails = (record.fields.emails ?? []).filter((email) => normalizeEmail(email)).slice(0, MAX_EMAILS);
  const queries: Array<{ identity: string; run: (connector: Connector) => Promise<FetchResult> }> = emails.map((email) => ({
    identity: emailIdentity(normalizeEmail(email)!),
    run: (connector) => connector.findByEmail(email, credentials, connection),
  }));
  const domain = record.type === 'company' ? record.fields.domain : undefined;
  if (domain) queries.push({ identity: `domain:${domain}`, run: (connector) => connector.findByDomain!(domain, credentials, connection) });

  const keys = new Set<string>();
  const stale: typeof queries = [];
  for (const query of queries) {
    const cached = await cachedLookup(lookupId(connection, query.identity));
    if (!force && cached && Date.now() - cached.checkedAt < LOOKUP_FRESH_MS) cached.keys.forEach((k) => keys.add(k));
    else stale.push(query);
  }
  if (!stale.length) return { connector: connection.connector, state: 'ok', keys: [...keys] };

  // Only now is the vendor's API client needed: a profile seen again within the quarter hour loads none.
  const connector = await loadConnector(connection.connector);
  // A tool that cannot look a domain up is not asked (nor its health touched).
  const asked = stale.filter((query) => !query.identity.startsWith('domain:') || connector.findByDomain);
  if (!asked.length) return { connector: connection.connector, state: 'ok', keys: [...keys] };
  const outcome = await callWithCredentials(connection, credentials, {
    call: () => Promise.all(asked.map(async ({ identity, run }) => ({ identity, ...(await run(connector)) }))),
    timeoutMs: TOOL_TIMEOUT_MS,
    warnings: (answers) => answers.flatMap((answer) => answer.warnings ?? []),
    save: (answers) => saveAnswers(connection, answers),
  });
  // A tool that does not know this person has answered: no keys, not an error.
  if (!outcome.ok && outcome.error.kind !== 'not-found') return { connector: connection.connector, state: 'error', keys: [], error: outcome.error };
  for (const answer of outcome.ok ? outcome.answer : []) answer.records.forEach((r) => keys.add(r.key));
  return { connector: connection.connector, state: 'ok', keys: [...keys] };
}

const lookupId = (connection: Connection, identity: string) => `${connection.connector}|${connection.account}|${identity}`;

/** The records found, then each identity's answer, so the same lookup is not paid for twice. */
async function saveAnswers(connection: Connection, answers: Array<FetchResult & { identity: string }>): Promise<void> {
  await saveRecords(answers.flatMap((answer) => answer.records));
  for (const { identity, records } of answers) {
    await saveLookup({ id: lookupId(connection, identity), connector: connection.connector, identity, checkedAt: Date.now(), keys: records.map((r) => r.key) });
  }
}
