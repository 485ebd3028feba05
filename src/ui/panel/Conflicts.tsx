import type { FieldConflict } from '../../identity/resolve';
import { connectorLabel } from '../shared/labels';
import { lifecycleLabel } from '../shared/format';

const FIELD_LABELS: Record<string, string> = { name: 'Name', jobTitle: 'Job title', lifecycleStage: 'Lifecycle stage', companyName: 'Company' };

/** One line per distinct value, with every tool that holds it (eight tools agreeing is one line). */
function byValue(values: FieldConflict['values']): Array<{ value: string; key: string; tools: string[] }> {
  const groups = new Map<string, { value: string; key: string; tools: string[] }>();
  for (const v of values) {
    const id = v.value.trim().toLowerCase();
    const group = groups.get(id) ?? { value: v.value, key: v.key, tools: [] };
    const tool = connectorLabel(v.connector);
    if (!group.tools.includes(tool)) group.tools.push(tool);
    groups.set(id, group);
  }
  return [...groups.values()];
}

/** Where tools disagree we show every value and its source, never a silent pick. */
export function Conflicts({ conflicts }: { conflicts: FieldConflict[] }) {
  if (conflicts.length === 0) return null;
  return (
    <div class="notice compact conflicts" id="conflicts" data-testid="conflicts">
      <strong>Your tools disagree</strong>
      <dl>
        {conflicts.map((conflict) => (
          <div class="field" key={conflict.field}>
            <dt>{FIELD_LABELS[conflict.field] ?? conflict.field}</dt>
            <dd>
              <ul class="values">
                {byValue(conflict.values).map((v) => (
                  <li key={v.key}>
                    {conflict.field === 'lifecycleStage' ? lifecycleLabel(v.value) : v.value} <span class="muted">({v.tools.join(', ')})</span>
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
