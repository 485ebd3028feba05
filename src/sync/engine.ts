import { applySharedChanges, sharedOverrides, sharedRows, type SharedChanges, type SharedRows, type SharedStore } from '../store/team-sync';
import type { VaultHeader } from '../secrets/vault';
import { canonical, decode, docIdOf, encode, LWW_KINDS, RejectedDoc, type BodyOf, type DocKind, type TeamDoc, type WireDoc } from './documents';
import { headsOf, pairOf, replayPair, type Contradiction, type Decision } from './decisions';
import { isNetworkError, teamSyncError, toTeamSyncError } from './errors';
import { parseStamp, receive, stamp, tick, ZERO_CLOCK, type Clock } from './hlc';
import { isVaultHeader, teamKeyFor, VAULT_DOC_ID, type TeamKey } from './team-key';
import type { PouchConstructor, PouchDatabase, PouchDoc } from './pouch-types';

/** The team's database and this user's CouchDB account on it. */
export interface TeamTarget {
  /** The database's URL: `https://couch.example.com/marketing`. */
  url: string;
  username: string;
  password: string;
  /** Set when the team encrypts its documents end to end. */
  passphrase?: string;
}

/** Settings that sync; src/platform/settings.ts in the browser. */
export interface SharedSettings {
  read(): Promise<{ pointRetentionDays: number | null }>;
  write(change: { pointRetentionDays: number | null }): Promise<void>;
}

export interface SyncEnv {
  Pouch: PouchConstructor;
  /** This browser's id in the team: part of its points' ids and the clock's tie-break. */
  device: string;
  settings: SharedSettings;
  /** The customer database (tests pass their own; the page's own by default). */
  db?: SharedStore;
  now?: () => number;
  /** The local replica's name; by default one per team database URL. */
  replica?: string;
  /**
   * Nothing shared changed here since the last sync: only pull. Reading every point to find
   * no change would cost an open panel a moment every 20 seconds.
   */
  pullOnly?: boolean;
}

export interface SyncReport {
  at: number;
  /** Documents this browser sent and received in this sync. */
  up: number;
  down: number;
  /** Documents kept out because they do not read as what they claim to be, with why. */
  rejected: Array<{ id: string; reason: string }>;
  /** Split/merge questions the team answered both ways at once: the user settles each. */
  contradictions: Contradiction[];
  encrypted: boolean;
}

/**
 * What this browser last exchanged with its local replica, kept in a `_local` document (which
 * never replicates): per document id, a hash of the body last written or applied here, so a
 * change on either side is seen once and never twice.
 */
interface LocalState extends PouchDoc {
  clock: Clock;
  mirror: Record<string, { h: string; n?: string }>;
  importSeq: number | string;
  vault: VaultHeader | null;
  rejected: Record<string, string>;
}
const STATE_ID = '_local/team-sync';

/** A local replica per team database: switching teams never mixes their documents. */
export const replicaName = (url: string) => `team-sync-${hashOf(url)}`;

/**
 * One sync: this browser's changes into the local replica (which works offline), then both ways
 * with the team server, then conflicts resolved by kind, then the team's changes into the store.
 * Throws a TeamSyncError with plain words; whatever was done before the error stays done.
 */
export async function syncOnce(target: TeamTarget, env: SyncEnv): Promise<SyncReport> {
  const { db } = env;
  const now = env.now ?? Date.now;
  const local = new env.Pouch(env.replica ?? replicaName(target.url));
  const remote = new env.Pouch(target.url, { adapter: 'http', skip_setup: true, auth: { username: target.username, password: target.password } });
  const state = await readState(local);
  try {
    let reachable = true;
    try {
      await checkDatabase(remote);
      state.vault = await readVaultHeader(remote);
    } catch (error) {
      const known = toTeamSyncError(error);
      if (known.kind !== 'offline' && known.kind !== 'server-error') throw known;
      reachable = false;
    }
    // A key made up offline would seal documents no teammate can open: wait for the team's header.
    if (!reachable && target.passphrase && !state.vault) throw teamSyncError('offline');
    const key = await teamKey(remote, state, target.passphrase || undefined);
    const ctx: Context = { local, key, state, device: env.device, now, tags: new Map() };
    let overrides: SharedRows['overrides'];
    if (env.pullOnly) overrides = await sharedOverrides(db);
    else {
      const rows = await sharedRows(db);
      await exportChanges(ctx, rows, await env.settings.read());
      overrides = rows.overrides;
    }
    await writeState(local, state);
    if (!reachable) throw teamSyncError('offline');

    const up = await replicate(() => local.replicate.to(remote, { batch_size: 200 }));
    const down = await replicate(() => local.replicate.from(remote, { batch_size: 200 }));
    const changes = await importChanges(ctx, overrides);
    if (changes.resolved) await replicate(() => local.replicate.to(remote, { batch_size: 200 }));
    await applySharedChanges(changes.shared, db);
    if (changes.setting) await env.settings.write(changes.setting);
    await writeState(local, state);
    return {
      at: now(),
      up,
      down,
      rejected: Object.entries(state.rejected).map(([id, reason]) => ({ id, reason })),
      contradictions: changes.contradictions,
      encrypted: !!key,
    };
  } finally {
    await Promise.allSettled([local.close(), remote.close()]);
  }
}

