import type { CustomerRecord } from '../model/record';
import { searchTokens } from '../identity/tokens';

/**
 * The keys of the records table's one index. Identities keep their own form (`email:…`,
 * `phone:…`, `domain:…`), so an identity lookup is an exact match; links and search tokens
 * carry a prefix that no identity kind uses, so the three never collide.
 */
export const LINK_PREFIX = 'link:';
export const TOKEN_PREFIX = 's:';

export const linkTerm = (key: string) => `${LINK_PREFIX}${key}`;
export const tokenTerm = (token: string) => `${TOKEN_PREFIX}${token}`;

/**
 * `tokens` and `terms` for a record about to be stored. Tokens are recomputed from its name
 * and fields, so records cached by an older version search like new ones.
 */
export function indexTerms(record: CustomerRecord): { tokens: string[]; terms: string[] } {
  const tokens = searchTokens(record.title, record.fields);
  return { tokens, terms: [...record.identities, ...record.links.map(linkTerm), ...tokens.map(tokenTerm)] };
}

/** The single words among a record's tokens (whole names are left to their words). */
export function vocabularyOf(tokens: string[]): string[] {
  return tokens.filter((token) => !token.includes(' '));
}

export function toStored(record: CustomerRecord): CustomerRecord & { terms: string[] } {
  return { ...record, terms: [...record.identities, ...record.links.map(linkTerm), ...record.tokens.map(tokenTerm)] };
}
