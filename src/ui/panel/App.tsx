import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { detectPage } from '../../connectors/page-registry';
import { parseRecordKey, recordKey } from '../../model/keys';
import type { RecordPageContext } from '../../model/page-context';
import { watchTab, openOptionsPage, type TabInfo } from '../../platform/tabs';
import { onPendingLookup } from '../../platform/lookup-entry';
import { useConnections } from '../shared/use-connections';
import { HomeView } from './HomeView';
import { SyncProgress } from '../shared/SyncProgress';
import type { MetricsView as MetricsViewComponent } from './metrics/MetricsView';
import { RecordView } from './RecordView';
import { useRecordFetch } from './use-record-fetch';
import { resolveContext } from '../../connectors/resolve-context';
import { connectorLabel, RECORD_TYPE_WORDS } from '../shared/labels';
import { isPageReadable, pageModeContext } from '../../connectors/page-mode';
import { NotConnected } from './NotConnected';
import { PageModeView } from './PageModeView';
import { TeamQuestions } from './TeamQuestions';
import { useLiveTeamSync } from '../shared/use-team-sync';
import { StoreErrorBoundary } from '../shared/StoreErrorBoundary';

/** Tests open the panel in a tab and pass the tab it should follow. */
function fixedTabId(): number | null {
  const value = new URLSearchParams(location.search).get('tabId');
  return value && /^\d+$/.test(value) ? Number(value) : null;
}

const params = new URLSearchParams(location.search);

/**
 * The metrics view (boards, charts, pins, CSV export) is loaded the first time it is shown:
 * most panel opens are about a customer and never need it.
 */
function useMetricsView(wanted: boolean): typeof MetricsViewComponent | null {
  const [component, setComponent] = useState<typeof MetricsViewComponent | null>(null);
  useEffect(() => {
    if (wanted && !component) void import('./metrics/MetricsView').then((module) => setComponent(() => module.MetricsView));
  }, [wanted, component]);
  return component;
}

export function App() {
  const [tab, setTab] = useState<TabInfo | null>(null);
  // A record opened from search, the omnibox (?open=) or a menu; it wins over the tab's page.
  const [openedKey, setOpenedKey] = useState<string | null>(params.get('open'));
  // A search asked for from outside (?q=, context menu); it also wins over the tab's page.
  const [search, setSearch] = useState<{ query: string; id: number } | null>(params.get('q') ? { query: params.get('q')!, id: 0 } : null);
  const connections = useConnections();
  const [view, setView] = useState<'customer' | 'metrics'>(params.get('view') === 'metrics' ? 'metrics' : 'customer');
  const MetricsView = useMetricsView(view === 'metrics');
  useLiveTeamSync();

  useEffect(() => watchTab(fixedTabId(), setTab), []);
  useEffect(
    () =>
      onPendingLookup((lookup) => {
        if (lookup.key) {
          setSearch(null);
          setOpenedKey(lookup.key);
        } else if (lookup.query) {
          setOpenedKey(null);
          setSearch({ query: lookup.query, id: lookup.at });
        }
      }),
    [],
  );
  const pageContext = useMemo(() => detectPage(tab?.url), [tab?.url]);
  // Navigating the tab to another page replaces whatever the user had opened or searched.
  const previousUrl = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (previousUrl.current !== undefined && previousUrl.current !== tab?.url) {
      setOpenedKey(null);
      setSearch(null);
    }
    previousUrl.current = tab?.url;
  }, [tab?.url]);
  // Re-read when the panel becomes visible again: the worker may have written while it was hidden.
  useEffect(() => {
    const onVisible = () => document.visibilityState === 'visible' && setTab((t) => (t ? { ...t } : t));
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);

  const pageOrOpened: RecordPageContext | null = useMemo(() => {
    if (openedKey) {
      const parsed = parseRecordKey(openedKey);
      const connection = connections?.find((c) => c.connector === parsed?.connector);
      // The tab's host only when it is the same tool's console: another tool's would be wrong.
      const host = connection?.consoleHost ?? (pageContext?.connector === parsed?.connector ? pageContext?.host : undefined) ?? '';
      return parsed ? { ...parsed, host } : null;
    }
    return pageContext;
  }, [openedKey, pageContext, connections]);

  const connection = connections?.find((c) => c.connector === pageOrOpened?.connector);
  const context = pageOrOpened && resolveContext(pageOrOpened, connection);
  const { status, shownKey, refresh } = useRecordFetch(context, !!connection);

  return (
    <div class="app">
      <header class="app-header">
        {openedKey || (search && pageContext) ? (
          <button
            type="button"
            class="icon-button"
            onClick={() => {
              setOpenedKey(null);
              setSearch(null);
            }}
            data-testid="back"
          >
            ← Back
          </button>
        ) : (
          <span class="brand">Customer view</span>
        )}
        <nav class="view-tabs" aria-label="Views">
          <button type="button" class="icon-button" aria-pressed={view === 'customer'} onClick={() => setView('customer')} data-testid="view-customer">
            Customer
          </button>
          <button type="button" class="icon-button" aria-pressed={view === 'metrics'} onClick={() => setView('metrics')} data-testid="view-metrics">
            Metrics
          </button>
          <button type="button" class="icon-button" onClick={() => void openOptionsPage()} aria-label="Options" title="Options">
            ⚙
          </button>
        </nav>
      </header>
      <main>
        <StoreErrorBoundary>
          <SyncProgress />
          <TeamQuestions />
          {view === 'metrics' ? (
            MetricsView && <MetricsView />
          ) : connections === undefined ? null : context && !(search && !openedKey) ? (
            !connection ? (
              isPageReadable(context.connector) ? (
                <PageModeView context={pageModeContext(context)} connections={connections} onOpen={setOpenedKey} tabId={tab?.id ?? null} />
              ) : (
                <NotConnected connector={context.connector} />
              )
            ) : (
              <RecordView
                recordKey={shownKey ?? recordKey(context.connector, context.account, context.type, context.id)}
                connections={connections}
                description={`${connectorLabel(context.connector)} ${RECORD_TYPE_WORDS[context.type] ?? context.type} ${context.id}`}
                status={status}
                connection={connection}
                onRefresh={() => void refresh()}
                onOpen={setOpenedKey}
              />
            )
          ) : (
            <HomeView key={search?.id ?? 'home'} initialQuery={search?.query ?? ''} onOpen={setOpenedKey} hasConnections={connections.length > 0} tabId={tab?.id ?? null} />
          )}
        </StoreErrorBoundary>
      </main>
    </div>
  );
}
