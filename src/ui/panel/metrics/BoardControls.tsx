import { useState } from 'preact/hooks';
import type { Board } from '../../../store/schema';
import type { MetricSummary } from '../../../store/metrics';
import { send } from '../../../protocol/client';

interface BoardBarProps {
  boards: Board[];
  selected: Board | undefined;
  onSelect: (id: string | null) => void;
}

/** Choose a board, make a new one, or delete the one shown. */
export function BoardBar({ boards, selected, onSelect }: BoardBarProps) {
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const create = async (event: Event) => {
    event.preventDefault();
    const reply = await send('panel→background:saveBoard', { name, metricIds: [] });
    setNaming(false);
    setName('');
    if (reply.ok) onSelect(reply.data.id);
  };
  return (
    <div class="board-bar">
      <label>
        <span class="visually-hidden">Board</span>
        <select value={selected?.id ?? ''} onChange={(event) => onSelect(event.currentTarget.value || null)} data-testid="board-select">
          <option value="">All metrics</option>
          {boards.map((board) => (
            <option key={board.id} value={board.id}>
              {board.name}
            </option>
          ))}
        </select>
      </label>
      {naming ? (
        <form onSubmit={(event) => void create(event)} class="inline-form">
          <input aria-label="Board name" value={name} onInput={(event) => setName(event.currentTarget.value)} required autoFocus data-testid="board-name" />
          <button type="submit" data-testid="board-create">Create</button>
        </form>
      ) : (
        <button type="button" class="link" onClick={() => setNaming(true)} data-testid="board-new">
          New board
        </button>
      )}
      {selected && (
        <button type="button" class="link" onClick={() => void send('panel→background:deleteBoard', { id: selected.id }).then(() => onSelect(null))} data-testid="board-delete">
          Delete board
        </button>
      )}
    </div>
  );
}

/** Move, remove and add metrics on a board; each change is applied by the worker to the saved board. */
export function useBoardEditing(board: Board | undefined) {
  const edit = (op: 'add' | 'remove' | 'up' | 'down', metricId: string) => board && void send('panel→background:editBoard', { id: board.id, op, metricId });
  return {
    move: (id: string, by: -1 | 1) => edit(by < 0 ? 'up' : 'down', id),
    remove: (id: string) => edit('remove', id),
    add: (id: string) => edit('add', id),
  };
}

export function AddToBoard({ board, all, onAdd }: { board: Board; all: MetricSummary[]; onAdd: (id: string) => void }) {
  const available = all.filter((s) => !board.metricIds.includes(s.definition.id));
  if (available.length === 0) return null;
  return (
    <label class="add-to-board">
      Add a metric{' '}
      <select value="" onChange={(event) => event.currentTarget.value && onAdd(event.currentTarget.value)} data-testid="board-add">
        <option value="">Choose…</option>
        {available.map((s) => (
          <option key={s.definition.id} value={s.definition.id}>
            {s.definition.label}
          </option>
        ))}
      </select>
    </label>
  );
}
