import type { CustomerRecord } from '../../model/record';
import type { IdentityOverrides } from '../../identity/resolve';
import { distinctPeople } from '../../identity/company-people';
import { connectorLabel } from '../shared/labels';
import type { ToolPeople } from '../../protocol/messages';

interface CompanyPeopleProps {
  people: CustomerRecord[];
  overrides: IdentityOverrides;
  rootConnector: string;
  /** "Loading from HubSpot…" while the tools are asked; the people known so far stay listed. */
  loading: string | null;
  /** A tool that could not list them says why, beside the others' people. */
  errors: ToolPeople[];
  onOpen: (key: string) => void;
}

/** Each person of the company once, named as the company's own tool names them, with every tool that knows them. */
export function CompanyPeople({ people, overrides, rootConnector, loading, errors, onOpen }: CompanyPeopleProps) {
  const groups = distinctPeople(people, overrides);
  return (
    <section class="related" aria-labelledby="company-people-title" aria-busy={loading ? 'true' : 'false'}>
      <h2 id="company-people-title">People</h2>
      {loading && (
        <p class="muted" role="status" data-testid="company-people-loading">
          {loading}
        </p>
      )}
      {errors.map((tool) => (
        <p class="notice error" role="alert" key={tool.connector} data-testid="company-people-error">
          {connectorLabel(tool.connector)}: {tool.error?.message}
        </p>
      ))}
      {groups.length === 0 ? (
        !loading && (
        <p class="empty" data-testid="company-people-empty">
          No people of this company in your connected tools yet.
        </p>
        )
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
