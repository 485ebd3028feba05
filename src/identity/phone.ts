/**
 * Phone numbers to E.164 without a 200 KB metadata library: international input is trusted
 * as written; national input needs a country (the record's, or the user's default) and the
 * country's trunk prefix rule. Unknown countries give null rather than a wrong identity.
 */

interface CountryRule {
  code: string;
  /** National significant number lengths accepted after the trunk prefix is removed. */
  lengths: number[];
  /** Trunk prefix dialled before national numbers ("0" in most of Europe, "1" in NANP). */
  trunk?: string;
}

const RULES: Record<string, CountryRule> = {
  US: { code: '1', lengths: [10], trunk: '1' },
  CA: { code: '1', lengths: [10], trunk: '1' },
  GB: { code: '44', lengths: [9, 10], trunk: '0' },
  IE: { code: '353', lengths: [7, 8, 9], trunk: '0' },
  DE: { code: '49', lengths: [6, 7, 8, 9, 10, 11], trunk: '0' },
  AT: { code: '43', lengths: [7, 8, 9, 10, 11, 12, 13], trunk: '0' },
  CH: { code: '41', lengths: [9], trunk: '0' },
  FR: { code: '33', lengths: [9], trunk: '0' },
  BE: { code: '32', lengths: [8, 9], trunk: '0' },
  NL: { code: '31', lengths: [9], trunk: '0' },
  ES: { code: '34', lengths: [9] },
  PT: { code: '351', lengths: [9] },
  // Italy keeps the leading 0 of landlines inside the international number.
  IT: { code: '39', lengths: [6, 7, 8, 9, 10, 11] },
  SE: { code: '46', lengths: [7, 8, 9], trunk: '0' },
  NO: { code: '47', lengths: [8] },
  DK: { code: '45', lengths: [8] },
  FI: { code: '358', lengths: [6, 7, 8, 9, 10], trunk: '0' },
  PL: { code: '48', lengths: [9] },
  AU: { code: '61', lengths: [9], trunk: '0' },
  NZ: { code: '64', lengths: [8, 9, 10], trunk: '0' },
  IN: { code: '91', lengths: [10], trunk: '0' },
  JP: { code: '81', lengths: [9, 10], trunk: '0' },
  SG: { code: '65', lengths: [8] },
  BR: { code: '55', lengths: [10, 11], trunk: '0' },
  MX: { code: '52', lengths: [10] },
  ZA: { code: '27', lengths: [9], trunk: '0' },
};

export function isSupportedPhoneCountry(country: string): boolean {
  return country.toUpperCase() in RULES;
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
  const digits = raw.replace(/\D/g, '');
  const international = raw.startsWith('+') ? digits : raw.startsWith('00') ? digits.slice(2) : null;
  if (international !== null) {
    return international.length >= 8 && international.length <= 15 && !international.startsWith('0') ? `+${international}` : null;
  }
  const rule = defaultCountry ? RULES[defaultCountry.toUpperCase()] : undefined;
  if (!rule) return null;
  let national = digits;
  // A 0 trunk prefix never starts a national number; NANP's 1 only does in 11-digit form.
  if (rule.trunk === '0' && national.startsWith('0')) national = national.slice(1);
  if (rule.trunk === '1' && national.length === 11 && national.startsWith('1')) national = national.slice(1);
  return rule.lengths.includes(national.length) ? `+${rule.code}${national}` : null;
}
