import { describe, expect, it } from 'vitest';
import { normalizeDomain, normalizeEmail, normalizePhone } from '../../src/identity/normalize';

describe('identity normalisers (foundation subset)', () => {
  it.each([
    ['  Ann.Lee@Acme.COM ', 'ann.lee@acme.com'],
    ['a.n.n+news@googlemail.com', 'ann@gmail.com'],
    ['ann+tag@acme.com', 'ann+tag@acme.com'],
    ['not an email', null],
    [42, null],
  ])('normalizeEmail(%j) = %j', (input, expected) => expect(normalizeEmail(input)).toBe(expected));

  it.each([
    ['https://www.Acme.com/pricing', 'acme.com'],
    ['ann@acme.com', 'acme.com'],
    ['gmail.com', null],
    ['ann@gmail.com', null],
    ['', null],
    ['no spaces allowed.com x', null],
  ])('normalizeDomain(%j) = %j', (input, expected) => expect(normalizeDomain(input)).toBe(expected));

  it.each([
    ['+1 (415) 555-0100', '+14155550100'],
    ['415-555-0100', '4155550100'],
    ['12', null],
  ])('normalizePhone(%j) = %j', (input, expected) => expect(normalizePhone(input)).toBe(expected));
});
