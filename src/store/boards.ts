/** A board's metric list after one edit: add at the end, remove, or move one place up or down. */
export function editedBoard(metricIds: string[], op: 'add' | 'remove' | 'up' | 'down', metricId: string): string[] {
  const ids = metricIds.filter((id) => id !== metricId || op !== 'remove');
  if (op === 'add') return ids.includes(metricId) ? ids : [...ids, metricId];
  if (op === 'remove') return ids;
  const from = ids.indexOf(metricId);
  const to = from + (op === 'up' ? -1 : 1);
  if (from < 0 || to < 0 || to >= ids.length) return ids;
  [ids[from], ids[to]] = [ids[to]!, ids[from]!];
  return ids;
}
