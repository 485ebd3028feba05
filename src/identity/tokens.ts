import type { RecordFields } from '../model/record';
import { fold } from './fold';
import { normalizeDomain } from './normalize';

/** Folded words (lower case, no accents), split where names and addresses split, punctuation trimmed. */
function words(text: string | undefined): string[] {
  if (!text) return [];
  return fold(text)
    .split(/[^\p{L}\p{N}@._+-]+/u)
    .map((word) => word.replace(/^[._+-]+|[._+-]+$/g, ''))
    .filter(Boolean);
}

/**
 * Search tokens for a record: the words of its name, the whole name (so "ann le" is one
 * prefix scan), and the company domains of its emails. Emails themselves are searched through
 * the identity index, so they are not repeated here: every token is one more index entry to
 * write per record, which is what ingest pays for.
 */
export function searchTokens(title: string, fields: RecordFields): string[] {
  const tokens = new Set<string>();
  const titleWords = words(title);
  for (const word of [...titleWords, ...words(fields.name)]) tokens.add(word);
  if (titleWords.length > 1) tokens.add(titleWords.join(' '));
  for (const email of fields.emails ?? []) {
    const domain = normalizeDomain(email);
    if (domain) tokens.add(domain);
  }
  if (fields.domain) tokens.add(fields.domain.toLowerCase());
  return [...tokens].filter((token) => token.length <= 100);
}
