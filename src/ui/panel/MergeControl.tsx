import { useState } from 'preact/hooks';
import { searchPeople, type ProfileRow } from '../../store/people-rows';
import type { ResolvedProfile } from '../../identity/resolve';
import { send } from '../../protocol/client';
import { useLiveQuery } from '../shared/use-live-query';
import { connectorLabel } from '../shared/labels';

/** When the tools spell a customer too differently to be matched, the user joins them by hand. */
export function MergeControl({ profile }: { profile: ResolvedProfile }) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const root = profile.root;
  const inProfile = new Set(profile.members.map((m) => m.key));
  const candidates = useLiveQuery(
    // Other people (or companies) as the search lists them: merging one joins all of their tools.
    async () =>
      open && query.trim()
        ? (await searchPeople(query, 20)).filter((row): row is ProfileRow => row.kind === 'profile' && row.type === (root.type === 'company' ? 'company' : 'person') && !row.keys.some((key) => inProfile.has(key))).slice(0, 8)
        : [],
    [open, query, root.key, [...inProfile].join(',')],
  );
  if (!open) {
    return (
      <button type="button" class="link merge-toggle" onClick={() => setOpen(true)} data-testid="merge-open">
        Same {root.type === 'company' ? 'company' : 'person'} under another name? Merge…
      </button>
    );
  }
  return (
    <section class="merge" aria-label="Merge with another record">
      <label>
        <span class="visually-hidden">Find the other record</span>
        <input type="search" placeholder="Name, email or domain in another tool" value={query} onInput={(event) => setQuery(event.currentTarget.value)} autoFocus data-testid="merge-search" />
      </label>
      <ul class="values">
        {(candidates ?? []).map((candidate) => (
          <li key={candidate.key}>
            {candidate.name} <span class="muted">· {[candidate.contact, candidate.tools.map(connectorLabel).join(', ')].filter(Boolean).join(' · ')}</span>{' '}
            <button type="button" class="link" onClick={() => void send('panel→background:setIdentityOverride', { a: root.key, b: candidate.key, kind: 'merge' }).then(() => setOpen(false))} data-testid="merge-confirm">
              Merge
            </button>
          </li>
        ))}
      </ul>
      <button type="button" class="link" onClick={() => setOpen(false)}>
        Cancel
      </button>
    </section>
  );
}
