import type { CustomerRecord } from '../model/record';
import { parseRecordKey } from '../model/keys';

/**
 * Profile resolution: which cached records are the same person (or company) as the one on
 * screen. Pure: the store gives it lookups, so it is tested without a database.
 */

export interface ResolveSource {
  /**
   * Keys of records carrying this identity, at most `limit`: keys alone (the index, not the
   * records) say which tool account holds each, enough to tell a shared identity unread.
   */
  keysByIdentity(identity: string, limit: number): Promise<string[]>;
  byKeys(keys: string[]): Promise<CustomerRecord[]>;
  /** Records that link to this key (a company's people, a person's tickets). */
  linking(key: string): Promise<CustomerRecord[]>;
}

export interface IdentityOverrides {
  /** Pairs the user said are NOT the same (split). */
  splits: Array<[string, string]>;
  /** Pairs the user said ARE the same (merge). */
  merges: Array<[string, string]>;
}

export interface ResolvedProfile {
  root: CustomerRecord;
  /** The same person or company across tools, root first. */
  members: CustomerRecord[];
  /** Companies of the people (for a person) or people of the company (for a company). */
  associated: CustomerRecord[];
  /** Deals, tickets, orders, subscriptions, conversations... linked to any member. */
  activity: CustomerRecord[];
  /** Identities that were not followed because many records share them (support@, a switchboard). */
  sharedIdentities: string[];
  /** The user's splits and merges this profile honoured, for views that group its records again. */
  overrides: IdentityOverrides;
}

/** Team inboxes identify a mailbox, not a person. */
const ROLE_LOCAL_PARTS = new Set([
  'support', 'help', 'info', 'hello', 'contact', 'sales', 'admin', 'billing', 'accounts', 'finance', 'office', 'team',
  'marketing', 'noreply', 'no-reply', 'donotreply', 'hr', 'jobs', 'careers', 'press', 'service', 'customerservice', 'webmaster',
]);

export function isRoleEmailIdentity(identity: string): boolean {
  if (!identity.startsWith('email:')) return false;
  return ROLE_LOCAL_PARTS.has(identity.slice(6, identity.indexOf('@')));
}

/**
 * More records than this on one identity inside one tool account means it is shared (a family
 * inbox, a switchboard), not personal. Counted per account: the same person is in every tool,
 * so eight tools knowing one address is normal; one tool knowing it for five people is not.
 */
const SHARED_THRESHOLD = 4;

function isSharedAmong(keys: string[]): boolean {
  const perAccount = new Map<string, number>();
  for (const key of keys) {
    const parsed = parseRecordKey(key);
    const account = parsed ? `${parsed.connector}:${parsed.account}` : key;
    const count = (perAccount.get(account) ?? 0) + 1;
    if (count > SHARED_THRESHOLD) return true;
    perAccount.set(account, count);
  }
  return false;
}

/**
 * Read at most this many keys per identity; as many means shared whatever the accounts. Twenty
 * tools with four records each stay under it.
 */
const IDENTITY_READ_LIMIT = 100;

/**
 * An identity's keys are read in two steps: this many first, which settles the usual cases (a
 * personal address on a few records; a switchboard number on many records of one account, keys
 * being sorted by account). Only an identity on this many records across accounts is read on
 * to the limit. Even index-only, Chromium checks each index entry against its record: reading a
 * switchboard's hundred keys per row cost a million-record search 140 ms.
 */
export const IDENTITY_FIRST_READ = SHARED_THRESHOLD + 1;

const MAX_MEMBERS = 25;
const MAX_DEPTH = 3;

/** One key for a pair of records, whichever comes first: how splits are looked up. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** Identities that may join two records of this kind into one profile. */
export function joiningIdentities(record: CustomerRecord): string[] {
  if (record.type === 'company') return record.identities.filter((i) => i.startsWith('domain:'));
  if (record.type === 'person') return record.identities.filter((i) => (i.startsWith('email:') && !isRoleEmailIdentity(i)) || i.startsWith('phone:'));
  return [];
}

/**
 * Bounded breadth-first walk from `root` over shared identities and the user's merges,
 * never across a split. People join people, companies join companies; links then bring in
 * companies, people and activity around them without merging those into the profile.
 */
export async function resolveProfile(root: CustomerRecord, source: ResolveSource, overrides: IdentityOverrides = { splits: [], merges: [] }): Promise<ResolvedProfile> {
  const { members: memberList, sharedIdentities } = await resolveMembers(root, source, overrides);
  const kind = root.type === 'company' ? 'company' : root.type === 'person' ? 'person' : null;
  const members = new Map(memberList.map((m) => [m.key, m]));
  const linkedKeys = [...new Set(memberList.flatMap((m) => m.links))].filter((key) => !members.has(key));
  // What the members link to and what links to them, asked for together.
  const [linked, linking] = await Promise.all([source.byKeys(linkedKeys), Promise.all(memberList.map((m) => source.linking(m.key)))]);
  const around = [...linked, ...linking.flat()];
  const aroundByKey = new Map(around.filter((r) => !members.has(r.key)).map((r) => [r.key, r]));
  const otherKind = kind === 'company' ? 'person' : 'company';
  const associated = [...aroundByKey.values()].filter((r) => r.type === otherKind);
  const activity = [...aroundByKey.values()].filter((r) => r.type !== 'person' && r.type !== 'company');
  return { root, members: memberList, associated, activity, sharedIdentities, overrides };
}