interface Context {
  local: PouchDatabase;
  key: TeamKey | null;
  state: LocalState;
  device: string;
  now: () => number;
  tags: Map<string, Promise<string>>;
}

async function readState(local: PouchDatabase): Promise<LocalState> {
  try {
    return (await local.get(STATE_ID)) as LocalState;
  } catch {
    return { _id: STATE_ID, clock: ZERO_CLOCK, mirror: {}, importSeq: 0, vault: null, rejected: {} };
  }
}

async function writeState(local: PouchDatabase, state: LocalState): Promise<void> {
  const { rev } = await local.put(state);
  state._rev = rev;
}

/**
 * A CouchDB database answers its URL with its name and update sequence; PouchDB hands CouchDB's
 * own error answers back as the result, and anything that is not JSON at all is not a CouchDB.
 */
async function checkDatabase(remote: PouchDatabase): Promise<void> {
  let info: Record<string, unknown>;
  try {
    info = await remote.info();
  } catch (error) {
    if (isNetworkError(error) || typeof (error as { status?: number }).status === 'number') throw error;
    throw teamSyncError('not-couchdb');
  }
  if (info.error === 'unauthorized') throw teamSyncError('wrong-password');
  if (info.error === 'forbidden') throw teamSyncError('refused');
  if (info.error === 'not_found') throw teamSyncError('database-missing');
  if (info.error) throw teamSyncError('server-error');
  if (!('update_seq' in info)) throw teamSyncError('not-couchdb');
}

async function readVaultHeader(remote: PouchDatabase): Promise<VaultHeader | null> {
  try {
    const doc = await remote.get(VAULT_DOC_ID);
    return isVaultHeader(doc) ? { salt: doc.salt, iterations: doc.iterations, check: doc.check } : null;
  } catch (error) {
    if ((error as { status?: number }).status === 404) return null;
    throw error;
  }
}

/**
 * The team key: from the team's header, or, for the first browser with a passphrase, from a new
 * header it puts on the server. Two first browsers at once: the one whose header lost reads the
 * winner's and derives from that.
 */
async function teamKey(remote: PouchDatabase, state: LocalState, passphrase: string | undefined): Promise<TeamKey | null> {
  const { key, newHeader } = await teamKeyFor(state.vault, passphrase);
  if (!newHeader) return key;
  try {
    await remote.put({ _id: VAULT_DOC_ID, ...newHeader });
    state.vault = newHeader;
    return key;
  } catch (error) {
    if ((error as { status?: number }).status !== 409) throw toTeamSyncError(error);
    state.vault = await readVaultHeader(remote);
    return (await teamKeyFor(state.vault, passphrase)).key;
  }
}

async function replicate(run: () => Promise<{ ok: boolean; docs_written: number; errors?: unknown[] }>): Promise<number> {
  try {
    const result = await run();
    if (result.ok === false || result.errors?.length) throw result.errors?.[0] ?? teamSyncError('server-error');
    return result.docs_written;
  } catch (error) {
    throw toTeamSyncError(error);
  }
}

function tagOf(ctx: Context, name: string): Promise<string> {
  if (!ctx.key) return Promise.resolve(name);
  let tag = ctx.tags.get(name);
  if (!tag) ctx.tags.set(name, (tag = ctx.key.tag(name)));
  return tag;
}

const bodyHash = (body: unknown) => hashOf(canonical(body));
const pinBody = (pin: SharedRows['pins'][number]): BodyOf<'pin'> => ({ id: pin.id, label: pin.label, selector: pin.selector, urlPattern: pin.urlPattern, origin: pin.origin, createdAt: pin.createdAt });

