import { useEffect, useRef, useState } from 'preact/hooks';
import { recentPeople, searchPeople } from '../../store/people-rows';
import { useLiveQuery } from '../shared/use-live-query';
import { PageScan } from './PageScan';
import { openOptionsPage } from '../../platform/tabs';
import { PeopleList } from './PeopleList';

export function HomeView({ onOpen, hasConnections, initialQuery = '', tabId = null }: { onOpen: (key: string) => void; hasConnections: boolean; initialQuery?: string; tabId?: number | null }) {
  const [query, setQuery] = useState(initialQuery);
  const results = useLiveQuery(() => (query.trim() ? searchPeople(query) : Promise.resolve(null)), [query]);
  const recent = useLiveQuery(() => recentPeople(), []);
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
          <PeopleList rows={results} onOpen={onOpen} label="Search results" testId="search-results" />
        ) : (
          <p class="empty" role="status" data-testid="search-empty">No cached person or company matches “{query}”.</p>
        )
      ) : (
        <>
          <PageScan tabId={tabId} onOpen={onOpen} />
          <h2>Recently viewed</h2>
          {recent && recent.length > 0 ? (
            <PeopleList rows={recent} onOpen={onOpen} label="Recently viewed" testId="recent-list" />
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
