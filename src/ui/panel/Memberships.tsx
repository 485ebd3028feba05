import { useState } from 'preact/hooks';
import type { Membership } from '../../identity/memberships';
import { safeHttpUrl } from '../shared/format';
import { connectorLabel } from '../shared/labels';
import { MoreToggle } from './FirstAndMore';

/** Chips on one line until the user asks for all: a list that wrapped as tools answered moved the panel. */
const FIRST = 2;

/** Lists, audiences, subscription types and tags, each with the tool that holds it and a link into it. */
export function Memberships({ memberships }: { memberships: Membership[] }) {
  const [open, setOpen] = useState(false);
  const shown = open ? memberships : memberships.slice(0, FIRST);
  const hidden = memberships.length - FIRST;
  return (
    <div class={open ? 'chip-row open' : 'chip-row'}>
      <ul class="chips" data-testid="memberships">
        {shown.map((m) => {
          const link = safeHttpUrl(m.url);
          const text = m.kind === 'tag' ? `#${m.name}` : m.name;
          return (
            <li key={`${m.connector}|${m.kind}|${m.name}`}>
              {link ? (
                <a href={link} target="_blank" rel="noopener noreferrer">
                  {text}
                </a>
              ) : (
                text
              )}
              <span class="muted"> · {connectorLabel(m.connector)}</span>
            </li>
          );
        })}
      </ul>
      {hidden > 0 && <MoreToggle open={open} hidden={hidden} showLabel={`Show ${hidden} more lists and campaigns`} hideLabel="Show fewer lists" testId="memberships-more" onToggle={() => setOpen(!open)} />}
    </div>
  );
}
