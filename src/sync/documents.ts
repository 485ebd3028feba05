import { z } from '../model/zod-setup';
import { boardSchema, metricSchema } from '../store/backup';
import type { TeamKey } from './team-key';

/**
 * What a team shares, one document per thing, and how each kind resolves concurrent edits:
 * - `pt` metric points and `dec` identity decisions are immutable: replication only unions them.
 * - `metric`, `pin`, `board` and `set` (settings) are last-writer-wins by their `hlc` stamp.
 * Vendor records, lookups, recents and tokens have no kind here: they never leave the browser.
 */
const pointBody = z.object({ metricId: z.string(), snapshotId: z.string(), at: z.number(), value: z.number(), device: z.string().check(z.regex(/^[\w-]{1,40}$/)) });
/** A pin as the team sees it: where and what to read; whether it read last time is each browser's own. */
const pinBody = z.object({ id: z.string(), label: z.string(), selector: z.string(), urlPattern: z.string(), origin: z.string(), createdAt: z.number() });
const settingBody = z.object({ key: z.literal('pointRetentionDays'), value: z.nullable(z.number().check(z.int(), z.positive())) });
/** `seen`: the decisions about the same pair this device knew of, so concurrent ones can be told apart. */
const decisionBody = z.object({ a: z.string(), b: z.string(), kind: z.enum(['split', 'merge']), seen: z.array(z.string()) });

export const bodySchemas = { metric: metricSchema, pt: pointBody, pin: pinBody, board: boardSchema, set: settingBody, dec: decisionBody } as const;

export type DocKind = keyof typeof bodySchemas;
export type BodyOf<K extends DocKind> = z.infer<(typeof bodySchemas)[K]>;
export const LWW_KINDS: readonly DocKind[] = ['metric', 'pin', 'board', 'set'];
export const isDocKind = (kind: unknown): kind is DocKind => typeof kind === 'string' && Object.hasOwn(bodySchemas, kind);

/** A document before it is written: `hlc` for last-writer-wins kinds and decisions. */
export type TeamDoc = { [K in DocKind]: { id: string; kind: K; body: BodyOf<K>; hlc?: string } }[DocKind];

/** The document as stored and replicated: the body in clear, or sealed with the team key. */
export interface WireDoc {
  _id: string;
  _rev?: string;
  kind: DocKind;
  hlc?: string;
  body?: unknown;
  sealed?: { iv: string; data: string };
}

/**
 * Document ids: `tag` gives a thing's own name without encryption, an HMAC tag of it with (the
 * engine caches them: one metric's points share one tag).
 */
export async function docIdOf<K extends DocKind>(kind: K, body: BodyOf<K>, tag: (name: string) => Promise<string>, hlc?: string): Promise<string> {
  switch (kind) {
    case 'pt': {
      const point = body as BodyOf<'pt'>;
      return `pt:${await tag(point.metricId)}:${point.at}:${point.device}`;
    }
    case 'set':
      return `set:${(body as BodyOf<'set'>).key}`;
    case 'dec':
      return `dec:${hlc}`;
    default:
      return `${kind}:${await tag((body as { id: string }).id)}`;
  }
}

export async function encode(doc: TeamDoc, key: TeamKey | null): Promise<WireDoc> {
  const wire: WireDoc = { _id: doc.id, kind: doc.kind, ...(doc.hlc ? { hlc: doc.hlc } : {}) };
  if (key) wire.sealed = await key.seal(JSON.stringify(doc.body));
  else wire.body = doc.body;
  return wire;
}

export class RejectedDoc extends Error {}

/** The document's kind and body, checked; a document that fails is rejected, never half-applied. */
export async function decode(wire: WireDoc, key: TeamKey | null): Promise<TeamDoc> {
  if (!isDocKind(wire.kind)) throw new RejectedDoc('unknown kind of document');
  let body: unknown = wire.body;
  if (wire.sealed) {
    if (!key) throw new RejectedDoc('encrypted, and no team passphrase is set');
    try {
      body = JSON.parse(await key.open(wire.sealed));
    } catch {
      throw new RejectedDoc('does not open with the team passphrase');
    }
  } else if (key) {
    throw new RejectedDoc('not encrypted, in a team that encrypts');
  }
  const parsed = bodySchemas[wire.kind].safeParse(body);
  if (!parsed.success) throw new RejectedDoc(parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; '));
  return { id: wire._id, kind: wire.kind, body: parsed.data, hlc: wire.hlc } as TeamDoc;
}

/** The same body always gives the same text (key order included): what change detection compares. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
