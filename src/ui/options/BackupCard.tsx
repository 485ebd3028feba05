import { useState } from 'preact/hooks';
import { exportBackup } from '../../store/backup';
import { send } from '../../protocol/client';
import type { ImportSummary } from '../../protocol/messages';
import { download } from '../shared/download';

function describe(summary: ImportSummary): string {
  return `${summary.newRecords} new and ${summary.updatedRecords} newer records, ${summary.newMetrics} metrics, ${summary.newPoints} metric points, ${summary.newOverrides} profile decisions`;
}

/** Export everything (never tokens) to one file; import validates, previews, then merges. */
export function BackupCard() {
  const [pending, setPending] = useState<{ text: string; summary: ImportSummary; name: string } | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const onExport = async () => {
    const backup = await exportBackup();
    download(`customer-view-backup-${backup.exportedAt.slice(0, 10)}.json`, JSON.stringify(backup), 'application/json');
  };

  const onFile = async (event: Event) => {
    const file = (event.currentTarget as HTMLInputElement).files?.[0];
    setMessage(null);
    setPending(null);
    if (!file) return;
    const text = await file.text();
    const reply = await send('options→background:previewImport', { text });
    if (reply.ok) setPending({ text, summary: reply.data, name: file.name });
    else setMessage({ kind: 'error', text: reply.error.message });
  };

  const onImport = async () => {
    if (!pending) return;
    setBusy(true);
    const reply = await send('options→background:importBackup', { text: pending.text });
    setBusy(false);
    setPending(null);
    setMessage(reply.ok ? { kind: 'ok', text: `Imported ${describe(reply.data)}.` } : { kind: 'error', text: reply.error.message });
  };

  return (
    <section class="card" aria-labelledby="backup-title" data-testid="backup">
      <h2 id="backup-title">Backup</h2>
      <p class="muted">One file with your cached records, metric history and profile decisions. Tokens are never included.</p>
      <div class="actions">
        <button type="button" onClick={() => void onExport()} data-testid="export-backup">
          Export backup
        </button>
        <label class="file-button">
          Import backup…
          <input type="file" accept="application/json,.json" onChange={(event) => void onFile(event)} data-testid="import-file" />
        </label>
      </div>
      {pending && (
        <div class="notice" data-testid="import-preview">
          <p>
            <strong>{pending.name}</strong> will add {describe(pending.summary)}. Nothing already here is removed.
          </p>
          <div class="actions">
            <button type="button" onClick={() => void onImport()} disabled={busy} data-testid="confirm-import">
              Import
            </button>
            <button type="button" class="link" onClick={() => setPending(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {message && (
        <p class={`notice compact ${message.kind === 'error' ? 'error' : ''}`} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="import-result">
          {message.text}
        </p>
      )}
    </section>
  );
}
