import type { BodyOf } from './documents';

/** One split/merge decision from the team's append-only log. */
export interface Decision extends BodyOf<'dec'> {
  id: string;
  hlc: string;
}

/** Two or more decisions about the same pair, made without knowing of each other, that disagree. */
export interface Contradiction {
  a: string;
  b: string;
  options: Array<{ kind: 'split' | 'merge'; hlc: string }>;
}

export const pairOf = (d: { a: string; b: string }) => `${d.a}|${d.b}`;

/**
 * Replays one pair's decisions in stamp order (the same order in every browser): the last one
 * stands. The heads are the decisions no later decision had seen; when they disagree, the team
 * has an open question, which the next decision (made seeing all heads) settles.
 */
export function replayPair(decisions: Decision[]): { standing: Decision; contradiction?: Contradiction } | null {
  if (!decisions.length) return null;
  const ordered = [...decisions].sort((x, y) => (x.hlc < y.hlc ? -1 : x.hlc > y.hlc ? 1 : 0));
  const standing = ordered.at(-1)!;
  const seen = new Set(ordered.flatMap((d) => d.seen));
  const heads = ordered.filter((d) => !seen.has(d.id));
  const kinds = new Set(heads.map((d) => d.kind));
  if (kinds.size < 2) return { standing };
  return { standing, contradiction: { a: standing.a, b: standing.b, options: heads.map((d) => ({ kind: d.kind, hlc: d.hlc })) } };
}

/** The ids a new decision about this pair must name as seen: the current heads. */
export function headsOf(decisions: Decision[]): string[] {
  const seen = new Set(decisions.flatMap((d) => d.seen));
  return decisions.filter((d) => !seen.has(d.id)).map((d) => d.id);
}
