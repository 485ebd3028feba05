/** Vendors' dates as epoch milliseconds, the canonical form; undefined for a missing or unreadable one. */

/** An ISO date-time (`2024-01-15T09:00:00Z`). */
export function isoToMs(iso: string | null | undefined): number | undefined {
  const value = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(value) ? undefined : value;
}

/** Unix seconds (Stripe, Intercom, Klaviyo's timestamps). 0 is how Intercom says "never", so it is no date. */
export function secondsToMs(seconds: number | null | undefined): number | undefined {
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}

type DateField = 'createdAt' | 'lastModifiedAt' | 'lastActivityAt';

/**
 * Which of a record's date fields the vendor sent as a bare calendar date (`2026-03-01`), so the
 * panel shows "Mar 1, 2026" and not a midnight that never happened ("12:00 AM", or the day before
 * west of Greenwich). Undefined when none is.
 */
export function calendarDateFields(raw: Partial<Record<DateField, string | null | undefined>>): DateField[] | undefined {
  const fields = (Object.keys(raw) as DateField[]).filter((field) => /^\d{4}-\d{2}-\d{2}$/.test(raw[field] ?? ''));
  return fields.length ? fields : undefined;
}
