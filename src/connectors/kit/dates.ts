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
