/**
 * Folds text the way people type it when their keyboard lacks the letter: lower case, accents
 * dropped ("Dvořák" → "dvorak"), and the letters that carry no separable accent spelled out
 * ("Straße" → "strasse", "Łódź" → "lodz"). Index terms and queries both go through it, so
 * either spelling finds the other.
 */
const SPECIAL: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h', ŧ: 't' };
const SPECIAL_PATTERN = /[ßæœøłđðþıħŧ]/g;

export function fold(text: string): string {
  const lower = text.toLowerCase();
  // Pure ASCII is most of what is typed and indexed: skip the Unicode work for it.
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(lower)) return lower;
  return lower
    .normalize('NFD')
    // Only the Latin/Greek/Cyrillic combining accents: a Japanese voicing mark changes the word.
    .replace(/[\u0300-\u036f]+/g, '')
    .replace(SPECIAL_PATTERN, (letter) => SPECIAL[letter]!)
    .normalize('NFC');
}
