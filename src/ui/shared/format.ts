import { currencyExponent, fromMinorUnits, type Money } from '../../connectors/kit/money';

/** "just now", "3 minutes ago", "2 hours ago", "5 days ago". */
export function timeAgo(then: number, now = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - then) / 1000));
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} hour${hours === 1 ? '' : 's'} ago`;
  const days = Math.round(hours / 24);
  return `${days} day${days === 1 ? '' : 's'} ago`;
}

/**
 * A moment with its time; a date-only value (see `dateOnly` in model/record.ts, kept as midnight
 * UTC) as the calendar day the tool gave, read in UTC so it is not the day before in America.
 */
export function formatDate(ms: number | undefined, { dateOnly = false }: { dateOnly?: boolean } = {}): string | undefined {
  // Out of Date's range: nothing shown rather than "Invalid Date" (a formatter throws on it).
  if (ms === undefined || Number.isNaN(new Date(ms).getTime())) return undefined;
  return (dateOnly ? dayFormat() : momentFormat()).format(ms);
}

// Built once: `toLocaleString` builds a formatter per call, about half a millisecond each, and a
// profile shows dozens of dates (5 ms of every profile shown, measured in the panel).
const once = <T,>(make: () => T) => {
  let made: T | undefined;
  return () => (made ??= make());
};
const dayFormat = once(() => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }));
const momentFormat = once(() => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }));
const moneyFormats = new Map<string, Intl.NumberFormat>();

const STAGES: Record<string, string> = {
  subscriber: 'Subscriber',
  lead: 'Lead',
  marketingqualifiedlead: 'Marketing qualified lead',
  salesqualifiedlead: 'Sales qualified lead',
  opportunity: 'Opportunity',
  customer: 'Customer',
  evangelist: 'Evangelist',
  other: 'Other',
};

export function lifecycleLabel(stage: string | undefined): string | undefined {
  if (!stage) return undefined;
  return STAGES[stage] ?? stage;
}

/**
 * Whole units when the amount is whole ("¥1,000", "€12"), cents when it has them ("€12.50"): minor
 * units divided by the currency's ISO 4217 exponent. Rounding €12.50 to "€13" would make sums not add up.
 */
export function formatMoney(money: Money | undefined): string | undefined {
  if (!money) return undefined;
  const amount = fromMinorUnits(money.amountMinor, money.currency);
  // ISO 4217's decimals, not the browser's: Intl shows the Iraqi dinar without its fils.
  const digits = Number.isInteger(amount) ? 0 : currencyExponent(money.currency);
  try {
    const id = `${money.currency}|${digits}`;
    let format = moneyFormats.get(id);
    if (!format) moneyFormats.set(id, (format = new Intl.NumberFormat(undefined, { style: 'currency', currency: money.currency, minimumFractionDigits: digits, maximumFractionDigits: digits })));
    return format.format(amount);
  } catch {
    return `${amount.toFixed(digits)} ${money.currency}`;
  }
}

/** Only web links leave the panel; `javascript:` and friends from vendor data are never followed. */
export function safeHttpUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * An avatar's letters: the first letter of the first and last words that have one. Vendor names
 * carry markup and punctuation ("<Mallory>", "(Ann) Lee"), and an avatar reading "<M" looks broken.
 */
export function initials(name: string): string {
  const firsts = name
    .split(/\s+/)
    .map((word) => word.match(/\p{L}/u)?.[0])
    .filter((letter): letter is string => letter !== undefined);
  const letters = firsts.length > 1 ? [firsts[0], firsts[firsts.length - 1]] : firsts;
  return letters.join('').toUpperCase() || '?';
}
