import { metaOf } from '../connectors/vendors';
import { loadConnector } from './connectors';
import type { Connection } from '../model/health';
import type { CustomerRecord } from '../model/record';
import { getRecord, saveRecordsKeepingLinks } from '../store/records';
import { cachedLookup, saveLookup } from '../store/lookups';
import { profileOf } from '../store/profiles';
import { getConnections } from '../platform/connections';
import type { Reply, ToolPeople } from '../protocol/messages';
import { callConnector } from './connector-call';

/** A few hundred people in two or three requests; still, one slow tool must not hold the others. */
const TOOL_TIMEOUT_MS = 15_000;
/** A company's people are read again after this long, or when the user refreshes. */
const PEOPLE_FRESH_MS = 15 * 60_000;

/**
 * Reads the people of the company on screen from every connected tool that has the company
 * (its profile's members) and lists people, in parallel; they land in the store, linked to it.
 */
export async function readCompanyPeople(key: string, force: boolean): Promise<Reply<'panel→background:companyPeople'>> {
  const record = await getRecord(key);
  if (!record) return { ok: false, error: { kind: 'not-found', message: 'That record is not cached yet.' } };
  if (record.type !== 'company') return { ok: false, error: { kind: 'rejected', message: 'Only a company has people.' } };
  const connections = await getConnections();
  const { members } = await profileOf(record);
  const asked = members.flatMap((company) => {
    const connection = connections.find((c) => c.connector === company.connector && c.account === company.account);
    return company.type === 'company' && connection && metaOf(connection.connector).traits.companyPeople ? [{ company, connection }] : [];
  });
  const tools = await Promise.all(asked.map(({ company, connection }) => peopleInTool(company, connection, force)));
  return { ok: true, data: { tools } };
}

async function peopleInTool(company: CustomerRecord, connection: Connection, force: boolean): Promise<ToolPeople> {
  const id = `${connection.connector}|${connection.account}|company-people:${company.id}`;
  const cached = await cachedLookup(id);
  if (!force && cached && Date.now() - cached.checkedAt < PEOPLE_FRESH_MS) return { connector: connection.connector, state: 'ok', count: cached.keys.length };
  const connector = await loadConnector(connection.connector);
  const outcome = await callConnector(connection, {
    call: (credentials) => connector.companyPeople!(company.id, credentials, connection),
    timeoutMs: TOOL_TIMEOUT_MS,
    warnings: (answer) => answer.warnings,
    save: async ({ records }) => {
      await saveRecordsKeepingLinks(records);
      await saveLookup({ id, connector: connection.connector, identity: `company-people:${company.id}`, checkedAt: Date.now(), keys: records.map((r) => r.key) });
    },
  });
  if (!outcome.ok) return { connector: connection.connector, state: 'error', count: 0, error: outcome.error };
  return { connector: connection.connector, state: 'ok', count: outcome.answer.records.length };
}
