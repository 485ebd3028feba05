import type { RecordFields } from '../model/record';

/**
 * Search tokens for a record: lower-case words of names, whole emails, email local parts,
 * company names and domains. Prefix search over these is an index range scan.
 */
export function searchTokens(title: string, fields: RecordFields): string[] {
  const tokens = new Set<string>();
  const addWords = (text: string | undefined) => {
    if (!text) return;
    for (const word of text.toLowerCase().split(/[^\p{L}\p{N}@._+-]+/u)) {
      const cleaned = word.replace(/^[._+-]+|[._+-]+$/g, '');
      if (cleaned.length > 0) tokens.add(cleaned);
    }
  };
  addWords(title);
  addWords(fields.name);
  addWords(fields.companyName);
  addWords(fields.jobTitle);
  for (const email of fields.emails ?? []) {
    const lower = email.toLowerCase();
    tokens.add(lower);
    tokens.add(lower.slice(lower.indexOf('@') + 1));
  }
  if (fields.domain) tokens.add(fields.domain.toLowerCase());
  return [...tokens].filter((token) => token.length <= 100);
}

/** Splits what the user typed into lower-case terms. */
export function queryTerms(query: string): string[] {
  return query
    .toLowerCase()
    .split(/\s+/)
    .map((term) => term.trim())
    .filter(Boolean);
}
