import type { RecordFields } from '../model/record';

/** Drops fields a vendor left empty (undefined, or an empty list), so the panel shows only what is known. */
export function compactFields(fields: RecordFields): RecordFields {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))) as RecordFields;
}

/** An ISO date-time as epoch milliseconds; undefined for a missing or unreadable one. */
export function isoToMs(iso: string | null | undefined): number | undefined {
  const value = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(value) ? undefined : value;
}
