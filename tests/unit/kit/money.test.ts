import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { currencyExponent, fromMinorUnits, moneyFromMajor, rescaleMinorUnits, toMinorUnits } from '../../../src/connectors/kit/money';

describe('currencyExponent', () => {
  it('follows ISO 4217: none for yen and won, three for the dinars, four for the Chilean UF, two otherwise', () => {
    for (const code of ['JPY', 'KRW', 'VND', 'CLP', 'ISK', 'UGX', 'XAF', 'XOF', 'XPF', 'PYG', 'RWF', 'KMF', 'GNF', 'DJF', 'BIF', 'VUV']) expect(currencyExponent(code), code).toBe(0);
    for (const code of ['KWD', 'BHD', 'OMR', 'JOD', 'TND', 'LYD', 'IQD']) expect(currencyExponent(code), code).toBe(3);
    for (const code of ['CLF', 'UYW']) expect(currencyExponent(code), code).toBe(4);
    for (const code of ['USD', 'EUR', 'GBP', 'CHF', 'HUF', 'IDR', 'COP', 'MGA', 'xyz']) expect(currencyExponent(code), code).toBe(2);
    expect(currencyExponent('jpy')).toBe(0);
  });

  it('agrees with the browser’s currency data except where the browser departs from ISO 4217', () => {
    // CLDR (what Intl uses) drops the decimals nobody pays with; ISO 4217 still counts them.
    const intlDiffers = new Set(['AFN', 'ALL', 'COP', 'HUF', 'IDR', 'IQD', 'IRR', 'KPW', 'LAK', 'LBP', 'MGA', 'MMK', 'PKR', 'RSD', 'SLL', 'SOS', 'SYP', 'YER']);
    for (const code of Intl.supportedValuesOf('currency')) {
      const intl = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits;
      if (!intlDiffers.has(code)) expect(currencyExponent(code), code).toBe(intl);
    }
  });
});

describe('minor units', () => {
  it('converts each currency by its own exponent', () => {
    expect(toMinorUnits(1000, 'JPY')).toBe(1000);
    expect(toMinorUnits(12.34, 'EUR')).toBe(1234);
    expect(toMinorUnits(1.234, 'KWD')).toBe(1234);
    expect(fromMinorUnits(1000, 'JPY')).toBe(1000);
    expect(fromMinorUnits(1234, 'EUR')).toBe(12.34);
    expect(fromMinorUnits(1234, 'KWD')).toBe(1.234);
  });

  it('rounds half away from zero in decimal, not in binary (1.005 is 101 cents)', () => {
    expect(toMinorUnits(1.005, 'USD')).toBe(101);
    expect(toMinorUnits(0.615, 'EUR')).toBe(62);
    expect(toMinorUnits(99.999, 'GBP')).toBe(10000);
    expect(toMinorUnits(1e-7, 'USD')).toBe(0);
  });

  it('round-trips every amount a currency can hold', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.constantFrom('JPY', 'EUR', 'USD', 'KWD', 'BHD', 'CLF', 'IQD'), (minor, currency) => {
        expect(toMinorUnits(fromMinorUnits(minor, currency), currency)).toBe(minor);
      }),
    );
  });

  it('rescales a vendor’s own count of decimals to ISO minor units', () => {
    expect(rescaleMinorUnits(150000, 2, 'ISK')).toBe(1500);
    expect(rescaleMinorUnits(1500, 0, 'MGA')).toBe(150000);
    expect(rescaleMinorUnits(1234, 2, 'EUR')).toBe(1234);
  });
});

describe('moneyFromMajor', () => {
  it('makes canonical money from a vendor’s decimal, or nothing when it cannot be exact', () => {
    expect(moneyFromMajor(1000, 'jpy')).toEqual({ amountMinor: 1000, currency: 'JPY' });
    expect(moneyFromMajor(1.234, 'KWD')).toEqual({ amountMinor: 1234, currency: 'KWD' });
    expect(moneyFromMajor(undefined, 'USD')).toBeUndefined();
    expect(moneyFromMajor(Number.NaN, 'USD')).toBeUndefined();
    expect(moneyFromMajor(10, undefined)).toBeUndefined();
    expect(moneyFromMajor(10, 'dollars')).toBeUndefined();
    expect(moneyFromMajor(1e300, 'USD')).toBeUndefined();
  });
});
