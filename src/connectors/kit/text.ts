/** A vendor's string trimmed; undefined for anything else or a blank one ("" is how many vendors say "none"). */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * Character references (`&amp;`, `&#39;`, `&#x2019;`) to the characters they stand for, in one
 * pass (`&amp;lt;` is the text `&lt;`), for vendors that HTML-escape plain names. The result is
 * text, never markup: whatever shows it must still escape it. Unknown names stay as written.
 */
export function decodeEntities(value: string): string {
  return value.replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,6});/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
  });
}

/** `text()` of a value that a vendor sends HTML-escaped ("Phone &amp; SMS"). */
export function unescapedText(value: unknown): string | undefined {
  return text(typeof value === 'string' ? decodeEntities(value) : value);
}
