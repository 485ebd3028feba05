import { send } from '../protocol/client';
import { whenLoaded } from './page-ready';

/**
 * Registered only for origins the user granted when pinning. Asks which pins belong to this
 * page, reads their text once the page has settled, and reports it; the background parses.
 */
async function readPins(): Promise<void> {
  const reply = await send('pin-reader→background:pinsForPage', {});
  if (!reply.ok || reply.data.pins.length === 0) return;
  // Dashboards fill in their numbers after load; give them a moment.
  await whenLoaded();
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const readings = reply.data.pins.map((pin) => ({ id: pin.id, text: document.querySelector(pin.selector)?.textContent?.trim().slice(0, 100) ?? null }));
  await send('pin-reader→background:pinReadings', { readings });
}

void readPins();
