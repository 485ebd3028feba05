import type { CustomerRecord } from '../../model/record';
import type { IdentityOverrides } from '../../identity/resolve';
import { distinctPeople } from '../../identity/company-people';
import { connectorLabel } from '../shared/labels';

/** Each person of the company once, named as the company's own tool names them, with every tool that knows them. */
export function CompanyPeople({ people, overrides, rootConnector, onOpen }: { people: CustomerRecord[]; overrides: IdentityOverrides; rootConnector: string; onOpen: (key: string) => void }) {
  const groups = distinctPeople(people, overrides);
  return (
    <section class="related" aria-labelledby="company-people-title">
      <h2 id="company-people-title">People</h2>
      {groups.length === 0 ? (
        <p class="empty" data-testid="company-people-empty">
          No people of this company in your connected tools yet.
        </p>
      ) : (
        <ul class="values" data-testid="company-people">
          {groups.map((group) => {
            const shown = group.find((r) => r.connector === rootConnector) ?? group[0]!;
            const tools = [...new Set(group.map((r) => connectorLabel(r.connector)))];
            return (
              <li key={shown.key}>
                <button type="button" class="link" onClick={() => onOpen(shown.key)}>
                  {shown.title}
                </button>
                <span class="muted"> · {tools.join(', ')}</span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
