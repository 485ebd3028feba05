import { parseCsv } from '../metrics/csv';
import { recordKey, type ConnectorId, type CustomerRecord } from '../model/record';
import { emailIdentity, normalizeEmail, normalizePhone, phoneIdentity } from '../identity/normalize';
import { searchTokens } from '../identity/tokens';

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
    const normalized = email ? normalizeEmail(email) : null;
    const phone = cell(row, at.phone);
    const normalizedPhone = phone ? normalizePhone(phone) : null;
    const id = cell(row, at.id) ?? normalized ?? `row-${index + 2}`;
    const fields = { name, emails: normalized ? [email!] : [], phones: phone ? [phone] : [], companyName: cell(row, at.company) };
    const title = name ?? email!;
    return [
      {
        key: recordKey(connector, 'import', 'person', id),
        connector,
        account: 'import',
        type: 'person' as const,
        id,
        title,
        identities: [...(normalized ? [emailIdentity(normalized)] : []), ...(normalizedPhone ? [phoneIdentity(normalizedPhone)] : [])],
        fields: Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
        links: [],
        url: '',
        updatedAt: fetchedAt,
        fetchedAt,
        tokens: searchTokens(title, fields),
      },
    ];
  });
}
