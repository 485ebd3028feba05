import type { Membership } from '../../identity/memberships';
import { safeHttpUrl } from '../shared/format';
import { connectorLabel } from '../shared/labels';

/** Lists, audiences, subscription types and tags, each with the tool that holds it and a link into it. */
export function Memberships({ memberships }: { memberships: Membership[] }) {
  return (
    <ul class="chips" data-testid="memberships">
      {memberships.map((m) => {
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
  );
}
