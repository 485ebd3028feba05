import { useEffect, useState } from 'preact/hooks';
import { getSettings } from '../../platform/settings';
import { onStorageChanged } from '../../platform/storage';
import { send } from '../../protocol/client';

const CHOICES: Array<[string, number | null]> = [
  ['Forever', null],
  ['2 years', 730],
  ['1 year', 365],
  ['90 days', 90],
];

/** How long metric history is kept; older points are deleted daily and when this changes. */
export function RetentionCard() {
  const [keepDays, setKeepDays] = useState<number | null | undefined>(undefined);
  const [message, setMessage] = useState<string | null>(null);
  // Kept current: team sync may bring a teammate's choice while Options is open.
  useEffect(() => {
    const load = () => void getSettings().then((s) => setKeepDays(s.pointRetentionDays));
    load();
    return onStorageChanged('local', (keys) => keys.includes('settings') && load());
  }, []);
  const choose = async (value: string) => {
    const days = value === 'forever' ? null : Number(value);
    setKeepDays(days);
    const reply = await send('options→background:setRetention', { keepDays: days });
    setMessage(reply.ok ? (reply.data.removedPoints ? `Removed ${reply.data.removedPoints} older metric points.` : 'Saved.') : reply.error.message);
  };
  return (
    <section class="card" aria-labelledby="retention-title" data-testid="retention">
      <h2 id="retention-title">Metric history</h2>
      <label>
        Keep metric points for{' '}
        <select value={keepDays === undefined ? '' : keepDays === null ? 'forever' : String(keepDays)} onChange={(event) => void choose(event.currentTarget.value)} disabled={keepDays === undefined} data-testid="retention-select">
          {CHOICES.map(([label, days]) => (
            <option key={label} value={days === null ? 'forever' : String(days)}>
              {label}
            </option>
          ))}
        </select>
      </label>
      {message && (
        <p class="muted" role="status" data-testid="retention-result">
          {message}
        </p>
      )}
    </section>
  );
}
