import { customerDb, type CustomerDb } from './db';
import { readTogether } from './read-together';
import { getRecords, recentRecords, recordKeysByIdentity, searchRecords } from './records';
import { identityOverrides } from './profiles';
import { IDENTITY_FIRST_READ, joiningIdentities, resolveMembers } from '../identity/resolve';
import type { ConnectorId, CustomerRecord, RecordType } from '../model/record';

/** One person or company across every tool that knows them, as lists show it. */
export interface ProfileRow {
  kind: 'profile';
  /** The record the row opens: the profile is resolved around it. */
  key: string;
  type: 'person' | 'company';
  name: string;
  /** Main email (a person) or domain (a company). */
  contact?: string;
  company?: string;
  /** The tools that know them, in the order their records came. */
  tools: ConnectorId[];
  /** Every record of the profile, for lists that show the records one click deeper. */
  keys: string[];
}

/** A deal, ticket, conversation, campaign ...: one tool's record, said as what it is. */
export interface RecordRow {
  kind: 'record';
  key: string;
  type: RecordType;
  name: string;
  tool: ConnectorId;
}

export type ListRow = ProfileRow | RecordRow;

/** Grouping resolves a profile per row; more rows than this would cost a keystroke too much. */
const MAX_PROFILES = 12;

const looksLikeEmail = (text: string) => /^[^\s@]+@[^\s@]+$/.test(text.trim());

/**
 * The name most of the tools give (six tools' "Ann Lee" over one's "Ann B. Lee"), a real name
 * over an address used as one; on a tie the fullest.
 */
function bestName(members: CustomerRecord[]): string {
  const counts = new Map<string, number>();
  for (const title of members.map((m) => m.title.trim()).filter((t) => t && !looksLikeEmail(t))) counts.set(title, (counts.get(title) ?? 0) + 1);
  const ranked = [...counts].sort(([a, x], [b, y]) => y - x || b.length - a.length);
  return ranked[0]?.[0] ?? members[0]!.title;
}

function profileRow(root: CustomerRecord, members: CustomerRecord[]): ProfileRow {
  const first = <T>(pick: (r: CustomerRecord) => T | undefined) => members.map(pick).find((v) => v !== undefined && v !== '');
  const type = root.type === 'company' ? 'company' : 'person';
  return {
    kind: 'profile',
    key: root.key,
    type,
    name: bestName(members),
    contact: type === 'company' ? first((r) => r.fields.domain) : first((r) => r.fields.emails?.[0]),
    company: type === 'person' ? first((r) => r.fields.companyName) : undefined,
    tools: [...new Set(members.map((m) => m.connector))],
    keys: members.map((m) => m.key),
  };
}

/**
 * Records as a list of people: the records of one person or company become one row (grouped
 * by the profile resolution the profile view uses, the user's splits and merges included),
 * people and companies first in the order they came; other records after them, one row each.
 * Identity lookups are shared across the rows, so records of one person cost one walk; an
 * identity is read as keys first, so one shared by hundreds of records costs no record read.
 */
export function groupRecords(records: CustomerRecord[], db: CustomerDb = customerDb()): Promise<ListRow[]> {
  // Every row's walk read together: dozens of small reads, each of which alone paid for a
  // transaction of its own (about half of a keystroke's time in a small store).
  return readTogether(db, [db.records, db.overrides], () => groupInTransaction(records, db));
}

async function groupInTransaction(records: CustomerRecord[], db: CustomerDb): Promise<ListRow[]> {
  const overrides = await identityOverrides(db);
  // The rows' own records are already here, and a person's twins are asked for by every row
  // of that person: each identity's keys and each record are read once per list.
  const keysOf = new Map<string, Promise<string[]>>();
  const known = new Map(records.map((record) => [record.key, record]));
  const source = {
    keysByIdentity: (identity: string, limit: number) => {
      let keys = keysOf.get(`${limit}|${identity}`);
      if (!keys) keysOf.set(`${limit}|${identity}`, (keys = recordKeysByIdentity(identity, limit, db)));
      return keys;
    },
    // Chained on the store's own promise, as records.ts returns its reads: an async wrapper
    // around a read committed this transaction early.
    byKeys: (keys: string[]) => {
      const missing = keys.filter((key) => !known.has(key));
      const read = missing.length ? getRecords(missing, db) : Promise.resolve([]);
      return read.then((found) => {
        for (const record of found) known.set(record.key, record);
        return keys.flatMap((key) => known.get(key) ?? []);
      });
    },
  };
  // Every row's identities asked for at once, not one row after another: IndexedDB answers the
  // requests of one transaction side by side, and each row's walk then finds its keys waiting.
  for (const record of records.slice(0, MAX_PROFILES)) for (const identity of joiningIdentities(record)) void source.keysByIdentity(identity, IDENTITY_FIRST_READ);
  const profiles: ProfileRow[] = [];
  const others: RecordRow[] = [];
  const placed = new Set<string>();
  for (const record of records) {
    if (placed.has(record.key)) continue;
    if (record.type !== 'person' && record.type !== 'company') {
      others.push({ kind: 'record', key: record.key, type: record.type, name: record.title, tool: record.connector });
      continue;
    }
    const members = profiles.length < MAX_PROFILES ? (await resolveMembers(record, source, overrides)).members : [record];
    for (const member of members) placed.add(member.key);
    profiles.push(profileRow(record, members));
  }
  return [...profiles, ...others];
}

/** Type-ahead as people: see searchRecords for matching, groupRecords for the rows. */
export async function searchPeople(query: string, limit = 20, db: CustomerDb = customerDb()): Promise<ListRow[]> {
  return (await groupRecords(await searchRecords(query, limit, db), db)).slice(0, limit);
}

/** Recently viewed, each person once however many of their tools' records were opened. */
export async function recentPeople(limit = 10, db: CustomerDb = customerDb()): Promise<ListRow[]> {
  return (await groupRecords(await recentRecords(limit * 3, db), db)).slice(0, limit);
}

/**
 * One line for places that show plain text (the omnibox): "Ann Lee · ann@acme.com · HubSpot ·
 * Stripe · Zendesk +10", or "Renewal · Deal · HubSpot". `label` names a tool.
 */
export function describeRow(row: ListRow, label: (tool: ConnectorId) => string, toolsShown = 3): string {
  if (row.kind === 'record') return [row.name, row.type.charAt(0).toUpperCase() + row.type.slice(1), label(row.tool)].join(' · ');
  const tools = row.tools.map(label);
  const more = tools.length > toolsShown ? ` +${tools.length - toolsShown}` : '';
  return [row.name, row.contact, row.company, tools.slice(0, toolsShown).join(' · ') + more].filter(Boolean).join(' · ');
}

/** Records by key (a page's known customers) as people. */
export async function peopleOfKeys(keys: string[], db: CustomerDb = customerDb()): Promise<ListRow[]> {
  return groupRecords(await getRecords(keys, db), db);
}
