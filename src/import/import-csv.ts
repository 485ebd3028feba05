import type { ConnectorId, CustomerRecord } from '../model/record';
import { normalizeEmail } from '../identity/normalize';
import { buildRecord } from '../connectors/kit/record';

/**
 * People from a vendor's contact export, as rows of cells (Options parses the file: csv-file.ts).
 * Column names differ by vendor and by the console's language, so each field is found by the
 * header names that HubSpot, Salesforce and Mailchimp exports use in English, German, French,
 * Spanish, Italian, Dutch and Portuguese (compared without case, accents or punctuation); rows
 * without a name or email are skipped.
 */
const COLUMNS = {
  email: [
    'email', 'e-mail', 'email address', 'primary email', 'e-mail address',
    'e-mail-adresse', 'e-mail adresse', 'email-adresse', 'adresse e-mail', 'adresse email', 'adresse electronique', 'courriel',
    'correo electronico', 'correo', 'direccion de correo electronico', 'indirizzo email', 'indirizzo e-mail', 'e-mailadres', 'endereco de e-mail', 'endereco de email',
  ],
  first: ['first name', 'firstname', 'given name', 'vorname', 'prenom', 'nombre', 'nome', 'voornaam'],
  last: ['last name', 'lastname', 'surname', 'family name', 'nachname', 'nom de famille', 'nom', 'apellidos', 'apellido', 'cognome', 'achternaam', 'sobrenome'],
  name: ['name', 'full name', 'contact name', 'vollstandiger name', 'nom complet', 'nombre completo', 'nome completo', 'volledige naam', 'kontaktname', 'nom du contact', 'nombre del contacto'],
  company: [
    'company', 'company name', 'organization', 'organisation', 'account name',
    'unternehmen', 'firma', 'firmenname', 'accountname', 'entreprise', 'societe', 'nom de l entreprise', 'nom du compte',
    'empresa', 'nombre de la empresa', 'nombre de la cuenta', 'azienda', 'nome azienda', 'bedrijf', 'bedrijfsnaam',
  ],
  phone: ['phone', 'phone number', 'mobile', 'mobile phone', 'telefon', 'telefonnummer', 'mobiltelefon', 'telephone', 'numero de telephone', 'telefono', 'numero de telefono', 'telefoon', 'telefoonnummer', 'telefone'],
  id: ['id', 'record id', 'contact id', 'customer id', 'datensatz-id', 'kontakt-id', 'id de l enregistrement', 'id del registro', 'id de registro', 'id record'],
};

/** "E-Mail-Adresse", "Prénom", " Correo electrónico " → the forms listed above. */
function headerKey(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’'_.:*]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const LOOKUP = new Map(Object.entries(COLUMNS).flatMap(([field, names]) => names.map((name) => [headerKey(name), field as keyof typeof COLUMNS] as const)));

export function peopleFromRows(table: string[][], connector: ConnectorId, fetchedAt = Date.now()): CustomerRecord[] {
  const [header, ...rows] = table;
  if (!header) return [];
  const fieldOf = header.map((h) => LOOKUP.get(headerKey(h)));
  // The first column of a kind wins ("Email" before "Email 2").
  const at = Object.fromEntries(Object.keys(COLUMNS).map((k) => [k, fieldOf.indexOf(k as keyof typeof COLUMNS)])) as Record<keyof typeof COLUMNS, number>;
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