/**
 * The same person or company across tools, root first: the first half of a profile, without
 * what links to it. Lists of people (search, recently viewed) group their rows by this.
 */
export async function resolveMembers(
  root: CustomerRecord,
  source: Pick<ResolveSource, 'keysByIdentity' | 'byKeys'>,
  overrides: IdentityOverrides = { splits: [], merges: [] },
): Promise<{ members: CustomerRecord[]; sharedIdentities: string[] }> {
  const splits = new Set(overrides.splits.map(([a, b]) => pairKey(a, b)));
  const mergesOf = (key: string) => overrides.merges.flatMap(([a, b]) => (a === key ? [b] : b === key ? [a] : []));
  const kind = root.type === 'company' ? 'company' : root.type === 'person' ? 'person' : null;
  const members = new Map([[root.key, root]]);
  const sharedIdentities = new Set<string>();
  const isSplitFromMembers = (key: string) => [...members.keys()].some((member) => splits.has(pairKey(member, key)));
  // A key that does not parse (an account with a colon in it) is read and checked as a record.
  const kindOf = (keys: string[]) => keys.filter((key) => (parseRecordKey(key)?.type ?? kind) === kind);

  // An identity is asked for once per walk: records found through an address mostly carry the
  // same ones, and its keys would be met again with the same verdict (members only grow).
  const asked = new Set<string>();
  const keysOf = async (identity: string) => {
    const keys = await source.keysByIdentity(identity, IDENTITY_FIRST_READ);
    return keys.length === IDENTITY_FIRST_READ && !isSharedAmong(kindOf(keys)) ? source.keysByIdentity(identity, IDENTITY_READ_LIMIT) : keys;
  };
  /** The keys a record proposes (its merges, then who shares its identities), unread. */
  const proposalOf = async (record: CustomerRecord) => {
    const merged = new Set(mergesOf(record.key));
    const identities = joiningIdentities(record).filter((identity) => !asked.has(identity) && Boolean(asked.add(identity)));
    const found = await Promise.all(identities.map(keysOf));
    const candidateKeys = [...merged];
    identities.forEach((identity, i) => {
      const keys = found[i]!;
      const ofKind = kindOf(keys);
      if (keys.length >= IDENTITY_READ_LIMIT || isSharedAmong(ofKind)) sharedIdentities.add(identity);
      else candidateKeys.push(...ofKind);
    });
    return { merged, candidateKeys: [...new Set(candidateKeys)] };
  };

  let frontier = [root];
  for (let depth = 0; kind && depth < MAX_DEPTH && frontier.length && members.size < MAX_MEMBERS; depth++) {
    // The whole frontier's identities are asked for together, then its candidates read at once:
    // each is a round trip to the store. Candidates join in frontier order, as one by one would.
    const proposals = await Promise.all(frontier.map(proposalOf));
    // Only records not yet in the profile are read: a person in eight tools is found eight times.
    const unread = [...new Set(proposals.flatMap((p) => p.candidateKeys))].filter((key) => !members.has(key) && !isSplitFromMembers(key));
    const read = new Map((unread.length ? await source.byKeys(unread) : []).map((record) => [record.key, record]));
    const next: CustomerRecord[] = [];
    for (const { merged, candidateKeys } of proposals) {
      for (const key of candidateKeys) {
        const candidate = read.get(key);
        if (!candidate || (candidate.type !== kind && !merged.has(key))) continue;
        if (members.has(key) || isSplitFromMembers(key) || members.size >= MAX_MEMBERS) continue;
        members.set(key, candidate);
        next.push(candidate);
      }
    }
    frontier = next;
  }

  return { members: [...members.values()], sharedIdentities: [...sharedIdentities] };
}

export interface FieldConflict {
  field: string;
  values: Array<{ value: string; connector: string; key: string; fetchedAt: number }>;
}

const CONFLICT_FIELDS = ['name', 'jobTitle', 'lifecycleStage', 'companyName'] as const;

/** Where the tools disagree, every value with where it came from; never a silent pick. */
export function findConflicts(members: CustomerRecord[]): FieldConflict[] {
  const conflicts: FieldConflict[] = [];
  for (const field of CONFLICT_FIELDS) {
    const values = members
      .map((m) => ({ value: m.fields[field], connector: m.connector, key: m.key, fetchedAt: m.fetchedAt }))
      .filter((v): v is { value: string; connector: (typeof members)[number]['connector']; key: string; fetchedAt: number } => typeof v.value === 'string' && v.value.trim() !== '');
    const distinct = new Set(values.map((v) => v.value.trim().toLowerCase()));
    if (distinct.size > 1) conflicts.push({ field, values });
  }
  return conflicts;
}
