/** Connected tools first, then the others in the registry's order: every vendor meta gets a row. */
export function toolOrder<Id extends string>(ids: readonly Id[], connected: ReadonlySet<string>): Id[] {
  return [...ids.filter((id) => connected.has(id)), ...ids.filter((id) => !connected.has(id))];
}
