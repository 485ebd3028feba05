import { useEffect, useRef, useState } from 'preact/hooks';
import { recentPeople, searchPeople } from '../../store/people-rows';
import { useLiveQuery } from '../shared/use-live-query';
import { PageScan } from './PageScan';
import { openOptionsPage } from '../../platform/tabs';
import { PeopleList } from './PeopleList';
import { StoreErrorBoundary } from '../shared/StoreErrorBoundary';

export function HomeView({ onOpen, hasConnections, initialQuery = '', tabId = null }: { onOpen: (key: string) => void; hasConnections: boolean; initialQuery?: string; tabId?: number | null }) {
  const [query, setQuery] = useState(initialQuery);
  const inputRef = useRef<HTMLInputElement>(null);
  // Enter typed faster than the search answers still opens the first result once it arrives.
  const [openFirst, setOpenFirst] = useState(false);

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
      {/* Here, not only around the whole view: a failed read keeps what the user typed, and typing again reads again. */}
      <StoreErrorBoundary key={query.trim()}>
        {query.trim() ? (
          <SearchResults query={query} openFirst={openFirst} onOpenedFirst={() => setOpenFirst(false)} onOpen={onOpen} />
        ) : (
          <>
            <PageScan tabId={tabId} onOpen={onOpen} />
            <RecentPeople hasConnections={hasConnections} onOpen={onOpen} />
          </>
        )}
      </StoreErrorBoundary>
    </section>
  );
}

function SearchResults({ query, openFirst, onOpenedFirst, onOpen }: { query: string; openFirst: boolean; onOpenedFirst: () => void; onOpen: (key: string) => void }) {
  const results = useLiveQuery(() => searchPeople(query), [query]);
  useEffect(() => {
    if (!openFirst || results === undefined) return;
    onOpenedFirst();
    if (results[0]) onOpen(results[0].key);
  }, [openFirst, results]);

  if (results === undefined) return <p class="muted" role="status">Searching…</p>;
  if (results.length === 0) return <p class="empty" role="status" data-testid="search-empty">No cached person or company matches “{query}”.</p>;
  return <PeopleList rows={results} onOpen={onOpen} label="Search results" testId="search-results" />;
}

function RecentPeople({ hasConnections, onOpen }: { hasConnections: boolean; onOpen: (key: string) => void }) {
  const recent = useLiveQuery(() => recentPeople(), []);
  return (
    <>
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
  );
}
