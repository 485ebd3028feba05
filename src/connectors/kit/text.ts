/** A vendor's string trimmed; undefined for anything else or a blank one ("" is how many vendors say "none"). */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}
