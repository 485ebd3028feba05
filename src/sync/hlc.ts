/**
 * A hybrid logical clock: wall time, a counter for events within the same millisecond (or while
 * this device's clock is behind one it has seen), and the device as the final tie-break. Stamps
 * compare as plain strings, so every browser orders the same edits the same way.
 */
export interface Clock {
  wall: number;
  counter: number;
}

export const ZERO_CLOCK: Clock = { wall: 0, counter: 0 };

export function stamp(clock: Clock, device: string): string {
  return `${clock.wall.toString().padStart(15, '0')}.${clock.counter.toString().padStart(6, '0')}.${device}`;
}

export function parseStamp(text: string): Clock | null {
  const match = /^(\d{15})\.(\d{6})\./.exec(text);
  return match ? { wall: Number(match[1]), counter: Number(match[2]) } : null;
}

/** The clock for a local edit: later than every stamp this device has made or seen. */
export function tick(last: Clock, now: number): Clock {
  return now > last.wall ? { wall: now, counter: 0 } : { wall: last.wall, counter: last.counter + 1 };
}

/** The clock after seeing another device's stamp, so this device's next edit sorts after it. */
export function receive(last: Clock, seen: string): Clock {
  const other = parseStamp(seen);
  if (!other) return last;
  if (other.wall > last.wall) return other;
  if (other.wall === last.wall && other.counter > last.counter) return other;
  return last;
}
