import { parseCsv } from '../metrics/csv';
import type { ConnectorId, CustomerRecord } from '../model/record';
import { normalizeEmail } from '../identity/normalize';
import { buildRecord } from '../connectors/kit/record';

/**
 * People from a vendor's contact export (CSV). Column names differ by vendor and language, so
 * each field is found by the header names consoles use; rows without a name or email are skipped.
 */
const COLUMNS = {
  email: ['email', 'e-mail', 'email address', 'primary email', 'e-mail address'],
  first: ['first name', 'firstname', 'given name'],
  last: ['last name', 'lastname', 'surname', 'family name'],
  name: ['name', 'full name', 'contact name'],
  company: ['company', 'company name', 'organization', 'organisation', 'account name'],
  phone: ['phone', 'phone number', 'mobile', 'mobile phone'],
  id: ['id', 'record id', 'contact id', 'customer id'],
};

export function peopleFromCsv(text: string, connector: ConnectorId, fetchedAt = Date.now()): CustomerRecord[] {
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
  if (!header) return [];
  const names = header.map((h) => h.trim().toLowerCase());
  const column = (key: keyof typeof COLUMNS) => names.findIndex((n) => COLUMNS[key].includes(n));
  const at = Object.fromEntries(Object.keys(COLUMNS).map((k) => [k, column(k as keyof typeof COLUMNS)])) as Record<keyof typeof COLUMNS, number>;
  if (at.email < 0 && at.name < 0 && at.first < 0) throw new Error('This CSV has no email or name column: it does not look like a contact export.');
  const cell = (row: string[], index: number) => (index >= 0 ? row[index]?.trim() || undefined : undefined);
  return rows.flatMap((row, index) => {
    const email = cell(row, at.email);
    const name = cell(row, at.name) ?? ([cell(row, at.first), cell(row, at.last)].filter(Boolean).join(' ') || undefined);
    if (!email && !name) return [];
    const id = cell(row, at.id) ?? normalizeEmail(email) ?? `row-${index + 2}`;
    const fields = { name, emails: email ? [email] : [], phones: [cell(row, at.phone)].filter((phone) => phone !== undefined), companyName: cell(row, at.company) };
    return [buildRecord({ connector, account: 'import', type: 'person', id, title: name ?? email!, fields, url: '', updatedAt: fetchedAt, fetchedAt })];
  });
}
