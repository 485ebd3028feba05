import { useRef } from 'preact/hooks';
import type { ListRow } from '../../store/people-rows';
import { initials } from '../shared/format';
import { connectorLabel, RECORD_TYPE_WORDS } from '../shared/labels';

/** How many tool names a row spells out before "+N". */
const TOOLS_SHOWN = 3;

const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

function ToolLabels({ tools }: { tools: string[] }) {
  const labels = tools.map(connectorLabel);
  const more = labels.length - TOOLS_SHOWN;
  return (
    <>
      <span class="result-tools" aria-hidden="true" data-testid="result-tools" title={labels.join(', ')}>
        {labels.slice(0, TOOLS_SHOWN).join(' · ')}
        {more > 0 && ` +${more}`}
      </span>
      <span class="visually-hidden">, in {labels.join(', ')}</span>
    </>
  );
}

/**
 * People and companies once each, with the tools that know them; deals, tickets and the like
 * after them, each saying what it is and where it is from. A row opens its profile.
 */
export function PeopleList({ rows, onOpen, label, testId }: { rows: ListRow[]; onOpen: (key: string) => void; label: string; testId: string }) {
  const listRef = useRef<HTMLUListElement>(null);
  // Arrow keys move between results, as in any type-ahead.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const buttons = [...(listRef.current?.querySelectorAll('button') ?? [])];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = buttons[index + (event.key === 'ArrowDown' ? 1 : -1)];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  };
  return (
    <ul class="results" aria-label={label} data-testid={testId} ref={listRef} onKeyDown={onKeyDown}>
      {rows.map((row) => (
        <li key={row.key} data-kind={row.type}>
          <button type="button" class="result" onClick={() => onOpen(row.key)}>
            <span class="avatar small" aria-hidden="true">{initials(row.name)}</span>
            {row.kind === 'profile' ? (
              <span class="result-text">
                <span class="result-title" data-testid="result-name">{row.name}</span>
                <span class="muted">{[row.contact ?? (row.type === 'company' ? 'Company' : undefined), row.company].filter(Boolean).join(' · ')}</span>
                <ToolLabels tools={row.tools} />
              </span>
            ) : (
              <span class="result-text">
                <span class="result-title" data-testid="result-name">{row.name}</span>
                <span class="muted" data-testid="result-kind">
                  {capitalised(RECORD_TYPE_WORDS[row.type] ?? row.type)} · {connectorLabel(row.tool)}
                </span>
              </span>
            )}
          </button>
        </li>
      ))}
    </ul>
  );
}