/** This browser's changes since the last sync, as new documents or revisions in the local replica. */
async function exportChanges(ctx: Context, rows: SharedRows, settings: { pointRetentionDays: number | null }): Promise<void> {
  const { mirror } = ctx.state;
  const writes: PouchDoc[] = [];
  const stampNow = () => {
    ctx.state.clock = tick(ctx.state.clock, ctx.now());
    return stamp(ctx.state.clock, ctx.device);
  };
  const current = new Set<string>();
  const tag = (name: string) => tagOf(ctx, name);

  const lww = async <K extends DocKind>(kind: K, body: BodyOf<K>, natural: string, skipUnlessKnown = false) => {
    const id = await docIdOf(kind, body, tag);
    current.add(id);
    const h = bodyHash(body);
    if (mirror[id]?.h === h || (skipUnlessKnown && !mirror[id])) return;
    const existing = await getOrNull(ctx.local, id);
    const wire = await encode({ id, kind, body, hlc: stampNow() } as TeamDoc, ctx.key);
    writes.push({ ...asDoc(wire), ...(existing?._rev ? { _rev: existing._rev } : {}) });
    mirror[id] = { h, n: natural };
  };
  for (const metric of rows.metrics) await lww('metric', metric, metric.id);
  for (const pin of rows.pins) await lww('pin', pinBody(pin), pin.id);
  for (const board of rows.boards) await lww('board', board, board.id);
  // A browser that never chose a retention does not overrule the team's choice with its default.
  await lww('set', { key: 'pointRetentionDays', value: settings.pointRetentionDays }, 'pointRetentionDays', settings.pointRetentionDays === null);

  for (const point of rows.points) {
    if (point.device) continue; // another browser's point, which came from the team
    const body: BodyOf<'pt'> = { metricId: point.metricId, snapshotId: point.snapshotId, at: point.at, value: point.value, device: ctx.device };
    const id = await docIdOf('pt', body, tag);
    if (mirror[id]) continue; // immutable: written once
    writes.push(asDoc(await encode({ id, kind: 'pt', body }, ctx.key)));
    mirror[id] = { h: bodyHash(body) };
  }

  // Deleted here: a tombstone tells the team. (Points stay: pruning old history is each browser's own.)
  for (const id of Object.keys(mirror)) {
    if ((id.startsWith('pin:') || id.startsWith('board:')) && !current.has(id)) {
      const existing = await getOrNull(ctx.local, id);
      if (existing && !existing._deleted) writes.push({ _id: id, _rev: existing._rev, _deleted: true });
      delete mirror[id];
    }
  }

  const changedPairs = rows.overrides.filter((o) => mirror[`ovr:${o.id}`]?.h !== o.kind);
  if (changedPairs.length) {
    const decisions = await readDecisions(ctx);
    for (const override of changedPairs) {
      const hlc = stampNow();
      const body: BodyOf<'dec'> = { a: override.a, b: override.b, kind: override.kind, seen: headsOf(decisions.get(override.id) ?? []) };
      const id = await docIdOf('dec', body, tag, hlc);
      writes.push(asDoc(await encode({ id, kind: 'dec', body, hlc }, ctx.key)));
      mirror[id] = { h: bodyHash(body) };
      mirror[`ovr:${override.id}`] = { h: override.kind };
    }
  }
  if (writes.length) await ctx.local.bulkDocs(writes);
}

async function getOrNull(local: PouchDatabase, id: string, options?: { rev?: string }): Promise<PouchDoc | null> {
  try {
    return await local.get(id, options);
  } catch {
    return null;
  }
}

/** Every decision in the local replica, by pair (decisions are few: one per user click). */
async function readDecisions(ctx: Context): Promise<Map<string, Decision[]>> {
  const { rows } = await ctx.local.allDocs({ include_docs: true, startkey: 'dec:', endkey: 'dec:\uffff' });
  const byPair = new Map<string, Decision[]>();
  for (const row of rows) {
    if (!row.doc) continue;
    try {
      const doc = await decode(row.doc as unknown as WireDoc, ctx.key);
      if (doc.kind !== 'dec' || !doc.hlc) continue;
      const decision: Decision = { ...doc.body, id: doc.id, hlc: doc.hlc };
      const pair = pairOf(decision);
      byPair.set(pair, [...(byPair.get(pair) ?? []), decision]);
    } catch {
      // Reported when it arrived; a decision that does not read takes no part in the replay.
    }
  }
  return byPair;
}

const asDoc = (wire: WireDoc) => wire as unknown as PouchDoc;
const hlcOf = (doc: PouchDoc | null) => (typeof doc?.hlc === 'string' ? doc.hlc : '');

