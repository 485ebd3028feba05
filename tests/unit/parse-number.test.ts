import { describe, expect, it } from 'vitest';
import { parseDisplayedNumber } from '../../src/metrics/parse-number';

const NBSP = '\u00a0';
const NNBSP = '\u202f';
const THIN = '\u2009';

describe('parseDisplayedNumber on what consoles show', () => {
  it.each([
    // plain counts and grouping
    ['1,234', undefined, { value: 1234 }],
    ['1,234.5', undefined, { value: 1234.5 }],
    ['1,234,567', undefined, { value: 1234567 }],
    ['1,234,567.89', undefined, { value: 1234567.89 }],
    ['12.50', undefined, { value: 12.5 }],
    ['0.5', undefined, { value: 0.5 }],
    ['42', undefined, { value: 42 }],
    ['  7 ', undefined, { value: 7 }],
    ['1 234 567', undefined, { value: 1234567 }],
    [`1${NBSP}234${NBSP}567`, undefined, { value: 1234567 }],
    [`1${NNBSP}234,5`, 'fr-FR', { value: 1234.5 }],
    [`1${THIN}234`, undefined, { value: 1234 }],
    ["1'234.50", 'de-CH', { value: 1234.5 }],
    ['1,23,456', 'en-IN', { value: 123456 }],
    // European decimal comma
    ['1.234,5', undefined, { value: 1234.5 }],
    ['1.234.567,89', undefined, { value: 1234567.89 }],
    ['1,5', undefined, { value: 1.5 }],
    ['1.234', 'de-DE', { value: 1234 }],
    ['1.234', 'en-US', { value: 1.234 }],
    ['1,234', 'de-DE', { value: 1.234 }],
    // money
    ['$12', undefined, { value: 12, unit: 'USD' }],
    ['$1,234.56', undefined, { value: 1234.56, unit: 'USD' }],
    ['1.234,5 €', undefined, { value: 1234.5, unit: 'EUR' }],
    [`1${NBSP}234,50${NBSP}€`, 'fr-FR', { value: 1234.5, unit: 'EUR' }],
    ['€12.3K', undefined, { value: 12300, unit: 'EUR' }],
    ['£4.5M', undefined, { value: 4500000, unit: 'GBP' }],
    ['USD 1,200', undefined, { value: 1200, unit: 'USD' }],
    ['1,200 USD', undefined, { value: 1200, unit: 'USD' }],
    ['CA$99', undefined, { value: 99, unit: 'CAD' }],
    ['R$ 1.234,56', 'pt-BR', { value: 1234.56, unit: 'BRL' }],
    ['¥1,000', undefined, { value: 1000, unit: 'JPY' }],
    ['-$1.2K', undefined, { value: -1200, unit: 'USD' }],
    ['$-1.2K', undefined, { value: -1200, unit: 'USD' }],
    ['($1,200.00)', undefined, { value: -1200, unit: 'USD' }],
    // magnitudes
    ['$12.3K', undefined, { value: 12300, unit: 'USD' }],
    ['4.5M', undefined, { value: 4500000 }],
    ['1.2bn', undefined, { value: 1200000000 }],
    ['3 Mio', 'de-DE', { value: 3000000 }],
    ['12k', undefined, { value: 12000 }],
    // percentages and points
    ['45%', undefined, { value: 45, unit: '%' }],
    ['45.2 %', undefined, { value: 45.2, unit: '%' }],
    ['12,5 %', 'de-DE', { value: 12.5, unit: '%' }],
    ['-3.2 pts', undefined, { value: -3.2, unit: 'pts' }],
    ['+1.5pp', undefined, { value: 1.5, unit: 'pts' }],
    ['+12%', undefined, { value: 12, unit: '%' }],
    // negatives
    ['(1,200)', undefined, { value: -1200 }],
    ['−42', undefined, { value: -42 }],
    ['-0.75', undefined, { value: -0.75 }],
  ])('%j (%s) → %j', (text, locale, expected) => {
    expect(parseDisplayedNumber(text, locale)).toEqual(expected);
  });

  it.each([
    '',
    '   ',
    '—',
    'N/A',
    'Loading…',
    'Open deals',
    '12 Mar 2025',
    '2025-03-12',
    '10:45',
    '3/4',
    '1-3',
    '12 of 40',
    '1,2,3',
    '1.2.3,4,5',
    '12,34,5',
    '$',
    '%',
    '1e5',
    'abc123',
    '123abc',
    'v2.1',
    '€ € 12',
    'x'.repeat(100),
  ])('%j is not a number', (text) => {
    expect(parseDisplayedNumber(text)).toBeNull();
  });

  it('returns null for anything that is not text', () => {
    expect(parseDisplayedNumber(42)).toBeNull();
    expect(parseDisplayedNumber(null)).toBeNull();
  });
});
