import type { Transaction } from 'dexie';
import { searchTokens } from '../../identity/tokens';
import { termsOf, vocabularyOf } from '../terms';
import type { StoredRecord } from '../schema';

/** The schema upgrade to folded search words: each record's tokens and terms, then the vocabulary. */
export async function foldSearchWords(tx: Transaction): Promise<void> {
  const words = new Set<string>();
  await tx
    .table('records')
    .toCollection()
    .modify((record: StoredRecord) => {
      // A record kept out of search (searchable: false) has no tokens and keeps none.
      if (record.tokens.length) record.tokens = searchTokens(record.title, record.fields);
      record.terms = termsOf(record);
      for (const word of vocabularyOf(record.tokens)) words.add(word);
    });
  await tx.table('vocabulary').clear();
  await tx.table('vocabulary').bulkPut([...words].map((token) => ({ token })));
}
