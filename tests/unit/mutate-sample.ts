/** Helpers for property-based tests that break real vendor samples one field at a time. */
export type Json = Record<string, unknown>;

/** Replaces, deletes or wraps one field somewhere in the sample (depth ≤ 3). */
export function mutate(sample: Json, path: string[], action: number, value: unknown): unknown {
  const copy = structuredClone(sample) as Json;
  let target: Json = copy;
  for (const key of path.slice(0, -1)) {
    const next = target[key];
    if (!next || typeof next !== 'object') break;
    target = next as Json;
  }
  const last = path.at(-1)!;
  if (action === 0) delete target[last];
  else if (action === 1) target[last] = value;
  else target[last] = { value: target[last] };
  return copy;
}

/** Every field path of a sample down to depth 3, the places `mutate` can break. */
export function pathsOf(value: unknown, prefix: string[] = [], depth = 0): string[][] {
  if (!value || typeof value !== 'object' || depth > 2) return [];
  return Object.entries(value as Json).flatMap(([key, child]) => [[...prefix, key], ...pathsOf(child, [...prefix, key], depth + 1)]);
}
