import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

/** "+N" to show what is held back, "less" to hide it again; the label says it in words. */
export function MoreToggle({ open, hidden, showLabel, hideLabel, testId, onToggle }: { open: boolean; hidden: number; showLabel: string; hideLabel: string; testId: string; onToggle: () => void }) {
  return (
    <button type="button" class="link more" aria-expanded={open} aria-label={open ? hideLabel : showLabel} onClick={onToggle} data-testid={testId}>
      {open ? 'less' : `+${hidden}`}
    </button>
  );
}

/**
 * The first value on one line, the others behind "+N": other tools answer one by one, and a
 * list that grew with each answer pushed everything under it down while the user was reading.
 * Opening it is the user's own doing, so the panel may move then.
 */
export function FirstAndMore<T>({ items, keyOf, render, noun, plural }: { items: T[]; keyOf: (item: T) => string; render: (item: T) => ComponentChildren; noun: string; plural: string }) {
  const [open, setOpen] = useState(false);
  const [first, ...rest] = items;
  if (first === undefined) return null;
  const toggle = rest.length > 0 && (
    <MoreToggle open={open} hidden={rest.length} showLabel={`Show ${rest.length} more ${rest.length > 1 ? plural : noun}`} hideLabel={`Show one ${noun}`} testId="show-more" onToggle={() => setOpen(!open)} />
  );
  return (
    <ul class="values first-and-more">
      <li class="first">
        <span class="value">{render(first)}</span>
        {toggle}
      </li>
      {open && rest.map((item) => <li key={keyOf(item)}>{render(item)}</li>)}
    </ul>
  );
}
