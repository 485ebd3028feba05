/**
 * Reads a number as consoles display it: "1,234.5", "1.234,5 €", "$12.3K", "4.5M", "45%",
 * "-3.2 pts", "(1,200)" (accounting negative), with non-breaking and thin spaces.
 * Returns null for text that is not one number (dates, ranges, ratios, words).
 */
export interface ParsedNumber {
  value: number;
  /** ISO 4217 currency for money, '%', 'pts', or undefined for a plain count. */
  unit?: string;
}

const CURRENCY_SYMBOLS: Record<string, string> = {
  $: 'USD', US$: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR', '₩': 'KRW', '₽': 'RUB', '₺': 'TRY', '₪': 'ILS',
  'R$': 'BRL', 'A$': 'AUD', 'C$': 'CAD', CA$: 'CAD', AU$: 'AUD', 'NZ$': 'NZD', 'HK$': 'HKD', 'S$': 'SGD', 'CHF': 'CHF', 'kr': 'SEK', 'zł': 'PLN',
};
const ISO_CODES = new Set(['USD', 'EUR', 'GBP', 'JPY', 'INR', 'CAD', 'AUD', 'NZD', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'BRL', 'MXN', 'ZAR', 'SGD', 'HKD', 'CNY', 'KRW', 'TRY', 'ILS', 'CZK', 'HUF', 'RUB', 'BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND']);
const SUFFIXES: Record<string, number> = { k: 1e3, K: 1e3, m: 1e6, M: 1e6, mm: 1e6, MM: 1e6, b: 1e9, B: 1e9, bn: 1e9, Bn: 1e9, t: 1e12, T: 1e12, Mio: 1e6, Mrd: 1e9 };

/** Locales that write 1.234,5 (decimal comma). */
const DECIMAL_COMMA_LOCALES = /^(de|fr|es|it|pt|nl|sv|da|nb|no|fi|pl|cs|ru|tr|id|ro|hu|el|uk|sk|sl|hr|bg|lt|lv|et)\b/i;

export function parseDisplayedNumber(text: unknown, locale?: string): ParsedNumber | null {
  if (typeof text !== 'string') return null;
  // Every kind of space (NBSP, narrow NBSP, thin) is a thousands separator or padding.
  let s = text.replace(/[\u00a0\u202f\u2009\u2007\u200a]/g, ' ').trim();
  if (!s || s.length > 60) return null;

  let negative = false;
  const accounting = /^\((.*)\)$/.exec(s);
  if (accounting) {
    negative = true;
    s = accounting[1]!.trim();
  }
  // Unicode minus and dashes used as minus signs.
  s = s.replace(/^[\u2212\u2013\u2014]/, '-');
  if (s.startsWith('+')) s = s.slice(1).trim();

  let unit: string | undefined;
  const takeCurrency = (token: string) => {
    const code = CURRENCY_SYMBOLS[token] ?? (ISO_CODES.has(token.toUpperCase()) ? token.toUpperCase() : undefined);
    if (code) unit = code;
    return !!code;
  };

  // Leading sign, then currency prefix ("-$1.2K", "$-1.2K", "€ 12", "USD 1,200").
  if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1).trim();
  }
  const prefix = /^(US\$|CA\$|AU\$|NZ\$|HK\$|R\$|A\$|C\$|S\$|[$€£¥₹₩₽₺₪]|[A-Z]{3}(?=[\s\d]))\s*/.exec(s);
  if (prefix && takeCurrency(prefix[1]!)) s = s.slice(prefix[0].length);
  if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1).trim();
  }

  // Trailing unit: %, pts, currency symbol or code.
  const suffix = /\s*(%|pts?|pp|[$€£¥₹₩₽₺₪]|kr|zł|CHF|[A-Z]{3})$/.exec(s);
  if (suffix) {
    const token = suffix[1]!;
    if (token === '%') unit = '%';
    else if (/^(pts?|pp)$/.test(token)) unit = 'pts';
    else if (!takeCurrency(token)) return null;
    s = s.slice(0, s.length - suffix[0].length).trim();
  }

  // Magnitude suffix: 12.3K, 4.5M, 1.2bn, 3 Mio.
  let multiplier = 1;
  const magnitude = /\s?(k|K|mm|MM|m|M|bn|Bn|b|B|t|T|Mio|Mrd)\.?$/.exec(s);
  if (magnitude) {
    multiplier = SUFFIXES[magnitude[1]!]!;
    s = s.slice(0, s.length - magnitude[0].length).trim();
  }

  if (!/^\d[\d\s.,']*$/.test(s) || /\s{2,}/.test(s)) return null;
  const value = readDigits(s, locale);
  if (value === null) return null;
  const result = (negative ? -value : value) * multiplier;
  return Number.isFinite(result) ? { value: roundFloat(result), ...(unit ? { unit } : {}) } : null;
}

/** Decides which of "." and "," is the decimal mark, using the locale only when the text is ambiguous. */
function readDigits(s: string, locale?: string): number | null {
  const compact = s.replace(/[\s']/g, '');
  const dots = (compact.match(/\./g) ?? []).length;
  const commas = (compact.match(/,/g) ?? []).length;
  let decimal: '.' | ',' | null = null;
  if (dots && commas) decimal = compact.lastIndexOf('.') > compact.lastIndexOf(',') ? '.' : ',';
  else if (dots > 1) decimal = null; // 1.234.567: dots group thousands
  else if (commas > 1) decimal = null; // 1,234,567
  else if (dots === 1 || commas === 1) {
    const mark = dots ? '.' : ',';
    const after = compact.length - compact.indexOf(mark) - 1;
    if (after !== 3) decimal = mark; // "1,5", "12.50"
    else {
      // "1,234" and "1.234" are ambiguous: the locale decides; without one, English reading.
      const localeDecimal = locale && DECIMAL_COMMA_LOCALES.test(locale) ? ',' : '.';
      decimal = mark === localeDecimal ? mark : null;
    }
  }
  // With no decimal mark, whichever mark is present groups thousands.
  const thousands = decimal === '.' ? ',' : decimal === ',' ? '.' : dots ? '.' : ',';
  const groups = compact.split(decimal ?? '\u0000');
  if (groups.length > 2) return null;
  const integer = groups[0]!;
  // Thousands groups must be groups of three (Indian lakh grouping, 1,23,456, also allowed).
  if (integer.includes(thousands) && !/^\d{1,3}([.,]\d{2,3})*$/.test(integer)) return null;
  const normalised = integer.split(thousands).join('') + (groups[1] !== undefined ? `.${groups[1]}` : '');
  if (!/^\d+(\.\d+)?$/.test(normalised)) return null;
  return Number(normalised);
}

function roundFloat(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}
