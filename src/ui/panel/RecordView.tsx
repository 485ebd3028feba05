import { holdsCustomers } from '../../model/keys';
import { recordWithProfile } from '../../store/profiles';
import { getRecord } from '../../store/records';
import { findConflicts } from '../../identity/resolve';
import type { Connection } from '../../model/health';
import { useLiveQuery } from '../shared/use-live-query';
import { useNow } from '../shared/use-now';
import { timeAgo } from '../shared/format';
import { ProfileCard, ProfileRestSkeleton, ProfileSkeleton } from './ProfileCard';
import { ErrorNotice } from './ErrorNotice';
import { Conflicts } from './Conflicts';
import { ProfileSummary } from './ProfileSummary';
import { CompanySummary } from './CompanySummary';
import { MergeControl } from './MergeControl';
import type { FetchStatus } from './use-record-fetch';
import { useCrossLookup, useOtherToolsPending } from './use-cross-lookup';
import { OtherTools } from './OtherTools';
import { peopleTools, useCompanyPeople } from './use-company-people';

interface RecordViewProps {
  recordKey: string;
  connections: Connection[];
  /** What the vendor must be asked for if nothing is cached, in words: `HubSpot contact 101`. */
  description: string;
  status: FetchStatus;
  connection: Connection | undefined;
  onRefresh: () => void;
  onOpen: (key: string) => void;
}

export function RecordView({ recordKey, connections, description, status, connection, onRefresh, onOpen }: RecordViewProps) {
  const now = useNow();
  // Re-resolves whenever any record, lookup or split/merge changes, in this page or the worker.
  const data = useLiveQuery(async () => {
    const queriedAt = performance.now();
    return { ...(await recordWithProfile(recordKey)), queriedAt };
  }, [recordKey]);

  // The record alone is one read; the profile around it is several, one after another. Its name
  // and own fields show after that one (in a busy panel each read waits its turn), the rest fills in.
  const own = useLiveQuery(async () => ({ record: await getRecord(recordKey) }), [recordKey]);
  const record = data?.record ?? own?.record;
  const profile = data?.profile;
  // The record's own tool need not be connected (page mode): every other connected tool is asked.
  const otherTools = connections.filter((c) => c.connector !== record?.connector && holdsCustomers(c.connector)).length;
  const { lookup, refreshLookup } = useCrossLookup(record?.key, otherTools);
  const othersPending = useOtherToolsPending(lookup, !!record && otherTools > 0, data?.queriedAt);
  const companyTools = record?.type === 'company' && profile ? peopleTools(profile.members, connections) : [];
  const { people, pending: peoplePending, refreshPeople } = useCompanyPeople(record?.type === 'company' ? record.key : undefined, companyTools, data?.queriedAt);
  const loading = status.state === 'loading';
  const error = status.state === 'error' ? status.error : null;
  const offline = error?.kind === 'network';
  const refreshAll = () => {
    onRefresh();
    void refreshLookup();
    void refreshPeople();
  };

  if (!record) {
    if (error) return <ErrorNotice error={error} description={description} onRetry={onRefresh} />;
    return <ProfileSkeleton />;
  }

  const conflicts = profile ? findConflicts(profile.members) : [];
  return (
    <>
      <div class="status-bar" role="status" aria-live="polite">
        {/* The disagreement itself is listed further down; up here a badge takes no room of its own. */}
        {conflicts.length > 0 && (
          <a class="badge warn" href="#conflicts" data-testid="conflicts-badge">
            Tools disagree
          </a>
        )}
        {offline && <span class="badge warn" data-testid="offline-badge">Offline</span>}
        <span data-testid="fetched-ago">{loading ? 'Refreshing…' : `Fetched ${timeAgo(record.fetchedAt, now)}`}</span>
        <button type="button" class="icon-button" onClick={refreshAll} disabled={loading} aria-label="Refresh from the vendor" data-testid="refresh">
          ↻ Refresh
        </button>
      </div>
      {error && !offline && <ErrorNotice error={error} description={description} onRetry={onRefresh} compact />}
      <ProfileCard record={record} members={profile?.members ?? [record]} related={profile?.associated ?? []} connection={connection} onOpen={onOpen} />
      {!profile && <ProfileRestSkeleton />}
      {profile && record.type === 'person' && <ProfileSummary profile={profile} pending={othersPending} onOpen={onOpen} />}
      {profile && record.type === 'company' && <CompanySummary profile={profile} peopleFrom={peoplePending ? companyTools : []} peopleErrors={people.state === 'done' ? people.tools.filter((t) => t.error) : []} onOpen={onOpen} />}
      <Conflicts conflicts={conflicts} />
      {profile && <OtherTools profile={profile} connections={connections} lookup={lookup} now={now} onOpen={onOpen} />}
      {profile && (record.type === 'person' || record.type === 'company') && <MergeControl profile={profile} />}
    </>
  );
}
