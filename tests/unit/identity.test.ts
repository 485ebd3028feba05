import { describe, expect, it } from 'vitest';
import { isPersonalMailDomain, normalizeDomain, normalizeEmail, normalizePhone } from '../../src/identity/normalize';
import { registrableDomain } from '../../src/identity/domains';

describe('normalizeEmail', () => {
  it.each([
    ['  Ann.Lee@Acme.COM ', 'ann.lee@acme.com'],
    ['ann+tag@acme.com', 'ann+tag@acme.com'], // only Gmail ignores +tags
    ['a.n.n@acme.com', 'a.n.n@acme.com'], // only Gmail ignores dots
    ['A.N.N+news@gmail.com', 'ann@gmail.com'],
    ['a.n.n+news@googlemail.com', 'ann@gmail.com'],
    ['Ann Lee <Ann.Lee@Acme-Robotics.com>', 'ann.lee@acme-robotics.com'],
    ['mailto:support@acme.com', 'support@acme.com'],
    ['ann@sub.acme.co.uk', 'ann@sub.acme.co.uk'],
    ['+news@gmail.com', null],
    ['not an email', null],
    ['ann@', null],
    ['@acme.com', null],
    ['ann@acme', null],
    ['ann lee@acme.com', null],
    ['ann@acme..com', null],
    ['', null],
    [null, null],
    [42, null],
    [`${'a'.repeat(250)}@acme.com`, null],
  ])('normalizeEmail(%j) = %j', (input, expected) => expect(normalizeEmail(input)).toBe(expected));
});

describe('normalizeDomain', () => {
  it.each([
    ['acme.com', 'acme.com'],
    ['https://www.Acme.com/pricing?x=1', 'acme.com'],
    ['http://shop.eu.acme.com:8080', 'acme.com'],
    ['ann@mail.acme.com', 'acme.com'],
    ['ACME-Robotics.com.', 'acme-robotics.com'],
    ['https://mail.acme.co.uk', 'acme.co.uk'],
    ['acme.com.au', 'acme.com.au'],
    ['shop.acme.co.jp', 'acme.co.jp'],
    ['co.uk', null],
    ['acme.github.io', 'acme.github.io'],
    ['ann@gmail.com', null],
    ['gmail.com', null],
    ['ann@yahoo.co.uk', null],
    ['ann@mailinator.com', null],
    ['https://outlook.com', null],
    ['192.168.0.1', null],
    ['localhost', null],
    ['not a domain', null],
    ['', null],
    [undefined, null],
  ])('normalizeDomain(%j) = %j', (input, expected) => expect(normalizeDomain(input)).toBe(expected));

  it('knows free and disposable mail', () => {
    expect(isPersonalMailDomain('GMAIL.com')).toBe(true);
    expect(isPersonalMailDomain('yopmail.com')).toBe(true);
    expect(isPersonalMailDomain('acme.com')).toBe(false);
    expect(registrableDomain('a.b.c.acme.org.uk')).toBe('acme.org.uk');
  });
});

describe('normalizePhone', () => {
  it.each([
    ['+1 (415) 555-0100', undefined, '+14155550100'],
    ['+1 415.555.0100 ext. 12', undefined, '+14155550100'],
    ['+44 20 7946 0958', undefined, '+442079460958'],
    ['0044 20 7946 0958', undefined, '+442079460958'],
    ['(415) 555-0142', 'US', '+14155550142'],
    ['1-415-555-0142', 'US', '+14155550142'],
    ['415-555-0142 x9', 'us', '+14155550142'],
    ['020 7946 0958', 'GB', '+442079460958'],
    ['030 1234567', 'DE', '+49301234567'],
    ['01 23 45 67 89', 'FR', '+33123456789'],
    ['06 12 34 56 78', 'FR', '+33612345678'],
    ['02 1234 5678', 'AU', '+61212345678'],
    ['06 1234 5678', 'IT', '+390612345678'], // Italy keeps the 0
    ['(415) 555-0142', undefined, null], // national, and no country to infer
    ['(415) 555-0142', 'ZZ', null],
    ['020 7946', 'GB', null], // too short for the UK
    ['+1 555-1234', undefined, null], // seven digits: a North American number needs ten
    ['555-1234', 'US', null],
    ['+1 415 555 01423', undefined, null], // one digit too many
    ['030 901820', 'Germany', '+4930901820'], // a country name, as a record's mailing country says it
    ['+1 800 FLOWERS', undefined, null],
    ['n/a', 'US', null],
    ['12', 'US', null],
    ['+0 123 456 789', undefined, null],
    ['', 'US', null],
    [null, 'US', null],
  ])('normalizePhone(%j, %j) = %j', (input, country, expected) => expect(normalizePhone(input, country)).toBe(expected));
});
