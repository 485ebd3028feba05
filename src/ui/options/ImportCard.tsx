import { useState } from 'preact/hooks';
import { CONNECTOR_IDS, type ConnectorId } from '../../model/keys';
import { send } from '../../protocol/client';
import { connectorLabel } from '../shared/labels';

/** Records from files the user already has: a vendor's API payload (JSON) or a contact export (CSV). */
export function ImportCard() {
  const [connector, setConnector] = useState<ConnectorId>(CONNECTOR_IDS[0]);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const onFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    // Spreadsheet exports are parsed here, with a parser loaded only when a CSV is chosen.
    const csv = /\.(csv|tsv|txt)$/i.test(file.name) || /^text\/(csv|tab-separated-values)/.test(file.type);
    const request = csv
      ? { connector, fileName: file.name, text: '', rows: await (await import('../../import/csv-file')).readCsvFile(file) }
      : { connector, fileName: file.name, text: await file.text() };
    const reply = await send('options→background:importVendorFile', request);
    setMessage(reply.ok ? { ok: true, text: [`Imported ${reply.data.imported} records from ${file.name}.`, ...reply.data.notes].join(' ') } : { ok: false, text: reply.error.message });
    input.value = '';
  };
  return (
    <section class="card" aria-labelledby="import-title" data-testid="import-vendor">
      <h2 id="import-title">Import vendor data</h2>
      <p class="muted">A payload saved from a vendor's API (JSON) or a contact export (CSV, comma, semicolon or tab separated, with email and name columns). The records join your search and profiles.</p>
      <div class="actions">
        <label>
          From{' '}
          <select value={connector} onChange={(event) => setConnector(event.currentTarget.value as ConnectorId)} data-testid="import-connector">
            {CONNECTOR_IDS.map((id) => (
              <option key={id} value={id}>
                {connectorLabel(id)}
              </option>
            ))}
          </select>
        </label>
        <label class="file-button">
          Choose a file…
          <input type="file" accept=".json,.csv,.tsv,.txt,application/json,text/csv,text/tab-separated-values" onChange={(event) => void onFile(event)} data-testid="import-vendor-file" />
        </label>
      </div>
      {message && (
        <p class={`notice compact ${message.ok ? '' : 'error'}`} role={message.ok ? 'status' : 'alert'} data-testid="import-vendor-result">
          {message.text}
        </p>
      )}
    </section>
  );
}
