/** Connected tools first, then the others in the registry's order: every vendor meta gets a row. */
export function toolOrder(ids: readonly string[], connected: ReadonlySet<string>): string[] {
  return [...ids.filter((id) => connected.has(id)), ...ids.filter((id) => !connected.has(id))];
}
