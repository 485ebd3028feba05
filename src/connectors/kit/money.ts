/**
 * Money in minor units by each currency's ISO 4217 exponent: ¥1,000 is 1000 (JPY has no minor
 * unit), €12.34 is 1234, 1.234 KWD is 1234 (three decimals). Vendors that report decimals
 * convert here, and the panel divides by the same exponent, so both ends agree.
 *
 * ISO 4217 is the rule, not Intl: browsers' CLDR data shows some currencies without decimals
 * that ISO counts with two (HUF, IDR, COP...) and gives IQD none where ISO gives it three.
 */

export type Money = { amountMinor: number; currency: string };

/** The ISO 4217 exponents that are not 2 (list one, as amended to 2024). */
const EXPONENTS: Record<string, number> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

const CURRENCY_CODE = /^[A-Za-z]{3}$/;

/** Digits after the decimal point in the currency's minor unit; 2 for a code we do not know. */
export function currencyExponent(currency: string): number {
  return EXPONENTS[currency.toUpperCase()] ?? 2;
}

/**
 * Moves the decimal point by `places` in the number's decimal form, so 1.005 becomes 100.5
 * (binary multiplication gives 100.49999..., which rounds the wrong way).
 */
function shiftDecimal(value: number, places: number): number {
  const [digits, exponent = '0'] = String(value).split('e');
  return Number(`${digits}e${Number(exponent) + places}`);
}

/** A decimal amount (12.34) as an integer count of minor units (1234 for EUR). */
export function toMinorUnits(major: number, currency: string): number {
  return Math.round(shiftDecimal(major, currencyExponent(currency)));
}

/** Minor units back to a decimal amount in the currency's main unit. */
export function fromMinorUnits(minor: number, currency: string): number {
  return shiftDecimal(minor, -currencyExponent(currency));
}

/**
 * Minor units a vendor counts with its own number of decimals (Stripe counts ISK in hundredths,
 * MGA in whole ariary) as ISO minor units.
 */
export function rescaleMinorUnits(amount: number, vendorExponent: number, currency: string): number {
  return Math.round(shiftDecimal(amount, currencyExponent(currency) - vendorExponent));
}

/**
 * A vendor's decimal amount as canonical money; undefined when it is not a finite number, the
 * currency is not a three-letter code, or the minor units are beyond 2^53 (no amount rather
 * than a wrong one).
 */
export function moneyFromMajor(major: number | null | undefined, currency: string | null | undefined): Money | undefined {
  if (typeof major !== 'number' || !Number.isFinite(major) || !currency || !CURRENCY_CODE.test(currency)) return undefined;
  const code = currency.toUpperCase();
  const amountMinor = toMinorUnits(major, code);
  return Number.isSafeInteger(amountMinor) ? { amountMinor, currency: code } : undefined;
}
