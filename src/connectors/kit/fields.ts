import type { RecordFields } from '../../model/record';
import { normalizeEmail } from '../../identity/normalize';

/**
 * One rule for what a record's fields keep, whichever vendor sent them: what the vendor left
 * empty (undefined, null, a blank string, an empty list or object, a number that is not one) is
 * dropped, so the panel shows only what is known and records of every tool compare alike.
 * Strings are trimmed; lists keep each value once, and `emails` only the addresses that are
 * emails (once per address, in the first spelling the vendor gave).
 */
export function compactFields(fields: RecordFields): RecordFields {
  const kept: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    const clean = name === 'emails' ? realEmails(value as unknown[] | undefined) : compactValue(value);
    if (clean !== undefined) kept[name] = clean;
  }
  return kept as RecordFields;
}

function compactValue(value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (Array.isArray(value)) {
    const items = [...new Set(value.map(compactValue).filter((item) => item !== undefined))];
    return items.length ? items : undefined;
  }
  if (typeof value === 'object') return Object.keys(value).length ? value : undefined;
  return value;
}

function realEmails(values: unknown[] | undefined): string[] | undefined {
  const byAddress = new Map<string, string>();
  for (const value of values ?? []) {
    const address = normalizeEmail(value);
    if (address && !byAddress.has(address)) byAddress.set(address, (value as string).trim());
  }
  return byAddress.size ? [...byAddress.values()] : undefined;
}
