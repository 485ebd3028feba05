import { describe, expect, it } from 'vitest';
import { getDomain } from 'tldts';
import { getCountries, getExampleNumber, parsePhoneNumberFromString } from 'libphonenumber-js';
import examples from 'libphonenumber-js/examples.mobile.json';
import { icannRules } from '../../scripts/lib/public-suffix-rules.mjs';
import { registrableDomain } from '../../src/identity/domains';
import { normalizeDomain, normalizePhone } from '../../src/identity/normalize';

/**
 * The identity normalisers against the references they stand in for: the public suffix list
 * (through tldts) and libphonenumber's metadata (libphonenumber-js, its default `min` set).
 * Any disagreement changes an identity: a suffix taken for a company's domain joins every
 * company under it, and an invalid number taken for a phone joins whoever typed it.
 */

const PLATFORMS = ['github.io', 'herokuapp.com', 'vercel.app', 'netlify.app', 'myshopify.com', 'blogspot.com', 'azurewebsites.net'];

/** Hosts from around the world, as customers' websites and mail servers are named. */
const WORLD_HOSTS = [
  'x.example.co.id', 'www.example.com.vn', 'shop.example.com.ng', 'example.co.th', 'mail.example.com.sa', 'www.example.com.eg',
  'example.com.ph', 'www.example.org.pk', 'portal.example.co.ke', 'www.example.ac.za', 'example.gov.in', 'www.example.gob.mx',
  'school.k12.ca.us', 'www.example.k12.ca.us', 'mail.acme.co.uk', 'acme.com.au', 'shop.acme.co.jp', 'acme.de', 'www.acme.fr',
  'acme.com.br', 'acme.co.nz', 'a.b.acme.org.uk', 'acme.com.tr', 'acme.co.kr', 'www.acme.com.cn', 'acme.co.il', 'acme.co.za',
  'acme.com.sg', 'www.city.kawasaki.jp', 'shop.acme.kawasaki.jp',
];

function disagreements<T>(cases: T[], ours: (c: T) => string | null, reference: (c: T) => string | null) {
  return cases.map((c) => ({ c, ours: ours(c), reference: reference(c) })).filter((row) => row.ours !== row.reference);
}

describe('registrable domains agree with the public suffix list', async () => {
  const { rules, exceptions } = await icannRules();
  const named = (rule: string) => rule.replace('*', 'shop');
  const hosts = [
    ...WORLD_HOSTS,
    // Every multi-part rule as a bare suffix, a company under it and a host of that company.
    ...rules.filter((rule) => rule.includes('.')).flatMap((rule) => [named(rule), `acme.${named(rule)}`, `www.acme.${named(rule)}`]),
    ...exceptions.flatMap((exception) => [exception, `www.${exception}`]),
    // One-label suffixes, and labels no rule lists.
    ...rules.filter((rule) => !rule.includes('.')).map((tld) => `www.acme.${tld}`),
    'www.acme.notatld', 'a.b.c.acme.example',
    ...PLATFORMS.flatMap((platform) => [`acme.${platform}`, `www.acme.${platform}`, platform]),
  ];
  const reference = (host: string) => getDomain(host, { allowPrivateDomains: PLATFORMS.some((p) => host === p || host.endsWith(`.${p}`)) });

  it(`on ${hosts.length} hosts across every ICANN rule and the hosting platforms`, () => {
    expect(hosts.length).toBeGreaterThan(15_000);
    const wrong = disagreements(hosts, registrableDomain, reference);
    expect(wrong.length, JSON.stringify(wrong.slice(0, 20))).toBe(0);
  });

  it('so no suffix becomes a company domain shared by every company under it', () => {
    for (const host of WORLD_HOSTS) expect(normalizeDomain(`https://${host}/about`), host).toBe(reference(host));
    expect(normalizeDomain('x.example.co.id')).toBe('example.co.id');
    expect(normalizeDomain('www.other.co.id')).toBe('other.co.id');
    expect(normalizeDomain('co.id')).toBeNull();
    expect(normalizeDomain('k12.ca.us')).toBeNull();
  });

  it('keeps two blog platforms the list lacks as platforms, so their blogs are not one company', () => {
    expect(registrableDomain('www.acme.wordpress.com')).toBe('acme.wordpress.com');
    expect(registrableDomain('acme.substack.com')).toBe('acme.substack.com');
  });
});

describe('phones agree with libphonenumber', () => {
  const countries = getCountries();
  /** Every country's example number written the ways records write it, plus cut and padded copies. */
  const cases = countries.flatMap((country): Array<[string, string | undefined]> => {
    const example = getExampleNumber(country, examples);
    if (!example) return [];
    const code = example.countryCallingCode;
    const digits = example.nationalNumber;
    const national = example.formatNational();
    return [
      [example.formatInternational(), undefined],
      [example.number, undefined],
      [`00${code} ${digits}`, undefined],
      [national, country],
      [example.formatInternational(), country],
      ...[1, 2, 3].flatMap((cut): Array<[string, string | undefined]> => [[`+${code}${digits.slice(0, -cut)}`, undefined], [national.replace(new RegExp(`\\d(\\D*\\d){${cut - 1}}\\D*$`), ''), country]]),
      [`+${code}${digits}5`, undefined],
      [`+${code}${digits}55`, undefined],
    ];
  });
  const reference = ([text, country]: [string, string | undefined]) => {
    const written = text.startsWith('00') ? `+${text.slice(2)}` : text;
    const parsed = parsePhoneNumberFromString(written, country as never);
    return parsed?.isValid() ? parsed.number : null;
  };

  it(`on ${cases.length} numbers: every country's example, international and national, cut short and padded`, () => {
    expect(new Set(cases.map(([, country]) => country)).size).toBeGreaterThan(240);
    const wrong = disagreements(cases, ([text, country]) => normalizePhone(text, country), reference);
    expect(wrong.length, JSON.stringify(wrong.slice(0, 20))).toBe(0);
    // The corpus holds both kinds, so agreeing means something either way.
    expect(cases.filter((c) => reference(c) === null).length).toBeGreaterThan(500);
    expect(cases.filter((c) => reference(c) !== null).length).toBeGreaterThan(1000);
  });

  it('so a number too short to be valid never becomes an identity', () => {
    expect(normalizePhone('+1 555-1234')).toBeNull();
    expect(normalizePhone('+44 20 7946')).toBeNull();
    expect(normalizePhone('555-1234', 'US')).toBeNull();
  });

  it('reads national numbers for every country, by ISO code or by the name records write', () => {
    expect(normalizePhone('0812 3456 7890', 'ID')).toBe('+6281234567890');
    expect(normalizePhone('0803 123 4567', 'Nigeria')).toBe('+2348031234567');
    expect(normalizePhone('(415) 555-0142', 'United States')).toBe('+14155550142');
    expect(normalizePhone('030 1234567', 'germany')).toBe('+49301234567');
  });
});