/**
 * Last writer wins, by stamp: every browser picks the same revision and deletes the others, so
 * neither the replica nor the server keeps a conflict.
 */
async function resolveConflict(ctx: Context, doc: PouchDoc): Promise<PouchDoc> {
  const leaves = [doc, ...(await Promise.all((doc._conflicts ?? []).map((rev) => getOrNull(ctx.local, doc._id, { rev }))))].filter((d): d is PouchDoc => !!d);
  const winner = leaves.reduce((best, d) => (hlcOf(d) > hlcOf(best) || (hlcOf(d) === hlcOf(best) && d._rev! > best._rev!) ? d : best));
  const losers = leaves.filter((d) => d !== winner).map((d) => ({ _id: d._id, _rev: d._rev, _deleted: true }));
  if (losers.length) await ctx.local.bulkDocs(losers);
  return winner;
}

interface Imported {
  shared: SharedChanges;
  setting?: { pointRetentionDays: number | null };
  contradictions: Contradiction[];
  resolved: boolean;
}

/** The team's documents that changed in the local replica since the last import, into the store. */
async function importChanges(ctx: Context, overrides: SharedRows['overrides']): Promise<Imported> {
  const { state } = ctx;
  const shared: SharedChanges = { metrics: [], points: [], pins: [], boards: [], deletedPins: [], deletedBoards: [], overrides: [] };
  const result: Imported = { shared, contradictions: [], resolved: false };
  for (;;) {
    const batch = await ctx.local.changes({ since: state.importSeq, include_docs: true, conflicts: true, limit: 500 });
    for (const change of batch.results) {
      let doc = change.doc;
      if (!doc || change.id === VAULT_DOC_ID || change.id.startsWith('_')) continue;
      if (doc._conflicts?.length) {
        doc = await resolveConflict(ctx, doc);
        result.resolved = true;
      }
      if (doc._deleted) {
        const natural = state.mirror[change.id]?.n;
        if (natural && change.id.startsWith('pin:')) shared.deletedPins.push(natural);
        if (natural && change.id.startsWith('board:')) shared.deletedBoards.push(natural);
        delete state.mirror[change.id];
        continue;
      }
      await importDoc(ctx, doc, result);
    }
    state.importSeq = batch.last_seq;
    if (batch.results.length < 500) break;
  }

  // The decision log replayed whole, in stamp order: the same standing decisions in every browser.
  const current = new Map(overrides.map((o) => [o.id, o.kind]));
  for (const [pair, decisions] of await readDecisions(ctx)) {
    const replayed = replayPair(decisions);
    if (!replayed) continue;
    const { standing, contradiction } = replayed;
    if (contradiction) result.contradictions.push(contradiction);
    state.mirror[`ovr:${pair}`] = { h: standing.kind };
    if (current.get(pair) !== standing.kind) shared.overrides.push({ id: pair, a: standing.a, b: standing.b, kind: standing.kind, at: parseStamp(standing.hlc)?.wall ?? ctx.now() });
  }
  return result;
}

async function importDoc(ctx: Context, wire: PouchDoc, result: Imported): Promise<void> {
  const { state } = ctx;
  const { shared } = result;
  let doc: TeamDoc;
  try {
    doc = await decode(wire as unknown as WireDoc, ctx.key);
  } catch (error) {
    if (!(error instanceof RejectedDoc)) throw error;
    state.rejected[wire._id] = error.message;
    return;
  }
  delete state.rejected[wire._id];
  if (doc.hlc) state.clock = receive(state.clock, doc.hlc);
  const h = bodyHash(doc.body);
  if (state.mirror[doc.id]?.h === h) return; // this browser's own, or applied before
  const natural = LWW_KINDS.includes(doc.kind) && doc.kind !== 'set' ? (doc.body as { id: string }).id : undefined;
  state.mirror[doc.id] = natural ? { h, n: natural } : { h };
  switch (doc.kind) {
    case 'metric':
      shared.metrics.push(doc.body);
      break;
    case 'pt':
      if (doc.body.device !== ctx.device) shared.points.push(doc.body);
      break;
    case 'pin':
      shared.pins.push(doc.body);
      break;
    case 'board':
      shared.boards.push(doc.body);
      break;
    case 'set':
      result.setting = { pointRetentionDays: doc.body.value };
      break;
    case 'dec':
      break; // replayed whole after the import
  }
}

/** A short, stable hash (53-bit, cyrb53): change detection, not security. */
function hashOf(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
