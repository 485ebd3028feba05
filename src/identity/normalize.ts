/**
 * Identity normalisers. Each returns null for input that is not an identity and never throws,
 * so a vendor's odd value is skipped rather than breaking a record.
 */

import { isPersonalMailDomain, registrableDomain } from './domains';
import { toE164 } from './phone';

export { isPersonalMailDomain } from './domains';
// Emails need no public suffix list, so pages that only read emails import them from email.ts.
export { emailIdentity, normalizeEmail } from './email';

/** A company domain from a bare host, URL or email: the registrable domain, never free or disposable mail. */
export function normalizeDomain(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  let value = input.trim().toLowerCase();
  if (!value || /\s/.test(value)) return null;
  if (value.includes('@')) value = value.slice(value.lastIndexOf('@') + 1);
  try {
    if (!/^[a-z][a-z0-9+.-]*:\/\//.test(value)) value = `https://${value}`;
    value = new URL(value).hostname;
  } catch {
    return null;
  }
  const domain = registrableDomain(value);
  return domain && !isPersonalMailDomain(domain) && !isPersonalMailDomain(value) ? domain : null;
}

/**
 * E.164 (`+14155550100`). International numbers are taken as written; national ones need
 * `defaultCountry` (ISO 3166 alpha-2, from settings or the record). Otherwise null.
 */
export function normalizePhone(input: unknown, defaultCountry?: string): string | null {
  return toE164(input, defaultCountry);
}

export function domainIdentity(domain: string): string {
  return `domain:${domain}`;
}
export function phoneIdentity(phone: string): string {
  return `phone:${phone}`;
}
