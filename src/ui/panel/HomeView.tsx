import { useEffect, useRef, useState } from 'preact/hooks';
import { recentRecords, searchRecords } from '../../store/records';
import type { CustomerRecord } from '../../model/record';
import { useLiveQuery } from '../shared/use-live-query';
import { initials } from '../shared/format';
import { PageScan } from './PageScan';
import { openOptionsPage } from '../../platform/tabs';

function ResultList({ records, onOpen, label, testId }: { records: CustomerRecord[]; onOpen: (key: string) => void; label: string; testId: string }) {
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
      {records.map((record) => (
        <li key={record.key}>
          <button type="button" class="result" onClick={() => onOpen(record.key)}>
            <span class="avatar small" aria-hidden="true">{initials(record.title)}</span>
            <span class="result-text">
              <span class="result-title">{record.title}</span>
              <span class="muted">
                {record.type === 'company' ? (record.fields.domain ?? 'Company') : [record.fields.emails?.[0], record.fields.companyName].filter(Boolean).join(' · ')}
              </span>
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

export function HomeView({ onOpen, hasConnections, initialQuery = '', tabId = null }: { onOpen: (key: string) => void; hasConnections: boolean; initialQuery?: string; tabId?: number | null }) {
  const [query, setQuery] = useState(initialQuery);
  const results = useLiveQuery(() => (query.trim() ? searchRecords(query) : Promise.resolve(null)), [query]);
  const recent = useLiveQuery(() => recentRecords(), []);
  const inputRef = useRef<HTMLInputElement>(null);

  // Enter typed faster than the search answers still opens the first result once it arrives.
  const [openFirst, setOpenFirst] = useState(false);
  useEffect(() => {
    if (!openFirst || results === undefined) return;
    setOpenFirst(false);
    if (results?.[0]) onOpen(results[0].key);
  }, [openFirst, results]);

  const onSearchKey = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && query.trim()) setOpenFirst(true);
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      (document.querySelector('[data-testid="search-results"] button') as HTMLButtonElement | null)?.focus();
    }
  };

  return (
    <section class="home">
      <h1 class="visually-hidden">Search customers</h1>
      <label class="search">
        <span class="visually-hidden">Search cached people and companies</span>
        <input
          ref={inputRef}
          type="search"
          placeholder="Search name, email, company, domain"
          value={query}
          onInput={(event) => {
            setQuery(event.currentTarget.value);
            setOpenFirst(false);
          }}
          onKeyDown={onSearchKey}
          autoFocus
          data-testid="search-input"
        />
      </label>
      {query.trim() ? (
        results === undefined ? (
          <p class="muted" role="status">Searching…</p>
        ) : results && results.length > 0 ? (
          <ResultList records={results} onOpen={onOpen} label="Search results" testId="search-results" />
        ) : (
          <p class="empty" role="status" data-testid="search-empty">No cached person or company matches “{query}”.</p>
        )
      ) : (
        <>
          <PageScan tabId={tabId} onOpen={onOpen} />
          <h2>Recently viewed</h2>
          {recent && recent.length > 0 ? (
            <ResultList records={recent} onOpen={onOpen} label="Recently viewed" testId="recent-list" />
          ) : (
            <div class="empty" data-testid="recent-empty">
              <p>
                {hasConnections
                  ? 'Open a contact or company in a connected tool and it will appear here.'
                  : 'Nothing cached yet. Connect a tool in Options, then open a contact in it.'}
              </p>
              {!hasConnections && (
                <button type="button" onClick={() => void openOptionsPage()} data-testid="open-options">
                  Connect a tool
                </button>
              )}
            </div>
          )}
        </>
      )}
    </section>
  );
}
