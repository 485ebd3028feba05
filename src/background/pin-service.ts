import { parseDisplayedNumber } from '../metrics/parse-number';
import { matchesPinPattern, pinPatternFor } from '../metrics/pin-pattern';
import type { Pin } from '../store/schema';
import { notePinMissing, notePinReading, pinsOfOrigin, savePin } from '../store/pins';
import { hasOriginPermission, registerPinReader } from '../platform/scripting';
import type { Reply } from '../protocol/messages';
import type { SenderInfo } from '../protocol/server';
import { toMinorUnits } from '../connectors/kit/money';

/** Money is stored in minor units like every other amount; other units as displayed. */
function storedValue(parsed: { value: number; unit?: string }): number {
  return parsed.unit && /^[A-Z]{3}$/.test(parsed.unit) ? toMinorUnits(parsed.value, parsed.unit) : parsed.value;
}

/** Same value again within an hour is the same reading, not a new point. */
const SAME_READING_MS = 60 * 60_000;

export async function createPin(sender: SenderInfo, request: { label: string; selector: string; text: string }): Promise<Reply<'picker→background:pin'>> {
  const url = sender.tab?.url ?? sender.url ?? '';
  const pattern = pinPatternFor(url);
  const parsed = parseDisplayedNumber(request.text);
  if (!pattern) return { ok: false, error: { kind: 'rejected', message: 'Only numbers on https pages can be pinned.' } };
  if (!parsed) return { ok: false, error: { kind: 'rejected', message: `“${request.text}” is not a number we can read.` } };
  const now = Date.now();
  const id = `pin:${crypto.randomUUID()}`;
  const pin: Pin = { id, label: request.label || 'Pinned number', selector: request.selector, urlPattern: pattern, origin: new URL(url).origin, createdAt: now, status: 'ok', lastSeenAt: now, lastText: request.text };
  await savePin(pin, parsed.unit ?? 'count', storedValue(parsed));
  // Where the user already granted the origin, visits re-read the pin from now on.
  if (await hasOriginPermission(pin.origin)) await registerPinReader(pin.origin);
  return { ok: true, data: { id } };
}

async function pinsOfPage(sender: SenderInfo): Promise<Pin[]> {
  const url = sender.tab?.url ?? sender.url ?? '';
  const origin = pinPatternFor(url) ? new URL(url).origin : '';
  return (await pinsOfOrigin(origin)).filter((pin) => matchesPinPattern(pin.urlPattern, url));
}

/** Only this page's pins, and only their selectors: nothing else about the user's metrics. */
export async function pinsForPage(sender: SenderInfo): Promise<Reply<'pin-reader→background:pinsForPage'>> {
  return { ok: true, data: { pins: (await pinsOfPage(sender)).map(({ id, selector }) => ({ id, selector })) } };
}

export async function recordPinReadings(sender: SenderInfo, readings: Array<{ id: string; text: string | null }>): Promise<Reply<'pin-reader→background:pinReadings'>> {
  const pins = new Map((await pinsOfPage(sender)).map((pin) => [pin.id, pin]));
  const now = Date.now();
  for (const reading of readings) {
    const pin = pins.get(reading.id);
    if (!pin) continue; // not a pin of the page that sent it
    const parsed = reading.text === null ? null : parseDisplayedNumber(reading.text);
    // The element is gone or shows something else: say so, record nothing.
    if (!parsed) await notePinMissing(pin, reading.text ?? undefined, now);
    else await notePinReading(pin, storedValue(parsed), reading.text ?? undefined, now, SAME_READING_MS);
  }
  return { ok: true, data: {} };
}

export async function enablePinRereads(origin: string): Promise<Reply<'panel→background:enablePinRereads'>> {
  if (!(await hasOriginPermission(origin))) return { ok: false, error: { kind: 'rejected', message: `No permission to read pages of ${origin}.` } };
  await registerPinReader(origin);
  return { ok: true, data: {} };
}
