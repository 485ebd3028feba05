import type { FieldConflict } from '../../identity/resolve';
import { connectorLabel } from '../shared/labels';
import { lifecycleLabel } from '../shared/format';

const FIELD_LABELS: Record<string, string> = { name: 'Name', jobTitle: 'Job title', lifecycleStage: 'Lifecycle stage', companyName: 'Company' };

/** Where tools disagree we show every value and its source, never a silent pick. */
export function Conflicts({ conflicts }: { conflicts: FieldConflict[] }) {
  if (conflicts.length === 0) return null;
  return (
    <div class="notice compact conflicts" data-testid="conflicts">
      <strong>Your tools disagree</strong>
      <dl>
        {conflicts.map((conflict) => (
          <div class="field" key={conflict.field}>
            <dt>{FIELD_LABELS[conflict.field] ?? conflict.field}</dt>
            <dd>
              <ul class="values">
                {conflict.values.map((v) => (
                  <li key={v.key}>
                    {conflict.field === 'lifecycleStage' ? lifecycleLabel(v.value) : v.value} <span class="muted">({connectorLabel(v.connector)})</span>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
