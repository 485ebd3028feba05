import { fold } from './fold';

/** Splits what the user typed into terms, folded as index terms are ("Dvořák" → "dvorak"). */
export function queryTerms(query: string): string[] {
  return fold(query)
    .split(/\s+/)
    .map((term) => term.trim())
    .filter(Boolean);
}
