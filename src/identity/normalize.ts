/**
 * Identity normalisers. Each returns null for input that is not an identity and never throws,
 * so a vendor's odd value is skipped rather than breaking a record.
 */

import { isPersonalMailDomain, registrableDomain } from './domains';
import { toE164 } from './phone';

export { isPersonalMailDomain } from './domains';

const EMAIL = /^[^\s@"<>(),;:\\[\]]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/;
const GMAIL_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

export function normalizeEmail(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  // "Ann Lee <ann@acme.com>" and "mailto:" links are common in exports and pages.
  const bracketed = /<([^<>]+)>\s*$/.exec(input);
  const trimmed = (bracketed ? bracketed[1]! : input).trim().replace(/^mailto:/i, '').toLowerCase();
  if (trimmed.length > 254 || !EMAIL.test(trimmed)) return null;
  const at = trimmed.lastIndexOf('@');
  let local = trimmed.slice(0, at);
  const domain = trimmed.slice(at + 1);
  // Gmail ignores dots and +tags; other providers may not, so only fold there.
  if (GMAIL_DOMAINS.has(domain)) {
    local = local.split('+')[0]!.replaceAll('.', '');
    return local ? `${local}@gmail.com` : null;
  }
  return `${local}@${domain}`;
}

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

export function emailIdentity(email: string): string {
  return `email:${email}`;
}
export function domainIdentity(domain: string): string {
  return `domain:${domain}`;
}
export function phoneIdentity(phone: string): string {
  return `phone:${phone}`;
}
