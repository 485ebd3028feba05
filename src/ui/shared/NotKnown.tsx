/** A place kept for a value no connected tool has (yet): a dash to see, words to hear. */
export function NotKnown({ pending = false }: { pending?: boolean }) {
  if (pending) {
    return (
      <span class="pending-value">
        <span class="visually-hidden">Asking your other tools…</span>
      </span>
    );
  }
  return (
    <span class="muted">
      <span aria-hidden="true">—</span>
      <span class="visually-hidden">Not in your connected tools</span>
    </span>
  );
}
