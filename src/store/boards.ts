import { customerDb, type CustomerDb } from './db';
import type { Board } from './schema';
import { withReopen } from './reopen';

export function boardsInOrder(db: CustomerDb = customerDb()): Promise<Board[]> {
  return db.boards.orderBy('id').toArray();
}

/** Creates or renames a board; a board keeps the date it was first made. */
export async function saveBoard(id: string, name: string, metricIds: string[], db: CustomerDb = customerDb()): Promise<void> {
  await withReopen(db, () =>
    db.transaction('rw', db.boards, async () => {
      const existing = await db.boards.get(id);
      await db.boards.put({ id, name, metricIds: [...new Set(metricIds)], createdAt: existing?.createdAt ?? Date.now() });
    }),
  );
}

export async function editBoard(id: string, op: 'add' | 'remove' | 'up' | 'down', metricId: string, db: CustomerDb = customerDb()): Promise<void> {
  await withReopen(db, () =>
    db.transaction('rw', db.boards, async () => {
      const board = await db.boards.get(id);
      if (board) await db.boards.put({ ...board, metricIds: editedBoard(board.metricIds, op, metricId) });
    }),
  );
}

export async function deleteBoard(id: string, db: CustomerDb = customerDb()): Promise<void> {
  await withReopen(db, () => db.boards.delete(id));
}

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
