/**
 * Identity normalisers. Each returns null for input that is not an identity and never throws,
 * so a vendor's odd value is skipped rather than breaking a record.
 */

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const GMAIL_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

export function normalizeEmail(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const trimmed = input.trim().toLowerCase();
  if (!EMAIL.test(trimmed)) return null;
  const at = trimmed.lastIndexOf('@');
  let local = trimmed.slice(0, at);
  const domain = trimmed.slice(at + 1);
  // Gmail ignores dots and +tags; other providers may not, so only fold there.
  if (GMAIL_DOMAINS.has(domain)) {
    local = local.split('+')[0]!.replaceAll('.', '');
    return `${local}@gmail.com`;
  }
  return `${local}@${domain}`;
}

/** Free-mail providers never identify a company. A short list now; the identity issue extends it. */
const FREE_MAIL = new Set([
  'gmail.com', 'googlemail.com', 'yahoo.com', 'hotmail.com', 'outlook.com', 'live.com', 'icloud.com',
  'me.com', 'aol.com', 'proton.me', 'protonmail.com', 'gmx.com', 'gmx.de', 'web.de', 'mail.com', 'yandex.ru',
]);

export function isFreeMailDomain(domain: string): boolean {
  return FREE_MAIL.has(domain.toLowerCase());
}

/** A company domain from a bare host, URL or email; null for free mail and junk. */
export function normalizeDomain(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  let value = input.trim().toLowerCase();
  if (!value) return null;
  if (value.includes('@')) value = value.slice(value.lastIndexOf('@') + 1);
  try {
    if (!/^[a-z][a-z0-9+.-]*:\/\//.test(value)) value = `https://${value}`;
    value = new URL(value).hostname;
  } catch {
    return null;
  }
  value = value.replace(/^www\./, '').replace(/\.$/, '');
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(value)) return null;
  return isFreeMailDomain(value) ? null : value;
}

/** Digits with a leading + kept; full E.164 inference arrives with the identity issue. */
export function normalizePhone(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const plus = input.trim().startsWith('+');
  const digits = input.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return null;
  return plus ? `+${digits}` : digits;
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
