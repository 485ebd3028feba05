/** Email identities: see normalize.ts, which re-exports these with the other normalisers. */

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

export function emailIdentity(email: string): string {
  return `email:${email}`;
}

/**
 * Characters a mail client reads as the end of the address in a `mailto:` link (`?bcc=`, `#`,
 * `&`, `%` escapes). Rare in real addresses, so an address read from a page that holds one is
 * taken as planted rather than risk a hidden recipient.
 */
const URL_SYNTAX = /[?#&%]/;

export function isPlainPageEmail(email: string): boolean {
  return !URL_SYNTAX.test(email);
}

/** A `mailto:` link to exactly this address: the local part is encoded, so it cannot add headers. */
export function mailtoHref(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 0) return `mailto:${encodeURIComponent(email)}`;
  return `mailto:${encodeURIComponent(email.slice(0, at))}@${encodeURIComponent(email.slice(at + 1))}`;
}
