import type { ConnectorId, CustomerRecord } from '../model/record';
import { normalizeEmail } from './email';

export interface ContactPoint {
  /** As the first tool that has it writes it. */
  value: string;
  /** Every tool that has it; the shown record's own tool first when it has it. */
  connectors: ConnectorId[];
}

const digits = (phone: string) => phone.replace(/\D/g, '');

/**
 * `+` and the digits of a number written with its country code ("+1 415-555-0100",
 * "0044 20 …"), without its extension; else null. Only for showing a phone once: identities
 * come from the connectors' validating normaliser, whose metadata pages need not load.
 */
function internationalDigits(phone: string): string | null {
  const written = phone.trim().replace(/\s*(?:ext\.?|extension|x|#)\s*\d+\s*$/i, '');
  return /^(\+|00)/.test(written) ? `+${digits(written).replace(/^00/, '')}` : null;
}

/**
 * A phone without a country code is only comparable through the E.164 form its tool's
 * normaliser gave it with the default country: the record's own phone identity that ends
 * with the same national digits. Otherwise its digits, so it is at least shown once.
 */
function phoneKey(phone: string, record: CustomerRecord): string {
  const international = internationalDigits(phone);
  if (international) return international;
  const national = digits(phone).replace(/^0+/, '');
  const own = national.length >= 6 ? record.identities.find((i) => i.startsWith('phone:') && i.endsWith(national)) : undefined;
  return own ? own.slice('phone:'.length) : digits(phone);
}

function collect(records: CustomerRecord[], values: (r: CustomerRecord) => string[] | undefined, same: (value: string, record: CustomerRecord) => string): ContactPoint[] {
  const byKey = new Map<string, ContactPoint>();
  for (const record of records) {
    for (const value of values(record) ?? []) {
      const key = same(value, record);
      const point = byKey.get(key);
      if (!point) byKey.set(key, { value, connectors: [record.connector] });
      else if (!point.connectors.includes(record.connector)) point.connectors.push(record.connector);
    }
  }
  return [...byKey.values()];
}

/**
 * The person's emails and phones in every tool, each once (an address in another case, a phone
 * written another way is the same one), the shown record's own first.
 */
export function contactPoints(root: CustomerRecord, members: CustomerRecord[]): { emails: ContactPoint[]; phones: ContactPoint[] } {
  const ordered = [root, ...members.filter((m) => m.key !== root.key)];
  return {
    emails: collect(ordered, (r) => r.fields.emails, (email) => normalizeEmail(email) ?? email.trim().toLowerCase()),
    phones: collect(ordered, (r) => r.fields.phones, phoneKey),
  };
}
