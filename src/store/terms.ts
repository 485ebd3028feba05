import type { CustomerRecord } from '../model/record';

/**
 * The keys of the records table's one index. Identities keep their own form (`email:…`,
 * `phone:…`, `domain:…`), so an identity lookup is an exact match; links and search tokens
 * carry a prefix that no identity kind uses, so the three never collide.
 */
export const LINK_PREFIX = 'link:';
export const TOKEN_PREFIX = 's:';

export const linkTerm = (key: string) => `${LINK_PREFIX}${key}`;
export const tokenTerm = (token: string) => `${TOKEN_PREFIX}${token}`;

/** The single words among a record's tokens (whole names are left to their words). */
export function vocabularyOf(tokens: string[]): string[] {
  return tokens.filter((token) => !token.includes(' '));
}

export function termsOf(record: CustomerRecord): string[] {
  // A page-read record the user has not accepted is found by search, never by an identity: it
  // can neither join someone's profile nor make their address look shared.
  const identities = record.pageRead === 'pending' ? [] : record.identities;
  return [...identities, ...record.links.map(linkTerm), ...record.tokens.map(tokenTerm)];
}

export function toStored(record: CustomerRecord): CustomerRecord & { terms: string[] } {
  return { ...record, terms: termsOf(record) };
}
