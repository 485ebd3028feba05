/**
 * The week before last, for "the last 7 days against the 7 before": vendors' own "last 7 days"
 * (Google Ads `LAST_7_DAYS`, Meta `last_7d`) are the seven whole days before today in the ad
 * account's time zone, so the week before is days 14 to 8 before today, in that zone too.
 */

/** Today's date where the account lives (`YYYY-MM-DD`); an unknown zone falls back to UTC. */
export function accountToday(timeZone: string | undefined, now: Date): string {
  try {
    // en-CA writes dates as YYYY-MM-DD.
    return new Intl.DateTimeFormat('en-CA', { timeZone: timeZone || 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

const DAY = 86_400_000;
const shift = (isoDate: string, days: number) => new Date(Date.parse(`${isoDate}T00:00:00Z`) - days * DAY).toISOString().slice(0, 10);

/** The first and last day (inclusive) of the seven days before the last seven. */
export function weekBeforeLast(timeZone: string | undefined, now: Date): { since: string; until: string } {
  const today = accountToday(timeZone, now);
  return { since: shift(today, 14), until: shift(today, 8) };
}

/** How a metric's range reads in its label: "7 days", "30 days", "previous 7 days". */
export const RANGE_LABELS: Record<string, string> = { '7d': '7 days', '30d': '30 days', prev7d: 'previous 7 days' };
export const rangeLabel = (range: string) => RANGE_LABELS[range] ?? range;
