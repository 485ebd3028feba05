/**
 * Phone numbers to E.164 by libphonenumber's rules for every country: international input as
 * written, national input with a country (the record's, or the user's default). A number that
 * libphonenumber does not find valid (too short, too long, a prefix no country uses) gives
 * null: it stays text on the record but never becomes an identity that could join two people.
 */

import { getCountries, parsePhoneNumberFromString, type CountryCode, type MetadataJson } from 'libphonenumber-js/core';
import phoneMetadata from './data/phone-metadata.json';

const metadata = phoneMetadata as unknown as MetadataJson;

/** Names that records write instead of the ISO code and that the English region names miss. */
const COUNTRY_ALIASES: Record<string, CountryCode> = {
  usa: 'US', 'u.s.': 'US', 'u.s.a.': 'US', 'united states of america': 'US', america: 'US',
  uk: 'GB', 'great britain': 'GB', england: 'GB', scotland: 'GB', wales: 'GB', 'northern ireland': 'GB',
  holland: 'NL', 'the netherlands': 'NL', deutschland: 'DE', 'south korea': 'KR', korea: 'KR', russia: 'RU',
};

let countriesByName: Map<string, CountryCode> | undefined;

/** Lower-case English region names ("germany", "united states") to their ISO codes. */
function countryNames(): Map<string, CountryCode> {
  if (countriesByName) return countriesByName;
  countriesByName = new Map(Object.entries(COUNTRY_ALIASES));
  const names = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(['en'], { type: 'region' }) : undefined;
  for (const code of getCountries(metadata)) {
    const name = names?.of(code);
    if (name && name !== code) countriesByName.set(name.toLowerCase(), code);
  }
  return countriesByName;
}

/** The ISO code libphonenumber knows for "DE", "de", "Germany" or " United States "; else undefined. */
export function phoneCountry(country: string | undefined | null): CountryCode | undefined {
  const value = country?.trim();
  if (!value) return undefined;
  if (/^[a-z]{2}$/i.test(value)) {
    const code = value.toUpperCase();
    return code in metadata.countries ? (code as CountryCode) : undefined;
  }
  return countryNames().get(value.toLowerCase());
}

export function isSupportedPhoneCountry(country: string): boolean {
  return phoneCountry(country) !== undefined;
}

/** Drops extensions ("x12", "ext. 4", "#3") and everything after them. */
function withoutExtension(input: string): string {
  return input.replace(/\s*(?:ext\.?|extension|x|#)\s*\d+\s*$/i, '');
}

export function toE164(input: unknown, defaultCountry?: string): string | null {
  if (typeof input !== 'string') return null;
  const raw = withoutExtension(input.trim());
  // Letters (vanity numbers, "n/a", notes) are not identities.
  if (!raw || /[a-z]/i.test(raw)) return null;
  if (/[^\d\s()+.\-/]/.test(raw)) return null;
  // "0044 …" is how much of the world dials abroad; libphonenumber reads it only with a country.
  const written = raw.startsWith('00') ? `+${raw.slice(2)}` : raw;
  const country = written.startsWith('+') ? undefined : phoneCountry(defaultCountry);
  if (!written.startsWith('+') && !country) return null;
  const parsed = parsePhoneNumberFromString(written, country ? { defaultCountry: country } : {}, metadata);
  return parsed?.isValid() ? parsed.number : null;
}
